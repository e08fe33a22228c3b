import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/main/handlers';
import { secretKeys } from '../../src/core/secrets/secret-keys';
import type { Profile } from '../../src/shared/profile';
import { draftOf } from './profile-draft';
import { startEmulator, type Emulator } from '../emulator';
import { emulatorProfile } from '../core/oauth/emulator-profile';
import { createBrowserTestPorts, type TestPorts } from '../support/browser-ports';
import { testKeychain } from '../support/keychain';
import { startRendererHarness, type RendererHarness, type RendererPage } from '../support/renderer-harness';
import { auditStep } from './step-audit';
import { driver, expectNoSecret } from './wizard-driver';

/**
 * Issue 14.10-12, the AEM export step: what AEM needs first (numbered steps, the two OSGi
 * files, the Cloud Manager secret variables, the port forward), the other formats folded
 * below; "Copy value" reads the keychain at the press, "Sign in first" before there is a
 * refresh token, no file of stand-ins; when the refresh token stops working and a
 * calendar reminder to renew it.
 */
describe('AEM export step', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sow-export-aem-'));
  const keychain = testKeychain('export-aem');
  let emu: Emulator;
  let harness: RendererHarness;
  let ports: TestPorts;
  let view: RendererPage;
  let aem: Profile;
  const firstSecret = 'Aa1~first-client-secret-value-000001';
  const rotatedSecret = 'Bb2~rotated-client-secret-value-00002';

  beforeAll(async () => {
    emu = await startEmulator();
    harness = await startRendererHarness();
    ports = createBrowserTestPorts({
      secrets: keychain.store,
      profilesFile: join(dir, 'profiles.json'),
      now: () => emu.clock.now(),
    });
    aem = await ports.profiles.create(draftOf(emulatorProfile(emu, { name: 'Contoso AEM' })), {
      clientSecret: firstSecret,
    });
    view = await harness.open(createHandlers(ports));
  });
  afterAll(async () => {
    if (process.env.SOW_DEBUG) await view?.page.screenshot({ path: '/tmp/export-aem-last.png', fullPage: true });
    await harness?.close();
    await emu?.close();
    await keychain.wipe();
    rmSync(dir, { recursive: true, force: true });
  });

  const openExport = async () => {
    const { page } = view;
    await page
      .getByRole('navigation', { name: 'Wizard steps' })
      .getByRole('button', { name: /Export/ })
      .click();
    await driver(page).expectStep('Export');
    await page.getByTestId('export-needed').getByTestId('deployment-steps').waitFor();
  };

  it('shows what AEM needs first, copies values from the keychain at the press, and saves no file of stand-ins', async () => {
    const { page } = view;
    const ui = driver(page);
    await ui.button('Open Contoso AEM').click();
    await openExport();
    const violations = (await auditStep(page, 'export-not-signed-in')).map((v) => `${v.id}: ${v.html}`);

    // What AEM needs, in Adobe's order, before everything else; the other formats folded away.
    const needed = page.getByTestId('export-needed');
    expect(await needed.getByRole('heading', { level: 3 }).first().textContent()).toBe('What AEM needs');
    const names = await needed
      .getByTestId('export-output')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-name')));
    expect(names).toEqual([
      'aem-deployment-steps.txt',
      'com.day.cq.mailer.oauth.impl.OAuthConfigurationProviderImpl.cfg.json',
      'com.day.cq.mailer.DefaultMailService.cfg.json',
      'aem-advanced-networking.json',
      'aem-cloud-manager-secret-variables.txt',
      'aem-cloud-manager-variables.json',
    ]);
    const steps = await needed.getByTestId('deployment-steps').locator('li').count();
    expect(steps).toBeGreaterThanOrEqual(4);
    expect(await needed.getByTestId('export-placement').first().textContent()).toMatch(/^Where it goes: /);
    const others = page.getByTestId('export-others');
    expect(await others.getByTestId('export-output').count()).toBe(0);
    expect(await ui.text()).not.toContain('send-test-mail.sh');
    const height = (await page.evaluate('document.documentElement.scrollHeight')) as number;
    console.log(
      `AEM export step at 900x640 (other formats folded): ${height} px high, ${names.length} outputs shown first`,
    );
    await others.getByRole('button', { name: /Show other formats/ }).click();
    expect(await others.getByTestId('export-output').count()).toBeGreaterThan(0);
    const unfolded = (await page.evaluate('document.documentElement.scrollHeight')) as number;
    console.log(`...with "Other formats" open (everything, as before 14.10): ${unfolded} px`);
    expect(height).toBeLessThan(unfolded);
    expect(await ui.text()).toContain('send-test-mail.sh');
    await others.getByRole('button', { name: /Hide other formats/ }).click();

    // Before a sign-in: the refresh-token check and the renewal say so; its row offers "Sign in first".
    const variables = needed.locator('[data-name="aem-cloud-manager-secret-variables.txt"]');
    expect(await variables.innerText()).toContain('(Sign in first: there is no refresh token yet)');
    expect(await variables.innerText()).not.toMatch(/choose "?Include secrets/);
    expect(await variables.getByTestId('export-check').innerText()).toMatch(/could not be measured \(sign in first/);
    expect(await page.getByTestId('renewal').innerText()).toMatch(/^Sign in first/);
    // Nothing to copy in a card of stand-ins: no card-level Copy.
    expect(await variables.getByRole('button', { name: /^Copy AEM: Cloud Manager secret variables$/ }).count()).toBe(0);

    // "Copy value" reads the keychain at the press: the secret changed after the page was drawn.
    await keychain.store.set(secretKeys.clientSecret(aem.id), rotatedSecret);
    await variables.getByRole('button', { name: 'Copy value of SECRET_SMTP_OAUTH_CLIENT_SECRET' }).click();
    await expect.poll(() => ports.copied.at(-1)).toBe(rotatedSecret);
    await variables.getByRole('button', { name: 'Copied the value of SECRET_SMTP_OAUTH_CLIENT_SECRET' }).waitFor();
    expectNoSecret(await page.content(), [firstSecret, rotatedSecret]);

    // Save all: the list of withheld values is not written, and the answer says why.
    const out = join(dir, 'saved-before-sign-in');
    ports.nextExportFolder = out;
    await ui.button('Save all to a folder…').click();
    await page.getByTestId('export-saved').waitFor();
    const saved = readdirSync(out);
    expect(saved).toContain('com.day.cq.mailer.DefaultMailService.cfg.json');
    expect(saved).not.toContain('aem-cloud-manager-secret-variables.txt');
    expect(saved).not.toContain('secret-values.txt');
    for (const f of saved) expect(readFileSync(join(out, f), 'utf8'), f).not.toMatch(/\(hidden|\(Sign in first/);
    expect(await page.getByTestId('export-saved').innerText()).toContain(
      'Not saved, because their values are withheld: AEM: Cloud Manager secret variables',
    );

    // "Sign in first" goes to the sign-in.
    await variables.getByRole('button', { name: 'Sign in first: SECRET_SMTP_OAUTH_REFRESH_TOKEN' }).click();
    await ui.expectStep('Sign in');
    expect(violations).toEqual([]);
    expect(view.errors).toEqual([]);
  }, 90_000);

  it('remembers where AEM runs and the port forward for this profile', async () => {
    const { page } = view;
    await openExport();
    const mailService = page.locator('[data-name="com.day.cq.mailer.DefaultMailService.cfg.json"] pre');
    expect(await mailService.textContent()).toContain('"smtp.port": 30587');
    await page.getByLabel('Port forward port (portOrig)').fill('29999');
    await page.getByText('Enter a port from 30000 to 30999.').waitFor();
    await page.getByLabel('Port forward port (portOrig)').fill('30600');
    await expect.poll(() => mailService.textContent()).toContain('"smtp.port": 30600');
    expect(await page.locator('[data-name="aem-advanced-networking.json"] pre').textContent()).toContain(
      '"portOrig": 30600',
    );
    await page.getByRole('radio', { name: /AEM 6\.5 or Managed Services/ }).check();
    await expect.poll(() => mailService.textContent()).toContain(`"smtp.host": "${emu.smtp.host}"`);
    expect(await page.locator('[data-name="aem-advanced-networking.json"]').count()).toBe(0);
    expect(await page.getByTestId('deployment-steps').innerText()).not.toMatch(/egress/i);

    // Away and back: the step draws again with the same choice.
    await page
      .getByRole('navigation', { name: 'Wizard steps' })
      .getByRole('button', { name: /Details/ })
      .click();
    await openExport();
    expect(await page.getByRole('radio', { name: /AEM 6\.5 or Managed Services/ }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: /AEM as a Cloud Service/ }).check();
    await expect.poll(() => mailService.textContent()).toContain('"smtp.port": 30600');
    expect(view.errors).toEqual([]);
  }, 60_000);

  it('after a sign-in: copies the refresh token as stored now, says when it stops working and saves a reminder', async () => {
    const { page } = view;
    const signedInAt = new Date(emu.clock.now()).toISOString();
    await keychain.store.set(secretKeys.refreshToken(aem.id), 'first-refresh-token-value-0001');
    await ports.profiles.recordTokenState(aem.id, { refreshTokenStoredAt: signedInAt, account: aem.mailbox });
    // Redraw the step from the stored profile.
    await page
      .getByRole('navigation', { name: 'Wizard steps' })
      .getByRole('button', { name: /Details/ })
      .click();
    await openExport();
    const variables = page.locator('[data-name="aem-cloud-manager-secret-variables.txt"]');
    await variables.getByTestId('export-check').filter({ hasText: 'characters' }).waitFor();
    expect(await variables.getByTestId('export-check').innerText()).toContain('The refresh token is 30 characters');

    await keychain.store.set(secretKeys.refreshToken(aem.id), 'rotated-refresh-token-value-0002');
    await variables.getByRole('button', { name: 'Copy value of SECRET_SMTP_OAUTH_REFRESH_TOKEN' }).click();
    await expect.poll(() => ports.copied.at(-1)).toBe('rotated-refresh-token-value-0002');
    expectNoSecret(await page.content(), ['rotated-refresh-token-value-0002']);

    const day = 86_400_000;
    const stopsOn = new Date(Date.parse(signedInAt) + 90 * day).toISOString().slice(0, 10);
    const renewBy = new Date(Date.parse(signedInAt) + 76 * day).toISOString().slice(0, 10);
    const renewal = page.getByTestId('renewal');
    expect(await renewal.innerText()).toContain(
      `This refresh token stops working on ${stopsOn} if AEM keeps using it instead of the new one it gets back at each use. Renew by ${renewBy}: sign in again here and replace the Cloud Manager variable.`,
    );
    const out = join(dir, 'reminder');
    ports.nextExportFolder = out;
    await renewal.getByRole('button', { name: 'Save a calendar reminder…' }).click();
    await page.getByTestId('reminder-saved').waitFor();
    expect((await driver(page).focused()).label).toBe('Reminder result');
    const [file] = readdirSync(out);
    expect(file).toBe('renew-refresh-token-Contoso-AEM.ics');
    const event = new ICAL.Component(ICAL.parse(readFileSync(join(out, file ?? ''), 'utf8'))).getFirstSubcomponent(
      'vevent',
    );
    expect(String(event?.getFirstPropertyValue('dtstart'))).toBe(renewBy);
    expect(await page.getByTestId('reminder-saved').innerText()).toContain(`a reminder on ${renewBy}`);
    const violations = (await auditStep(page, 'export-signed-in')).map((v) => `${v.id}: ${v.html}`);
    // The larger window too: nothing wider than it, nothing axe calls serious, light and dark.
    await page.setViewportSize({ width: 1280, height: 800 });
    violations.push(...(await auditStep(page, 'export-signed-in-1280x800')).map((v) => `${v.id}: ${v.html}`));
    await page.setViewportSize({ width: 900, height: 640 });
    expect(violations).toEqual([]);
    expect(view.errors).toEqual([]);
  }, 60_000);
});
