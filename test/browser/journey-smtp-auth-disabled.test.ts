import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/main/handlers';
import { secretKeys } from '../../src/core/secrets/secret-keys';
import { startEmulator, type Emulator } from '../emulator';
import { AEM_APP, AEM_SECRET, CONTOSO, USERS } from '../emulator/fixtures/ids';
import { createBrowserTestPorts, type TestPorts } from '../support/browser-ports';
import { testKeychain } from '../support/keychain';
import { createPlaywrightLoginWindow, type PlaywrightLoginWindow } from '../support/playwright-login-window';
import { startRendererHarness, type RendererHarness, type RendererPage } from '../support/renderer-harness';
import { auditStep } from './step-audit';
import { driver, expectNoSecret } from './wizard-driver';

/**
 * Journey (c): a helpdesk checks a mailbox whose SMTP AUTH is disabled. The sign-in
 * works, the SMTP check ends on the diagnosis with the filled-in Set-CASMailbox command,
 * and the support report carries the diagnosis without any secret. On the way, a closed
 * sign-in window and going back lose nothing that was typed.
 */
describe('journey: mailbox with SMTP AUTH disabled ends on the diagnosis', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sow-journey-dave-'));
  const keychain = testKeychain('journey-dave');
  let emu: Emulator;
  let login: PlaywrightLoginWindow;
  let harness: RendererHarness;
  let ports: TestPorts;
  let view: RendererPage;

  beforeAll(async () => {
    emu = await startEmulator();
    login = await createPlaywrightLoginWindow(emu, {
      username: USERS.dave.upn,
      password: USERS.dave.password,
      closeWindow: true,
    });
    harness = await startRendererHarness();
    ports = createBrowserTestPorts({
      secrets: keychain.store,
      profilesFile: join(dir, 'profiles.json'),
      loginWindow: login,
      now: () => emu.clock.now(),
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

  it('shows the 5.7.139 diagnosis with the Set-CASMailbox command and copies a redacted support report', async () => {
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
    await ui.expectStep('Details');
    await ui.fill('Profile name', 'Dave at Contoso');
    await ui.connectTo(emu, CONTOSO);
    await ui.fill('Application (client) ID', AEM_APP);
    await ui.fill('Client secret value', AEM_SECRET);
    await ui.fill('Mailbox that logs in', USERS.dave.upn);
    await ui.next();

    // The user closes the sign-in window: a diagnosis, and trying again works.
    await ui.expectStep('Sign in');
    const signIn = page.locator('[data-step]').getByRole('button', { name: 'Sign in' });
    await signIn.click();
    await page.getByTestId('problem').filter({ hasText: 'Sign-in cancelled' }).waitFor({ timeout: 20_000 });
    login.user = { username: USERS.dave.upn, password: USERS.dave.password };
    await signIn.click();
    await page.getByTestId('sign-in-done').waitFor({ timeout: 30_000 });

    // Back to Details: everything typed is still there (the secret too, as typed).
    await ui.button('Back').click();
    await ui.expectStep('Details');
    expect(await page.getByLabel('Mailbox that logs in', { exact: false }).inputValue()).toBe(USERS.dave.upn);
    expect(await page.getByLabel('Client secret value', { exact: false }).inputValue()).toBe(AEM_SECRET);
    await ui.next();
    await ui.expectStep('Sign in');
    await ui.next();

    // Verify: Exchange says 535 5.7.139; the wizard says why and what to run.
    await ui.expectStep('Verify');
    await ui.button('Check SMTP login').click();
    const diagnosis = page.getByTestId('problem').first();
    await diagnosis.waitFor({ timeout: 20_000 });
    expect(await diagnosis.getAttribute('data-problem-code')).toMatch(/5\.7\.139/);
    const diagnosisText = await diagnosis.innerText();
    expect(diagnosisText).toMatch(/SMTP AUTH/i);
    const command = `Set-CASMailbox -Identity ${USERS.dave.upn} -SmtpClientAuthenticationDisabled $false`;
    expect(diagnosisText).toContain(command);
    expect(diagnosisText).not.toMatch(/\bat .+\.(ts|js):\d+/); // never a stack trace
    // Focus went to the answer, not to <body> (issue 14.3).
    expect((await ui.focused()).label).toBe('Check result');
    // No verdict contradicts the failure (14.2): the token's own fitness is said as that, with the failure beside it.
    expect(await page.getByTestId('verdict').textContent()).toBe('The token itself is valid for SMTP.');
    expect(await page.getByTestId('verdict-smtp-failed').textContent()).toContain('The SMTP login still failed');
    expect(await ui.text()).not.toContain('Fit for SMTP');
    // Next stays usable but says what will not work (14.4).
    const next = ui.button('Next');
    expect(await next.isEnabled()).toBe(true);
    expect(await next.getAttribute('aria-describedby')).toBe('next-warning');
    expect(await page.getByTestId('next-warning').textContent()).toMatch(
      /The last check failed \(.+\): Generic SMTP XOAUTH2 will not be able to send mail until that is fixed/,
    );
    await diagnosis.getByRole('button', { name: /Copy command Set-CASMailbox/ }).click();
    await expect.poll(() => ports.copied.at(-1)).toContain(command);
    await ui.button(/Show details/).click();
    expect(await page.getByTestId('transcript').textContent()).toContain('5.7.139');
    await audit('diagnosis-smtp-auth-disabled');

    // The support report: diagnosis, transcript and versions; no secret, no token.
    await ui.button('Copy support report').click();
    await page.getByRole('button', { name: 'Support report copied' }).waitFor();
    const report = ports.copied.at(-1) ?? '';
    expect(report).toContain('== Diagnosis ==');
    expect(report).toContain(command);
    expect(report).toContain('== SMTP transcript (redacted) ==');
    expect(report).toContain(`Version: ${ports.app.version}`);
    const profileId = (await ports.profiles.list())[0]?.id ?? '';
    const refreshToken = await keychain.store.get(secretKeys.refreshToken(profileId));
    expectNoSecret(report, [AEM_SECRET, refreshToken ?? 'missing']);
    expect(report).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);

    // Back on the start screen the profile shows the failed check.
    await ui.button('Close').click();
    const card = page.getByTestId('profile-card');
    await card.waitFor();
    expect(await card.getByTestId('last-verify').textContent()).toMatch(/Last checked \d{4}-\d\d-\d\d: failed \(/);
    // The badge tells the last check's result, not only that a token exists (issue 14.2).
    expect(await card.getByTestId('check-badge').textContent()).toBe('Last check failed');

    expect(violations).toEqual([]);
    expect(view.errors).toEqual([]);
  }, 120_000);

  it('offers the system browser when Conditional Access blocks the embedded sign-in', async () => {
    const { page } = view;
    login.user = { username: USERS.carol.upn, password: USERS.carol.password };
    await page.getByRole('button', { name: 'Open Dave at Contoso' }).click();
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.locator('nav[aria-label="Wizard steps"] [aria-current="step"]', { hasText: 'Sign in' }).waitFor();
    await page.locator('[data-step]').getByRole('button', { name: 'Sign in again' }).click();
    const diagnosis = page.getByTestId('problem');
    await diagnosis.waitFor({ timeout: 20_000 });
    expect(await diagnosis.getAttribute('data-problem-code')).toBe('AADSTS53003');
    expect(await diagnosis.innerText()).toContain('Conditional Access');
    expect(await diagnosis.getByRole('button', { name: 'Sign in with my web browser instead' }).isVisible()).toBe(true);
    expect(await auditStep(page, 'diagnosis-conditional-access')).toEqual([]);
    expect(view.errors).toEqual([]);
  }, 60_000);
});
