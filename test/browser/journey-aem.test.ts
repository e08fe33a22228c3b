import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/main/handlers';
import { secretKeys } from '../../src/core/secrets/secret-keys';
import { startEmulator, type Emulator } from '../emulator';
import { AEM_APP, AEM_SECRET, AEM_SECRET_ID, CONTOSO, USERS } from '../emulator/fixtures/ids';
import { createBrowserTestPorts, type TestPorts } from '../support/browser-ports';
import { testKeychain } from '../support/keychain';
import { signInCancelled, type LoginWindowPort } from '../../src/core/oauth/login-ports';
import { createPlaywrightLoginWindow, type PlaywrightLoginWindow } from '../support/playwright-login-window';
import { startRendererHarness, type RendererHarness, type RendererPage } from '../support/renderer-harness';
import { auditStep } from './step-audit';
import { driver, expectNoSecret } from './wizard-driver';

/**
 * Journey (a): a consultant sets up AEM as a Cloud Service with delegated sign-in, from
 * the start screen to the exported OSGi files, against the emulator, the real keychain,
 * the real profile store and the real handler map.
 */
describe('journey: AEM, delegated, to the exported files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sow-journey-aem-'));
  const keychain = testKeychain('journey-aem');
  let emu: Emulator;
  let login: PlaywrightLoginWindow;
  let harness: RendererHarness;
  let ports: TestPorts;
  let view: RendererPage;
  // The second test swaps in a user who never finishes signing in.
  let currentLogin: LoginWindowPort;
  const loginWindow: LoginWindowPort = { open: (req) => currentLogin.open(req) };

  beforeAll(async () => {
    emu = await startEmulator();
    login = await createPlaywrightLoginWindow(emu, { username: USERS.alice.upn, password: USERS.alice.password });
    currentLogin = login;
    harness = await startRendererHarness();
    ports = createBrowserTestPorts({
      secrets: keychain.store,
      profilesFile: join(dir, 'profiles.json'),
      loginWindow,
      now: () => emu.clock.now(),
    });
    view = await harness.open(createHandlers(ports));
  });
  afterAll(async () => {
    if (process.env.SOW_DEBUG) await view?.page.screenshot({ path: '/tmp/journey-aem-last.png', fullPage: true });
    await harness?.close();
    await login?.close();
    await emu?.close();
    await keychain.wipe();
    rmSync(dir, { recursive: true, force: true });
  });

  it('walks target, checklist, details, sign-in, verify and export, showing what each step should', async () => {
    const ui = driver(view.page);
    const violations: string[] = [];
    const audit = async (name: string) => {
      if (process.env.SOW_DEBUG) console.log('audit', name, Date.now());
      return violations.push(
        ...(await auditStep(view.page, name)).map(
          (v) => `${name}: ${v.id} (${v.help}) at ${v.targets.join(', ')}: ${v.html}`,
        ),
      );
    };

    await ui.button('New set-up').click();
    await ui.expectStep('Target system');
    expect(await ui.button('Next').isDisabled()).toBe(true);
    await view.page.getByRole('radio', { name: /Adobe Experience Manager as a Cloud Service/ }).check();
    await audit('step-1-target');
    await ui.next();

    // 2. Checklist: both localhost redirect URIs, with copy buttons; the admin center opens.
    await ui.expectStep('App registration');
    const checklist = await ui.text();
    expect(checklist).toContain('AEM asks for both http://localhost and http://localhost/');
    expect(checklist).toContain('SMTP.Send');
    await ui.button('Copy redirect URI http://localhost/').click();
    await ui.button('Copy redirect URI http://localhost').click();
    expect(ports.copied).toEqual(['http://localhost/', 'http://localhost']);
    await ui.button('Copy command Set-CASMailbox').click();
    expect(ports.copied.at(-1)).toBe('Set-CASMailbox -Identity <mailbox> -SmtpClientAuthenticationDisabled $false');
    await ui.button('Open the Entra admin center').click();
    await expect.poll(() => ports.opened[0]).toMatch(/^https:\/\/entra\.microsoft\.com\//);
    await audit('step-2-checklist');
    await ui.next();

    // 3. Details: validation as the user types, including the secret-ID mix-up.
    await ui.expectStep('Details');
    await ui.fill('Profile name', 'Contoso AEM');
    await view.page.getByLabel('Microsoft cloud').selectOption('custom');
    await ui.fill('Authority host', emu.authorityHost);
    await ui.fill('Directory (tenant) ID', 'alice@contoso.com');
    expect(await ui.fieldMessage('tenant')).toContain('is an email address');
    await ui.fill('Directory (tenant) ID', CONTOSO);
    await ui.fill('Application (client) ID', AEM_APP);
    await ui.fill('Secret ID', AEM_SECRET_ID);
    await ui.fill('Client secret value', AEM_SECRET_ID);
    expect(await ui.fieldMessage('clientSecret')).toContain('looks like the secret’s ID; paste its Value');
    await ui.fill('Client secret value', AEM_SECRET);
    await ui.fill('Mailbox that logs in', USERS.alice.upn);
    await ui.fill('SMTP server', emu.smtp.host);
    await ui.fill('SMTP port', String(emu.smtp.port));
    await ui.button(/Network settings/).click();
    await ui.fill('Extra trusted CA (PEM)', emu.caPem);
    expect(await view.page.getByTestId('admin-consent-link').textContent()).toContain(
      `${emu.authorityHost}/${CONTOSO}/v2.0/adminconsent?client_id=${AEM_APP}`,
    );
    await audit('step-3-details');
    await ui.next();

    // 4. Sign in on the emulator's page (the login-window port), refresh token to the keychain.
    await ui.expectStep('Sign in');
    expect(await ui.heading()).toBe(`Sign in as ${USERS.alice.upn}`);
    await view.page.locator('[data-step]').getByRole('button', { name: 'Sign in' }).click();
    await view.page.getByTestId('sign-in-done').waitFor({ timeout: 30_000 });
    expect(await view.page.getByTestId('sign-in-done').innerText()).toContain(`Signed in as ${USERS.alice.upn}`);
    expect(await view.page.getByTestId('verdict').textContent()).toBe('Fit for SMTP.');
    const refreshToken = await keychain.store.get(secretKeys.refreshToken((await ports.profiles.list())[0]?.id ?? ''));
    expect(refreshToken).toBeTruthy();
    await audit('step-4-sign-in');
    await ui.next();

    // 5. Verify: redeem like AEM, log in to SMTP, send a test mail; transcript behind "details".
    await ui.expectStep('Verify');
    await ui.button('Send a test mail').click();
    await view.page.getByTestId('verify-ok').waitFor({ timeout: 30_000 });
    expect(await view.page.getByTestId('verify-ok').innerText()).toContain(`SMTP login as ${USERS.alice.upn} worked`);
    expect(emu.messages(USERS.alice.upn).length).toBe(1);
    expect(await view.page.getByTestId('transcript').count()).toBe(0);
    await ui.button(/Show details/).click();
    const transcript = (await view.page.getByTestId('transcript').textContent()) ?? '';
    expect(transcript).toMatch(/235 2\.7\.0/);
    expect(transcript).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
    await audit('step-5-verify');
    await ui.next();

    // 6. Export: the OSGi configs, secrets as Cloud Manager placeholders; save them all.
    await ui.expectStep('Export');
    await ui.waitForText('com.day.cq.mailer.oauth.impl.OAuthConfigurationProviderImpl.cfg.json');
    const exportsDir = join(dir, 'exports');
    ports.nextExportFolder = exportsDir;
    await ui.button('Save all to a folder…').click();
    await view.page.getByTestId('export-saved').waitFor();
    const osgi = JSON.parse(
      readFileSync(join(exportsDir, 'com.day.cq.mailer.oauth.impl.OAuthConfigurationProviderImpl.cfg.json'), 'utf8'),
    ) as Record<string, unknown>;
    expect(osgi).toMatchObject({
      clientId: AEM_APP,
      clientSecret: '$[secret:SECRET_SMTP_OAUTH_CLIENT_SECRET]',
      refreshToken: '$[secret:SECRET_SMTP_OAUTH_REFRESH_TOKEN]',
    });
    // AEM as a Cloud Service sends through its egress proxy; the port forward leads to the real server.
    const mail = JSON.parse(
      readFileSync(join(exportsDir, 'com.day.cq.mailer.DefaultMailService.cfg.json'), 'utf8'),
    ) as Record<string, unknown>;
    expect(mail).toMatchObject({
      'smtp.host': '$[env:AEM_PROXY_HOST;default=proxy.tunnel]',
      'smtp.port': 30587,
      'smtp.user': USERS.alice.upn,
      'oauth.flow': true,
    });
    expect(JSON.parse(readFileSync(join(exportsDir, 'aem-advanced-networking.json'), 'utf8'))).toEqual({
      portForwards: [{ name: emu.smtp.host, portDest: emu.smtp.port, portOrig: 30587 }],
    });
    // Secrets never reach the window unless typed or asked for.
    const rotated = await keychain.store.get(secretKeys.refreshToken((await ports.profiles.list())[0]?.id ?? ''));
    expectNoSecret(await view.page.content(), [AEM_SECRET, refreshToken ?? 'missing', rotated ?? 'missing']);
    // ...and appear when the user explicitly asks, with a warning, and go again when unticked.
    const includeSecrets = view.page.getByRole('switch', { name: /Include secret values/ });
    await includeSecrets.check();
    await ui.waitForText(/Anyone who gets these files can send mail/);
    await expect.poll(async () => (await view.page.content()).includes(rotated ?? 'missing')).toBe(true);
    await includeSecrets.uncheck();
    await expect.poll(async () => (await view.page.content()).includes(rotated ?? 'missing')).toBe(false);
    await audit('step-6-export');

    // Finish: the start screen lists the profile with its state.
    await ui.next();
    const card = view.page.getByTestId('profile-card');
    await card.waitFor();
    const cardText = await card.innerText();
    expect(cardText).toContain('Contoso AEM');
    expect(cardText).toContain('Token acquired');
    expect(cardText).toMatch(/Last verified \d{4}-\d\d-\d\d: worked/);
    expect(cardText).toMatch(/Refresh token \(if unused\) good until/);
    await audit('start-with-profile');

    expect(violations).toEqual([]);
    expect(view.errors).toEqual([]);
  }, 120_000);

  it('shows what the sign-in is waiting for and stops it on Cancel', async () => {
    currentLogin = {
      open: (req) =>
        new Promise<string>((_resolve, reject) => {
          // Cancel can land before the window opens (the authorize URL takes a moment on a busy machine).
          if (req.signal?.aborted) return reject(signInCancelled());
          req.signal?.addEventListener('abort', () => reject(signInCancelled()), { once: true });
        }),
    };
    const { page } = view;
    await page.getByRole('button', { name: 'Open Contoso AEM' }).click();
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.locator('nav[aria-label="Wizard steps"] [aria-current="step"]', { hasText: 'Sign in' }).waitFor();
    await page.locator('[data-step]').getByRole('button', { name: 'Sign in again' }).click();
    // Slower than 300 ms: a labelled progress indicator saying what it waits for.
    await page
      .getByRole('status')
      .filter({ hasText: 'Sign in in the window that opened' })
      .waitFor({ timeout: 30_000 });
    await page.getByTestId('operation-progress').getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('problem').filter({ hasText: 'Sign-in cancelled' }).waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-step]').getByRole('button', { name: 'Sign in' }).isEnabled()).toBe(true);
    expect(view.errors).toEqual([]);
  }, 60_000);

  it('signs in through the system browser: the authorize page opens outside, the redirect comes back to the loopback listener', async () => {
    const { page } = view;
    await page.getByRole('radio', { name: /In my web browser/ }).check();
    const openedBefore = ports.opened.length;
    await page.locator('[data-step]').getByRole('button', { name: 'Sign in again' }).click();
    await expect.poll(() => ports.opened.length, { timeout: 30_000 }).toBe(openedBefore + 1);
    const authorize = new URL(ports.opened.at(-1) ?? '');
    expect(authorize.pathname).toBe(`/${CONTOSO}/oauth2/v2.0/authorize`);
    const redirectUri = authorize.searchParams.get('redirect_uri') ?? '';
    expect(redirectUri).toMatch(/^http:\/\/localhost:\d+\/$/);
    // The user's browser signs in on the emulator's page and follows the redirect to the app's
    // listener. (Should the test window catch the redirect itself, hand it on as the browser would.)
    void login
      .open({ url: authorize.href, redirectUri, timeoutMs: 20_000 })
      .then((landed) => fetch(landed.replace('//localhost:', '//127.0.0.1:')))
      .catch(() => undefined);
    await page.getByTestId('sign-in-done').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('sign-in-done').innerText()).toContain(`Signed in as ${USERS.alice.upn}`);
    expect(view.errors).toEqual([]);
  }, 60_000);
});
