import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/main/handlers';
import { secretKeys } from '../../src/core/secrets/secret-keys';
import { startEmulator, type Emulator } from '../emulator';
import { CONTOSO, DAEMON_APP, DAEMON_SP, MAILBOXES } from '../emulator/fixtures/ids';
import { createBrowserTestPorts, type TestPorts } from '../support/browser-ports';
import { testKeychain } from '../support/keychain';
import { startRendererHarness, type RendererHarness, type RendererPage } from '../support/renderer-harness';
import { auditStep } from './step-audit';
import { driver, expectNoSecret } from './wizard-driver';

/**
 * Journey (b): an app-only mailer with a certificate (PFX + password), chosen by
 * keyboard, against the emulator: token with SMTP.SendAsApp, SMTP check and test mail,
 * exports with the thumbprint and no private key anywhere on the page.
 */
describe('journey: app-only mailer with a certificate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sow-journey-app-'));
  const keychain = testKeychain('journey-app-only');
  let emu: Emulator;
  let harness: RendererHarness;
  let ports: TestPorts;
  let view: RendererPage;

  beforeAll(async () => {
    emu = await startEmulator();
    harness = await startRendererHarness();
    ports = createBrowserTestPorts({
      secrets: keychain.store,
      profilesFile: join(dir, 'profiles.json'),
      now: () => emu.clock.now(),
    });
    view = await harness.open(createHandlers(ports));
  });
  afterAll(async () => {
    await harness?.close();
    await emu?.close();
    await keychain.wipe();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is driven by keyboard to the target, imports the PFX, gets an SMTP.SendAsApp token, sends, and exports the thumbprint', async () => {
    const ui = driver(view.page);
    const { page } = view;
    const cert = emu.certificates.app2;
    const violations: string[] = [];
    const audit = async (name: string) =>
      violations.push(
        ...(await auditStep(page, name)).map((v) => `${name}: ${v.id} at ${v.targets.join(', ')}: ${v.html}`),
      );

    // Keyboard only: arrows move through the targets, Tab reaches Next, Enter activates it.
    await ui.button('New set-up').click();
    await ui.expectStep('Target system');
    await page.getByRole('radio', { name: /Adobe Experience Manager/ }).focus();
    await page.keyboard.press('Space');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('radio', { name: /App-only mailer/ }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toBe('Next');
    // Fluent marks keyboard focus so its focus ring shows.
    expect(await page.locator(':focus').getAttribute('data-fui-focus-visible')).not.toBeNull();
    await page.keyboard.press('Enter');

    await ui.expectStep('App registration');
    await ui.doItMyself();
    const checklist = await ui.text();
    expect(checklist).toContain('SMTP.SendAsApp');
    expect(checklist).toContain('New-ServicePrincipal');
    expect(checklist).not.toContain('Redirect URIs');
    // Consent in plain words: who does it, with what (14.6); the Exchange commands start with connecting (14.15).
    expect(checklist).toContain('An administrator, with “Grant admin consent”');
    expect(checklist).not.toContain('If users may not consent');
    await ui.button('Copy command Connect-ExchangeOnline').first().click();
    expect(ports.copied.at(-1)).toBe('Connect-ExchangeOnline');
    await ui.next();

    await ui.expectStep('Details');
    await ui.fill('Profile name', 'Contoso daemon');
    await ui.connectTo(emu, CONTOSO);
    await ui.fill('Application (client) ID', DAEMON_APP);
    await page.getByRole('radio', { name: 'Certificate' }).check();
    ports.nextCertificateFile = { fileName: 'daemon.pfx', bytes: Buffer.from(cert.pfxBase64, 'base64') };
    await ui.button('Choose certificate file…').click();
    await page.getByTestId('certificate-file').filter({ hasText: 'daemon.pfx' }).waitFor();
    await ui.fill('PFX password', cert.pfxPassword);
    await ui.fill('Mailbox that logs in', MAILBOXES.noreply);
    await audit('app-only-details');
    await ui.next();

    await ui.expectStep('Sign in');
    expect(await ui.heading()).toBe('Get an app-only token');
    const profileId = (await ports.profiles.list())[0]?.id ?? '';
    const saved = await ports.profiles.get(profileId);
    expect(saved?.credential).toMatchObject({
      kind: 'certificate',
      thumbprintSha1: expect.stringMatching(new RegExp(cert.thumbprintSha1Hex, 'i')),
    });
    expect(await keychain.store.get(secretKeys.certificateKey(profileId))).toContain('PRIVATE KEY');
    await ui.button('Get token').click();
    await page.getByTestId('sign-in-done').waitFor({ timeout: 20_000 });
    await ui.button('Show token details').click();
    const claims = await page.getByTestId('claims').innerText();
    expect(claims).toContain('SMTP.SendAsApp');
    expect(claims).toMatch(/The app itself/);
    expect(await page.getByTestId('verdict').textContent()).toBe('The token itself is valid for SMTP.');
    await audit('app-only-token');

    // The token's oid is the service principal's object id: the profile remembers it, and the
    // checklist's Exchange commands are filled with it, the RBAC copy giving the whole sequence.
    expect((await ports.profiles.get(profileId))?.servicePrincipalObjectId).toBe(DAEMON_SP);
    await page
      .getByRole('navigation')
      .getByRole('button', { name: /App registration/ })
      .click();
    await ui.expectStep('App registration');
    const commands = await ui.text();
    expect(commands).toContain(
      `New-ServicePrincipal -AppId ${DAEMON_APP} -ObjectId ${DAEMON_SP} -DisplayName 'Contoso daemon'`,
    );
    expect(commands).toContain(
      `Add-MailboxPermission -Identity ${MAILBOXES.noreply} -User ${DAEMON_SP} -AccessRights FullAccess`,
    );
    expect(commands).not.toContain('<object id>');
    await ui.button(/^Copy the 5 commands: Or: application RBAC$/).click();
    const rbac = (ports.copied.at(-1) ?? '').split('\n');
    expect(rbac).toHaveLength(5);
    expect(rbac[0]).toBe('Connect-ExchangeOnline');
    expect(rbac[3]).toBe(
      `New-ManagementRoleAssignment -App ${DAEMON_SP} -Role 'Application SMTP.SendAsApp' -CustomResourceScope 'Contoso daemon SMTP'`,
    );
    await page
      .getByRole('navigation')
      .getByRole('button', { name: /Verify/ })
      .click();

    await ui.expectStep('Verify');
    await ui.button('Send a test mail').click();
    await page.getByTestId('verify-ok').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('verify-ok').innerText()).toContain(`SMTP login as ${MAILBOXES.noreply} worked`);
    expect(emu.messages(MAILBOXES.noreply).length).toBe(1);
    await ui.next();

    await ui.expectStep('Export');
    await ui.waitForText(/SMTP\.SendAsApp|thumbprint/i);
    // A certificate profile has no client secret and no refresh token: no switch for them.
    expect(await page.getByRole('switch', { name: /Include secret values/ }).count()).toBe(0);
    const exported = await ui.text();
    expect(exported.toLowerCase()).toContain(cert.thumbprintSha1Hex.toLowerCase().slice(0, 16));
    expect(exported).toContain('New-ServicePrincipal');
    const keyBody = cert.keyPem.split('\n').filter((l) => l && !l.startsWith('-----'))[1] ?? 'missing';
    expectNoSecret(await page.content(), [keyBody, cert.pfxBase64.slice(100, 160), cert.pfxPassword]);
    await audit('app-only-export');

    expect(violations).toEqual([]);
    expect(view.errors).toEqual([]);
  }, 120_000);
});
