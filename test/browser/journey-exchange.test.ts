import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/main/handlers';
import { startEmulator, type Emulator } from '../emulator';
import { findTenant } from '../emulator/directory';
import {
  AEM_APP,
  AEM_SECRET,
  CONTOSO,
  MAILBOXES,
  UNREGISTERED_DAEMON_APP,
  UNREGISTERED_DAEMON_SECRET,
  UNREGISTERED_DAEMON_SP,
  USERS,
} from '../emulator/fixtures/ids';
import { emulatorScheduler } from '../core/exchange-admin/emulator-admin';
import { createBrowserTestPorts } from '../support/browser-ports';
import { testKeychain } from '../support/keychain';
import { createPlaywrightLoginWindow, type PlaywrightLoginWindow } from '../support/playwright-login-window';
import { startRendererHarness, type RendererHarness, type RendererPage } from '../support/renderer-harness';
import { auditStep } from './step-audit';
import { driver } from './wizard-driver';

/**
 * Journeys for Exchange's part without PowerShell (issue 15), in Chromium against the emulator's
 * Exchange admin REST stand-in, with a propagation delay so the first SMTP login after the change
 * still fails and the app's re-check has to wait (on the emulator's clock):
 * Dave's disabled mailbox fixed from its diagnosis (first by a user without the Exchange role, who
 * gets plain words and the PowerShell, then by Alice), and an app-only mailer given access.
 */
describe('journey: Exchange Online changes from the window', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sow-journey-exchange-'));
  const keychain = testKeychain('journey-exchange');
  let emu: Emulator;
  let login: PlaywrightLoginWindow;
  let harness: RendererHarness;
  let view: RendererPage;
  const contoso = () => findTenant(emu.directory, CONTOSO)!;
  const mailbox = (address: string) => contoso().mailboxes.find((m) => m.address === address)!;

  beforeAll(async () => {
    emu = await startEmulator();
    emu.exchangeAdmin.switches.propagationMinutes = 10;
    login = await createPlaywrightLoginWindow(emu, { username: USERS.dave.upn, password: USERS.dave.password });
    harness = await startRendererHarness();
    const ports = createBrowserTestPorts({
      secrets: keychain.store,
      profilesFile: join(dir, 'profiles.json'),
      loginWindow: login,
      now: () => emu.clock.now(),
      exchangeScheduler: emulatorScheduler(emu),
    });
    view = await harness.open(createHandlers(ports));
  });
  afterAll(async () => {
    await harness?.close();
    await login?.close();
    await emu?.close();
    await keychain.wipe();
    rmSync(dir, { recursive: true, force: true });
  });

  it("fixes Dave's 5.7.139 from its diagnosis: a non-admin gets the role named and the PowerShell, Alice's run passes after propagation", async () => {
    const ui = driver(view.page);
    const { page } = view;
    const violations: string[] = [];
    const audit = async (name: string) =>
      violations.push(
        ...(await auditStep(page, name)).map((v) => `${name}: ${v.id} at ${v.targets.join(', ')}: ${v.html}`),
      );

    await ui.button('New set-up').click();
    await page.getByRole('radio', { name: /Generic SMTP XOAUTH2/ }).check();
    await ui.next();
    await ui.doItMyself();
    await ui.next();
    await ui.fill('Profile name', 'Dave at Contoso');
    await ui.connectTo(emu, CONTOSO);
    await ui.fill('Application (client) ID', AEM_APP);
    await ui.fill('Client secret value', AEM_SECRET);
    await ui.fill('Mailbox that logs in', USERS.dave.upn);
    await ui.next();
    await page.locator('[data-step]').getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('sign-in-done').waitFor({ timeout: 30_000 });
    await ui.next();

    await ui.expectStep('Verify');
    await ui.button('Check SMTP login').click();
    const diagnosis = page.getByTestId('problem').first();
    await diagnosis.waitFor({ timeout: 20_000 });
    expect(await diagnosis.getAttribute('data-problem-code')).toBe('SMTP_535_5.7.139_MAILBOX_DISABLED');

    // Fix it shows the exact command and the opt-in label before anything runs.
    await ui.button('Fix it in Exchange Online…').click();
    const action = page.getByTestId('exchange-action');
    await action.getByTestId('exchange-plan').waitFor({ timeout: 20_000 });
    const command = `Set-CASMailbox -Identity ${USERS.dave.upn} -SmtpClientAuthenticationDisabled $false`;
    expect(await action.getByTestId('exchange-step').innerText()).toContain(command);
    expect(await action.innerText()).toMatch(/does not document that endpoint/);
    expect(await action.innerText()).toMatch(/up to an hour/);
    expect(await action.getByTestId('exchange-script').innerText()).toBe(`Connect-ExchangeOnline\n${command}`);
    expect(mailbox(USERS.dave.upn).smtpAuth).toBe('disabled');
    await audit('exchange-fix-plan');

    // Dave signs in as the "admin": he has no Exchange role. Plain words, the role, the PowerShell; nothing changed.
    login.user = { username: USERS.dave.upn, password: USERS.dave.password };
    await action.getByRole('button', { name: 'Run this command in Exchange Online' }).click();
    const refused = action.getByTestId('problem').filter({ hasText: /Exchange Administrator/ });
    await refused.waitFor({ timeout: 30_000 });
    expect(await refused.getAttribute('data-problem-code')).toBe('EXCHANGE_ADMIN_NOT_ADMIN');
    expect(await refused.innerText()).toContain(command);
    expect(await action.getByTestId('exchange-step').getAttribute('data-status')).toBe('failed');
    expect(mailbox(USERS.dave.upn).smtpAuth).toBe('disabled');
    await audit('exchange-not-admin');
    await action.getByRole('button', { name: 'Done' }).click();

    // Alice, Exchange admin: the run succeeds, SMTP still refuses while Exchange propagates, then accepts.
    login.user = { username: USERS.alice.upn, password: USERS.alice.password };
    await ui.button('Fix it in Exchange Online…').click();
    await action.getByTestId('exchange-plan').waitFor({ timeout: 20_000 });
    const before = emu.clock.now();
    await action.getByRole('button', { name: 'Run this command in Exchange Online' }).click();
    // Each re-check is a real token redemption and SMTP login: generous bounds for a loaded machine.
    await action.getByTestId('exchange-ok').waitFor({ timeout: 150_000 });
    expect(await action.getByTestId('exchange-ok').innerText()).toMatch(/Exchange took about \d+ min/);
    expect(emu.clock.now() - before).toBeGreaterThanOrEqual(10 * 60_000);
    expect(await action.innerText()).toContain(`Ran as ${USERS.alice.upn}`);
    expect(await action.getByTestId('exchange-step').getAttribute('data-status')).toBe('done');
    expect(mailbox(USERS.dave.upn).smtpAuth).toBe('enabled');
    // The org-wide switch is untouched, and Verify checks again by itself.
    expect(contoso().smtpAuthDisabled).toBe(false);
    await page.getByTestId('verify-ok').waitFor({ timeout: 20_000 });
    await audit('exchange-fix-done');
    expect(violations).toEqual([]);
    expect(view.errors).toEqual([]);
  }, 360_000);

  it('gives an app-only mailer access to its mailbox with the right object ID; SMTP works once Exchange has applied it', async () => {
    const ui = driver(view.page);
    const { page } = view;
    await ui.button('Close').click();
    await ui.button('New set-up').click();
    await page.getByRole('radio', { name: /App-only mailer/ }).check();
    await ui.next();
    await ui.doItMyself();
    await ui.next();
    await ui.fill('Profile name', 'Contoso daemon');
    await ui.connectTo(emu, CONTOSO);
    await ui.fill('Application (client) ID', UNREGISTERED_DAEMON_APP);
    await ui.fill('Client secret value', UNREGISTERED_DAEMON_SECRET);
    await ui.fill('Mailbox that logs in', MAILBOXES.unpermitted);
    await ui.next();
    await ui.button('Get token').click();
    await page.getByTestId('sign-in-done').waitFor({ timeout: 20_000 });
    await ui.next();

    await ui.expectStep('Verify');
    await ui.button('Check SMTP login').click();
    await page.getByTestId('problem').first().waitFor({ timeout: 20_000 });

    await ui.button(`Give the app access to ${MAILBOXES.unpermitted}…`).click();
    const action = page.getByTestId('exchange-action');
    await action.getByTestId('exchange-plan').waitFor({ timeout: 30_000 });
    expect(await action.innerText()).toContain(`Signed in to Exchange Online as ${USERS.alice.upn}`);
    const script = await action.getByTestId('exchange-script').innerText();
    // The Enterprise application's object ID (the token's oid), not the App registration's.
    expect(script).toContain(
      `New-ServicePrincipal -AppId ${UNREGISTERED_DAEMON_APP} -ObjectId ${UNREGISTERED_DAEMON_SP}`,
    );
    expect(script).toContain(`Add-MailboxPermission -Identity ${MAILBOXES.unpermitted}`);
    expect(contoso().exchangeServicePrincipals).not.toContain(UNREGISTERED_DAEMON_SP);
    await auditStep(page, 'exchange-give-access-plan');

    await action.getByRole('button', { name: 'Run these 2 commands in Exchange Online' }).click();
    // Each re-check is a real token redemption and SMTP login: generous bounds for a loaded machine.
    await action.getByTestId('exchange-ok').waitFor({ timeout: 150_000 });
    expect(await action.getByTestId('exchange-ok').innerText()).toMatch(/Exchange took about \d+ min/);
    expect(contoso().exchangeServicePrincipals).toContain(UNREGISTERED_DAEMON_SP);
    await page.getByTestId('verify-ok').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('verify-ok').innerText()).toContain(`SMTP login as ${MAILBOXES.unpermitted} worked`);
    expect(view.errors).toEqual([]);
  }, 360_000);
});
