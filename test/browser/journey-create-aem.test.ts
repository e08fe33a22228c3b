import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretKeys } from '../../src/core/secrets/secret-keys';
import { registrationTag } from '../../src/shared/registration';
import type { Emulator } from '../emulator';
import { CONTOSO, USERS } from '../emulator/fixtures/ids';
import type { TestPorts } from '../support/browser-ports';
import type { PlaywrightLoginWindow } from '../support/playwright-login-window';
import type { RendererPage } from '../support/renderer-harness';
import { type CreateJourneyWorld, openCreateJourney } from './create-journey-world';
import { auditStep } from './step-audit';
import { driver, expectNoSecret } from './wizard-driver';

/**
 * Issue 13 acceptance, AEM delegated: start screen → "Create it for me" → the admin (Alice) signs
 * in → created → the mailbox user signs in → test mail accepted → exports saved. Nothing typed but
 * the profile name and the mailbox; every action counted, those in the sign-in windows included.
 * Settings point new set-ups at the emulator once, as a consultant's settings would at their cloud.
 */
describe('journey: Create it for me, AEM, delegated, to the exported files', () => {
  let dir: string;
  let keychain: CreateJourneyWorld['keychain'];
  let emu: Emulator;
  let login: PlaywrightLoginWindow;
  let ports: TestPorts;
  let view: RendererPage;
  let world: CreateJourneyWorld | undefined;

  beforeAll(async () => {
    world = await openCreateJourney('journey-create-aem');
    ({ dir, keychain, emu, login, ports, view } = world);
  });
  afterAll(async () => {
    await world?.close();
  });

  it('gets from the start screen to saved exports in at most 20 actions, registration included', async () => {
    const ui = driver(view.page);
    const { page } = view;
    const violations: string[] = [];
    const audit = async (name: string) =>
      violations.push(
        ...(await auditStep(page, name)).map((v) => `${name}: ${v.id} (${v.help}) at ${v.targets.join(', ')}`),
      );
    let clicks = 0;
    const typed: string[] = [];
    const click = async (action: () => Promise<unknown>) => {
      clicks++;
      await action();
    };
    const type = async (label: string, value: string) => {
      typed.push(label);
      await ui.fill(label, value);
    };

    await click(() => ui.button('New set-up').click());
    await click(() => page.getByRole('radio', { name: /Adobe Experience Manager as a Cloud Service/ }).check());
    await click(() => ui.next());

    // Step 2: "Create it for me" is the first choice, with the preview before anything exists.
    await ui.expectStep('App registration');
    expect(await page.getByRole('radio', { name: /^Create it for me/ }).isChecked()).toBe(true);
    expect(await ui.button('Next').isDisabled()).toBe(true);
    await type('Mailbox that sends', USERS.alice.upn);
    await type('Profile name', 'Contoso AEM');
    const preview = (await page.getByTestId('registration-preview').innerText()).replace(/\s+/g, ' ');
    expect(preview).toContain('What will be created in contoso.com');
    expect(preview).toContain(
      'An app registration named SMTP OAuth – Adobe Experience Manager as a Cloud Service – alice@contoso.com',
    );
    expect(preview).toContain('Platform Web with the redirect URIs http://localhost and http://localhost/');
    expect(preview).toMatch(/SMTP\.Send \(Office 365 Exchange Online, delegated\): Send mail over SMTP/);
    expect(preview).toMatch(/offline_access \(Microsoft Graph, delegated\): Stay signed in/);
    expect(preview).toContain('A client secret valid for 12 months');
    expect(preview).toContain('Admin consent for the whole organisation');
    expect(emu.directory.tenants[0]!.apps.some((a) => a.createdAt !== undefined)).toBe(false);
    await audit('create-1-preview');

    await click(() => ui.button('Sign in as an administrator and create').click());
    await page.getByTestId('registration-result').waitFor({ timeout: 60_000 });
    const result = (await page.getByTestId('registration-result').innerText()).replace(/\s+/g, ' ');
    const profile = (await ports.profiles.list())[0]!;
    const rec = profile.registration!;
    expect(result).toContain(`Organisation Contoso (contoso.onmicrosoft.com)`);
    expect(result).toContain(`Directory (tenant) ID ${CONTOSO}`);
    expect(result).toContain(`Application (client) ID ${profile.clientId}`);
    expect(result).toContain(`Enterprise application object ID ${rec.servicePrincipalObjectId}`);
    expect(await page.getByTestId('registration-steps').locator('[data-status="done"]').count()).toBe(5);
    await audit('create-3-result');

    // Details come back filled in: tenant GUID and its .onmicrosoft.com domain, client ID, secret stored.
    await click(() => ui.next());
    await ui.expectStep('Details');
    expect(await page.getByLabel('Directory (tenant) ID', { exact: false }).inputValue()).toBe(CONTOSO);
    expect(await page.getByLabel('Application (client) ID', { exact: false }).inputValue()).toBe(profile.clientId);
    expect(await page.getByTestId('created-by-app').innerText()).toContain('Contoso (contoso.onmicrosoft.com)');
    await click(() => ui.next());

    // The mailbox signs in to the new app: no consent page, the admin consented for everyone.
    await ui.expectStep('Sign in');
    const before = login.actions.length;
    await click(() => page.locator('[data-step]').getByRole('button', { name: 'Sign in' }).click());
    await page.getByTestId('sign-in-done').waitFor({ timeout: 30_000 });
    expect(login.actions.length - before).toBe(3);
    await click(() => ui.next());

    await ui.expectStep('Verify');
    await click(() => ui.button('Send a test mail').click());
    await page.getByTestId('verify-ok').waitFor({ timeout: 30_000 });
    expect(emu.messages(USERS.alice.upn)).toHaveLength(1);
    await click(() => ui.next());

    await ui.expectStep('Export');
    await ui.waitForText('com.day.cq.mailer.oauth.impl.OAuthConfigurationProviderImpl.cfg.json');
    const exportsDir = join(dir, 'exports');
    ports.nextExportFolder = exportsDir;
    await click(() => ui.button('Save all to a folder…').click());
    await page.getByTestId('export-saved').waitFor();
    const osgi = JSON.parse(
      readFileSync(join(exportsDir, 'com.day.cq.mailer.oauth.impl.OAuthConfigurationProviderImpl.cfg.json'), 'utf8'),
    ) as Record<string, unknown>;
    expect(osgi.clientId).toBe(profile.clientId);

    const actions = clicks + typed.length + login.actions.length;
    console.log(
      `Create it for me, AEM delegated: ${actions} user actions from the start screen to saved exports (${clicks} clicks and ${typed.length} fields in the app, ${login.actions.length} in the Microsoft sign-in windows)`,
    );
    expect(typed).toEqual(['Mailbox that sends', 'Profile name']);
    expect(actions).toBeLessThanOrEqual(20);
    // Exactly one app for the profile, and no secret on the page or in a saved file.
    expect(
      emu.directory.tenants[0]!.apps.filter((a) => (a.tags ?? []).includes(registrationTag(profile.id))),
    ).toHaveLength(1);
    const secret = (await keychain.store.get(secretKeys.clientSecret(profile.id)))!;
    const refresh = (await keychain.store.get(secretKeys.refreshToken(profile.id)))!;
    expectNoSecret(await page.content(), [secret, refresh]);
    const files = [
      readFileSync(join(dir, 'profiles.json'), 'utf8'),
      ...readdirSync(exportsDir).map((f) => readFileSync(join(exportsDir, f), 'utf8')),
    ];
    for (const f of files) expectNoSecret(f, [secret, refresh]);
    expect(violations).toEqual([]);
    expect(view.errors).toEqual([]);
  }, 180_000);
});
