import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/main/handlers';
import type { Profile } from '../../src/shared/profile';
import { draftOf } from './profile-draft';
import { startEmulator, type Emulator } from '../emulator';
import { DAEMON_APP, DAEMON_SECRET, DAEMON_SP, MAILBOXES } from '../emulator/fixtures/ids';
import { createBrowserTestPorts, type TestPorts } from '../support/browser-ports';
import { testKeychain } from '../support/keychain';
import { startRendererHarness, type RendererHarness, type RendererPage } from '../support/renderer-harness';
import { emulatorProfile } from '../core/oauth/emulator-profile';
import { auditStep } from './step-audit';
import { userActions } from './user-actions';
import { driver } from './wizard-driver';

/**
 * Issue 14.16 and 14.17, the helpdesk's journey: a mailbox is checked from the start screen
 * in one press, the answer in the card; a mailbox that has no profile of its own is checked
 * once from an app-only profile's Verify step, and that profile is not changed.
 */
describe('helpdesk: check now, and check another mailbox', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sow-helpdesk-'));
  const profilesFile = join(dir, 'profiles.json');
  const keychain = testKeychain('helpdesk');
  let emu: Emulator;
  let harness: RendererHarness;
  let ports: TestPorts;
  let view: RendererPage;
  let daemon: Profile;

  beforeAll(async () => {
    emu = await startEmulator();
    harness = await startRendererHarness();
    ports = createBrowserTestPorts({ secrets: keychain.store, profilesFile, now: () => emu.clock.now() });
    const appOnly = (name: string, mailbox: string) =>
      draftOf(
        emulatorProfile(emu, {
          name,
          targetId: 'app-only',
          flow: 'app-only',
          clientId: DAEMON_APP,
          redirectUri: '',
          scopes: ['https://outlook.office365.com/.default'],
          mailbox,
          fromAddress: mailbox,
        }),
      );
    daemon = await ports.profiles.create(appOnly('Contoso daemon', MAILBOXES.noreply), { clientSecret: DAEMON_SECRET });
    await ports.profiles.create(appOnly('Contoso unpermitted', MAILBOXES.unpermitted), { clientSecret: DAEMON_SECRET });
    await ports.profiles.create(draftOf(emulatorProfile(emu, { name: 'Alice, not signed in' })), {
      clientSecret: 'Zz9~a-long-enough-secret-value-0001',
    });
    view = await harness.open(createHandlers(ports));
  });
  afterAll(async () => {
    await harness?.close();
    await emu?.close();
    await keychain.wipe();
    rmSync(dir, { recursive: true, force: true });
  });

  it('checks a mailbox from its card in one press, the answer and the badge in place', async () => {
    const { page } = view;
    const ui = driver(page);
    const user = userActions('helpdesk, single check from the start screen');
    const card = page.getByTestId('profile-card').filter({ hasText: 'Contoso daemon' });
    await card.waitFor();
    expect(await card.getByTestId('check-badge').textContent()).toBe('No token yet');

    await user.act('press “Check now” on the card', () => ui.button('Check now: Contoso daemon').click());
    await card.getByTestId('card-check-ok').waitFor({ timeout: 30_000 });
    expect(await card.getByTestId('card-check-ok').innerText()).toContain(`SMTP login as ${MAILBOXES.noreply} worked`);
    expect(await card.getByTestId('check-badge').textContent()).toBe('Last check worked');
    expect(await card.getByTestId('last-verify').textContent()).toMatch(/^Last checked \d{4}-\d\d-\d\d: worked$/);
    expect((await ui.focused()).label).toBe('Check result for Contoso daemon');
    user.print();
    expect(user.count).toBeLessThanOrEqual(2);

    // A failing mailbox: the diagnosis in the card, the badge says it.
    const failing = page.getByTestId('profile-card').filter({ hasText: 'Contoso unpermitted' });
    await ui.button('Check now: Contoso unpermitted').click();
    await failing.getByTestId('problem').waitFor({ timeout: 30_000 });
    expect(await failing.getByTestId('check-badge').textContent()).toBe('Last check failed');

    // Delegated without a sign-in: nothing to check yet; the card's press leads to the sign-in instead.
    const notSignedIn = page.getByTestId('profile-card').filter({ hasText: 'Alice, not signed in' });
    expect(await notSignedIn.getByRole('button', { name: /^Check now/ }).count()).toBe(0);
    expect(await notSignedIn.getByRole('button', { name: 'Sign in first: Alice, not signed in' }).isVisible()).toBe(
      true,
    );
    expect(await auditStep(page, 'start-check-now')).toEqual([]);
    expect(view.errors).toEqual([]);
  }, 90_000);

  it('checks another mailbox once from Verify without changing the profile, in plain words', async () => {
    const { page } = view;
    const ui = driver(page);
    const user = userActions('helpdesk, a mailbox without a profile of its own');
    const before = JSON.stringify(
      (JSON.parse(readFileSync(profilesFile, 'utf8')) as { profiles: Profile[] }).profiles.find(
        (p) => p.id === daemon.id,
      ),
    );
    await user.act('open the app-only profile', () => ui.button('Open Contoso daemon').click());
    await user.act('go to Verify', () =>
      page
        .getByRole('navigation')
        .getByRole('button', { name: /Verify/ })
        .click(),
    );
    await ui.expectStep('Verify');
    await user.act('type the mailbox', () => ui.fill('Mailbox to check', MAILBOXES.shared));
    await user.act('press “Check this mailbox”', () => ui.button('Check this mailbox').click());
    const ok = page.getByTestId('check-another-ok');
    await ok.waitFor({ timeout: 30_000 });
    expect(await ok.innerText()).toContain(`SMTP login as ${MAILBOXES.shared} worked`);
    expect((await ui.focused()).label).toBe('Result of the one-off check');
    user.print();

    // One that has no permission for the app: the diagnosis, right there.
    await ui.fill('Mailbox to check', MAILBOXES.unpermitted);
    await ui.button('Check this mailbox').click();
    await page.getByTestId('check-another').getByTestId('problem').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('check-another').getByTestId('problem').innerText()).toContain(MAILBOXES.unpermitted);

    // Neither check touched the profile: same mailbox, same last check, same file entry.
    const after = JSON.stringify(
      (JSON.parse(readFileSync(profilesFile, 'utf8')) as { profiles: Profile[] }).profiles.find(
        (p) => p.id === daemon.id,
      ),
    );
    expect(after).toBe(before);
    expect(await page.getByText(`Logs in as ${MAILBOXES.noreply}`).count()).toBe(1);

    // The profile's own check: plain words first, the claims (and the service principal) under "details".
    await ui.button('Check SMTP login').click();
    await page.getByTestId('verify-ok').waitFor({ timeout: 30_000 });
    expect((await ui.focused()).label).toBe('Check result');
    const checks = await page.getByRole('list', { name: 'Token checks' }).innerText();
    expect(checks).toContain('It is meant for Exchange Online, the service behind SMTP.');
    expect(checks).toContain('The app is allowed to send mail over SMTP.');
    expect(checks).not.toMatch(/\b(aud|roles|Audience)\b/);
    await ui.button('Show token details').click();
    const details = await page.getByTestId('claims-details').innerText();
    expect(details).toMatch(/Audience \(aud\): https:\/\//);
    expect(details).toContain('Roles (roles): SMTP.SendAsApp');
    expect(details).toContain(DAEMON_SP);
    expect(await auditStep(page, 'verify-check-another')).toEqual([]);
    expect(view.errors).toEqual([]);
  }, 90_000);
});
