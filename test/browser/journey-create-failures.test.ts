import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registrationTag } from '../../src/shared/registration';
import type { Emulator } from '../emulator';
import { MAILBOXES, USERS } from '../emulator/fixtures/ids';
import type { TestPorts } from '../support/browser-ports';
import type { PlaywrightLoginWindow } from '../support/playwright-login-window';
import type { RendererPage } from '../support/renderer-harness';
import { type CreateJourneyWorld, openCreateJourney } from './create-journey-world';
import { auditStep } from './step-audit';
import { driver } from './wizard-driver';

/**
 * Issue 13 failure journeys in the window: a member without a role gets the 403 diagnosis naming
 * the role and another admin finishes; a 20-second replication delay shows progress and then
 * succeeds; secrets refused by policy → the certificate, one click; a fault after the application
 * exists → closed and reopened → Continue completes, and the tenant holds exactly one application.
 */
describe('journeys: Create it for me when things go wrong', () => {
  let emu: Emulator;
  let login: PlaywrightLoginWindow;
  let ports: TestPorts;
  let view: RendererPage;
  let world: CreateJourneyWorld | undefined;

  beforeAll(async () => {
    world = await openCreateJourney('journey-create-failures');
    ({ emu, login, ports, view } = world);
  });
  afterEach(async () => {
    emu.graph.faults.clear();
    Object.assign(emu.graph.switches, { replicationDelaySeconds: 0, blockPasswordCredentials: false });
    login.user = { username: USERS.alice.upn, password: USERS.alice.password };
    const close = view.page.getByRole('button', { name: 'Close', exact: true });
    if (await close.count()) await close.click();
  });
  afterAll(async () => {
    await world?.close();
  });

  async function begin(target: RegExp, mailbox: string, name: string): Promise<void> {
    const ui = driver(view.page);
    await ui.button('New set-up').click();
    await view.page.getByRole('radio', { name: target }).check();
    await ui.next();
    await ui.expectStep('App registration');
    await ui.fill('Mailbox that sends', mailbox);
    await ui.fill('Profile name', name);
  }

  const appsOf = async (name: string) => {
    const p = (await ports.profiles.list()).find((x) => x.name === name);
    return emu.directory.tenants
      .flatMap((t) => t.apps)
      .filter((a) => (a.tags ?? []).includes(registrationTag(p?.id ?? '')));
  };

  it('Bob, without a role, gets the 403 diagnosis naming the role; Alice then continues with the same app', async () => {
    const { page } = view;
    const ui = driver(page);
    await begin(/Generic SMTP XOAUTH2/, USERS.bob.upn, 'Bob tries');
    login.user = { username: USERS.bob.upn, password: USERS.bob.password };
    await ui.button('Sign in as an administrator and create').click();
    const problem = page.getByTestId('problem').filter({ hasText: 'Your account may not grant admin consent' });
    await problem.waitFor({ timeout: 60_000 });
    expect(await problem.innerText()).toContain('Cloud Application Administrator or Application Administrator');
    const steps = page.getByTestId('registration-steps');
    expect(await steps.locator('[data-status="done"]').count()).toBe(3);
    expect(await steps.locator('[data-status="failed"]').innerText()).toContain('Admin consent');
    login.user = { username: USERS.alice.upn, password: USERS.alice.password };
    await ui.button('Sign in as another administrator').click();
    await page.getByTestId('registration-result').waitFor({ timeout: 60_000 });
    expect(await appsOf('Bob tries')).toHaveLength(1);
    expect(view.errors).toEqual([]);
  }, 180_000);

  it('a 20-second replication delay shows what it waits for, then succeeds with no error', async () => {
    const { page } = view;
    const ui = driver(page);
    emu.graph.switches.replicationDelaySeconds = 20;
    await begin(/Generic SMTP XOAUTH2/, USERS.erin.upn, 'Slow directory');
    await ui.button('Sign in as an administrator and create').click();
    await page
      .getByTestId('progress-message')
      .filter({ hasText: /catch up|finish setting up/ })
      .waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('registration-steps').locator('[data-status="running"]').count()).toBe(1);
    const violations = await auditStep(page, 'create-2-progress');
    await page.getByTestId('registration-result').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('problem').count()).toBe(0);
    expect(violations).toEqual([]);
    expect(view.errors).toEqual([]);
  }, 240_000);

  it('secrets blocked by policy: "Use a certificate instead" and it succeeds', async () => {
    const { page } = view;
    const ui = driver(page);
    emu.graph.switches.blockPasswordCredentials = true;
    await begin(/App-only mailer/, MAILBOXES.unpermitted, 'No secrets here');
    await ui.button('Sign in as an administrator and create').click();
    await page.getByTestId('problem').filter({ hasText: 'does not allow client secrets' }).waitFor({ timeout: 60_000 });
    await ui.button('Use a certificate instead').click();
    await page.getByTestId('registration-result').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('registration-result').innerText()).toMatch(/Certificate [0-9A-F]{40}/);
    expect(await appsOf('No secrets here')).toHaveLength(1);
    expect(view.errors).toEqual([]);
  }, 180_000);

  it('a fault after the application exists; closed and reopened, Continue completes with exactly one application', async () => {
    const { page } = view;
    const ui = driver(page);
    emu.graph.faults.set({ http500: true, count: 1, pathIncludes: '/oauth2PermissionGrants' });
    await begin(/Generic SMTP XOAUTH2/, USERS.alice.upn, 'Interrupted');
    await ui.button('Sign in as an administrator and create').click();
    await page.getByTestId('problem').waitFor({ timeout: 60_000 });
    expect(await appsOf('Interrupted')).toHaveLength(1);
    // The person closes the app's wizard; the start screen still has the set-up, and opening it offers Continue.
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await page.getByRole('button', { name: 'Open Interrupted' }).click();
    await ui.expectStep('App registration');
    // The saved record arrives over IPC after the step shows: wait for its third finished step.
    const done = page.getByTestId('registration-steps').locator('[data-status="done"]');
    await done.nth(2).waitFor();
    expect(await done.count()).toBe(3);
    await ui.button('Continue').click();
    await page.getByTestId('registration-result').waitFor({ timeout: 60_000 });
    expect(await appsOf('Interrupted')).toHaveLength(1);
    expect(view.errors).toEqual([]);
  }, 180_000);

  it('Remove the app registration names what it deletes, then deletes the enterprise app, the app and the profile', async () => {
    const { page } = view;
    const ui = driver(page);
    const before = (await ports.profiles.list()).find((p) => p.name === 'Interrupted')!;
    expect(await appsOf('Interrupted')).toHaveLength(1);
    await page.getByRole('button', { name: 'Open Interrupted' }).click();
    await ui.expectStep('Details');
    await ui.button('Back').click();
    await ui.expectStep('App registration');
    await ui.button('Remove the app registration…').click();
    const dialog = page.getByRole('alertdialog');
    const text = await dialog.innerText();
    expect(text).toContain(`Remove “${before.registration?.appName}”?`);
    expect(text).toContain(`client ID ${before.clientId}`);
    expect(text).toContain('from Contoso');
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await page.getByRole('button', { name: 'New set-up' }).waitFor({ timeout: 60_000 });
    expect(emu.directory.tenants.flatMap((t) => t.apps).filter((a) => a.clientId === before.clientId)).toHaveLength(0);
    expect((await ports.profiles.list()).some((p) => p.id === before.id)).toBe(false);
    expect(view.errors).toEqual([]);
  }, 120_000);
});
