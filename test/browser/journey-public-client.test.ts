import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/main/handlers';
import { secretKeys } from '../../src/core/secrets/secret-keys';
import { startEmulator, type Emulator } from '../emulator';
import { CONTOSO, PUBLIC_APP, USERS } from '../emulator/fixtures/ids';
import { createBrowserTestPorts, type TestPorts } from '../support/browser-ports';
import { testKeychain } from '../support/keychain';
import { createPlaywrightLoginWindow, type PlaywrightLoginWindow } from '../support/playwright-login-window';
import { startRendererHarness, type RendererHarness, type RendererPage } from '../support/renderer-harness';
import { auditStep } from './step-audit';
import { driver } from './wizard-driver';

/**
 * Journey: a public client (no secret) for a delegated target, signed in with a device
 * code that the mailbox owner enters on a second browser, against the emulator, the real
 * keychain and the real handler map.
 */
describe('journey: public client with device code sign-in', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sow-journey-public-'));
  const keychain = testKeychain('journey-public');
  let emu: Emulator;
  // The mailbox owner's own device: a separate Chromium on the emulator's /devicelogin page.
  let owner: PlaywrightLoginWindow;
  let harness: RendererHarness;
  let ports: TestPorts;
  let view: RendererPage;

  beforeAll(async () => {
    emu = await startEmulator({ behaviour: { deviceCodeIntervalSeconds: 1 } });
    owner = await createPlaywrightLoginWindow(emu, { username: USERS.alice.upn, password: USERS.alice.password });
    harness = await startRendererHarness();
    ports = createBrowserTestPorts({
      secrets: keychain.store,
      profilesFile: join(dir, 'profiles.json'),
      now: () => emu.clock.now(),
    });
    view = await harness.open(createHandlers(ports));
  });
  afterAll(async () => {
    if (process.env.SOW_DEBUG) await view?.page.screenshot({ path: '/tmp/journey-public-last.png', fullPage: true });
    await harness?.close();
    await owner?.close();
    await emu?.close();
    await keychain.wipe();
    rmSync(dir, { recursive: true, force: true });
  });

  it('offers "no credential" only to targets that refresh without a secret, and saves a public client', async () => {
    const ui = driver(view.page);
    const { page } = view;
    const violations: string[] = [];
    const audit = async (name: string) =>
      violations.push(
        ...(await auditStep(page, name)).map((v) => `${name}: ${v.id} at ${v.targets.join(', ')}: ${v.html}`),
      );
    const none = page.getByRole('radio', { name: /None — public client/ });

    // AEM always sends its client secret when it refreshes (AADSTS700025 with a public client's
    // token): the choice is not offered at all, so nobody walks into it.
    await ui.button('New set-up').click();
    await page.getByRole('radio', { name: /Adobe Experience Manager as a Cloud Service/ }).check();
    await ui.next();
    await ui.doItMyself();
    await ui.next();
    await ui.expectStep('Details');
    await page.getByLabel('Client secret value').waitFor();
    expect(await none.count()).toBe(0);
    expect(await page.getByTestId('public-client-warning').count()).toBe(0);

    // The generic mailer refreshes without a secret: there the choice is offered and explained.
    await ui.button('Back').click();
    await ui.button('Back').click();
    await page.getByRole('radio', { name: /Generic SMTP XOAUTH2/ }).check();
    await ui.next();
    await ui.next();
    await ui.expectStep('Details');
    await none.check();
    expect(await page.getByTestId('public-client-how').innerText()).toContain('“Allow public client flows”: Yes');
    expect(await page.getByLabel('Client secret value').count()).toBe(0);
    expect(await page.getByTestId('public-client-warning').count()).toBe(0);
    await audit('step-3-details-public-client');

    // Switching to a target that sends a secret puts the secret back instead of keeping a choice it cannot use.
    await ui.button('Back').click();
    await ui.button('Back').click();
    await page.getByRole('radio', { name: /^Onit/ }).check();
    await ui.next();
    await ui.next();
    await page.getByLabel('Client secret value').waitFor();
    expect(await none.count()).toBe(0);
    await ui.button('Back').click();
    await ui.button('Back').click();
    await page.getByRole('radio', { name: /Generic SMTP XOAUTH2/ }).check();
    await ui.next();
    await ui.next();
    await ui.expectStep('Details');
    await none.check();

    await ui.fill('Profile name', 'Alice, public client');
    await ui.connectTo(emu, CONTOSO);
    await ui.fill('Application (client) ID', PUBLIC_APP);
    await ui.fill('Mailbox that logs in', USERS.alice.upn);
    await ui.next();
    await ui.expectStep('Sign in');
    const [saved] = await ports.profiles.list();
    expect(saved?.credential).toEqual({ kind: 'none' });
    expect(await keychain.store.get(secretKeys.clientSecret(saved?.id ?? ''))).toBeNull();

    expect(violations).toEqual([]);
    expect(view.errors).toEqual([]);
  }, 90_000);

  it("signs in with a device code entered on the owner's own device, then Verify redeems without a secret", async () => {
    const ui = driver(view.page);
    const { page } = view;
    await page.getByRole('radio', { name: /With a code, on another device/ }).check();
    expect(await page.getByTestId('device-code-limits').innerText()).toContain(
      'Conditional Access may block device code sign-in',
    );
    await page.locator('[data-step]').getByRole('button', { name: 'Sign in' }).click();

    // The code arrives through the progress event: large, with Copy and Open.
    const code = (await page.getByTestId('device-code-value').textContent({ timeout: 20_000 })) ?? '';
    expect(code).toMatch(/^[A-Z2-9]{9}$/);
    const url = (await page.getByTestId('device-code-url').textContent()) ?? '';
    expect(url).toBe(`${emu.authorityHost}/devicelogin`);
    expect(await page.getByTestId('device-code').innerText()).toContain(
      'The mailbox owner can do this on their own device',
    );
    await page.getByRole('status').filter({ hasText: 'Waiting for the sign-in on the other device' }).waitFor();
    await ui.button('Copy sign-in code').click();
    await expect.poll(() => ports.copied.at(-1)).toBe(code);
    await ui.button('Open').click();
    await expect.poll(() => ports.opened.at(-1)).toBe(url);
    await auditStep(page, 'step-4-sign-in-device-code').then((v) => expect(v).toEqual([]));

    // The owner, on another browser, enters the code shown on screen and signs in as alice.
    const ownerSaw = await owner.deviceLogin(url, code);
    expect(ownerSaw).toBe('Desktop Public Client');
    await page.getByTestId('sign-in-done').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('sign-in-done').innerText()).toContain(`Signed in as ${USERS.alice.upn}`);
    const id = (await ports.profiles.list())[0]?.id ?? '';
    expect(await keychain.store.get(secretKeys.refreshToken(id))).toBeTruthy();

    await ui.next();
    await ui.expectStep('Verify');
    await ui.button('Check SMTP login').click();
    await page.getByTestId('verify-ok').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('verify-ok').innerText()).toContain(`SMTP login as ${USERS.alice.upn} worked`);
    expect(view.errors).toEqual([]);
  }, 90_000);

  it('stops polling on Cancel and says "Sign-in cancelled"', async () => {
    const { page } = view;
    await page.getByRole('button', { name: 'Back' }).click();
    await page.locator('nav[aria-label="Wizard steps"] [aria-current="step"]', { hasText: 'Sign in' }).waitFor();
    await page.getByRole('radio', { name: /With a code, on another device/ }).check();
    await page.locator('[data-step]').getByRole('button', { name: 'Sign in again' }).click();
    await page.getByTestId('device-code-value').waitFor({ timeout: 20_000 });
    // Let a poll or two happen, then cancel mid-poll.
    await expect
      .poll(() => emu.requestLog.filter((e) => e.grantType === 'device_code').length, { timeout: 30_000 })
      .toBeGreaterThan(0);
    // Without the cancel, polling would go on until the code expires (15 minutes).
    await page.getByTestId('device-code').getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('problem').filter({ hasText: 'Sign-in cancelled' }).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('problem').innerText()).toContain(
      'while waiting for the code to be entered on the other device',
    );
    expect(await page.getByTestId('device-code').count()).toBe(0);
    // No more polling after the cancel (MSAL checks the flag before its next poll).
    await new Promise((r) => setTimeout(r, 2_500));
    const polls = emu.requestLog.filter((e) => e.grantType === 'device_code').length;
    await new Promise((r) => setTimeout(r, 2_500));
    expect(emu.requestLog.filter((e) => e.grantType === 'device_code').length).toBe(polls);
    expect(view.errors).toEqual([]);
  }, 60_000);

  it('Cancel in Verify stops a slow refresh request and shows the cancelled diagnosis', async () => {
    const ui = driver(view.page);
    const { page } = view;
    await ui.next();
    await ui.expectStep('Verify');
    // The answer would take a minute; the cancelled diagnosis showing long before that is the point.
    emu.faults.set({ slowMs: 60_000, pathIncludes: '/token' });
    try {
      await ui.button('Check SMTP login').click();
      await page
        .getByRole('status')
        .filter({ hasText: 'Redeeming the stored refresh token' })
        .waitFor({ timeout: 30_000 });
      await page.getByTestId('operation-progress').getByRole('button', { name: 'Cancel' }).click();
      await page.getByTestId('problem').filter({ hasText: 'Cancelled' }).waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('verify-ok').count()).toBe(0);
    } finally {
      emu.faults.clear();
    }
    expect(view.errors).toEqual([]);
  }, 60_000);
});
