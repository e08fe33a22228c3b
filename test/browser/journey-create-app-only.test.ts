import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretKeys } from '../../src/core/secrets/secret-keys';
import type { Emulator } from '../emulator';
import { CONTOSO, MAILBOXES } from '../emulator/fixtures/ids';
import type { TestPorts } from '../support/browser-ports';
import type { RendererPage } from '../support/renderer-harness';
import { type CreateJourneyWorld, openCreateJourney } from './create-journey-world';
import { driver, expectNoSecret } from './wizard-driver';

/**
 * Issue 13 acceptance, app-only with a generated certificate: created → a token with SMTP.SendAsApp
 * → the exported Exchange script has every value filled in (no `<…>` placeholder) → once the
 * emulator's Exchange knows the service principal and its mailbox permission, the SMTP login works.
 */
describe('journey: Create it for me, app-only with a certificate made by the app', () => {
  let dir: string;
  let keychain: CreateJourneyWorld['keychain'];
  let emu: Emulator;
  let ports: TestPorts;
  let view: RendererPage;
  let world: CreateJourneyWorld | undefined;

  beforeAll(async () => {
    world = await openCreateJourney('journey-create-app-only');
    ({ dir, keychain, emu, ports, view } = world);
  });
  afterAll(async () => {
    await world?.close();
  });

  it('creates the app with a certificate, fills every Exchange value in, and sends once Exchange has the permission', async () => {
    const ui = driver(view.page);
    const { page } = view;
    await ui.button('New set-up').click();
    await page.getByRole('radio', { name: /App-only mailer/ }).check();
    await ui.next();
    await ui.expectStep('App registration');
    await ui.fill('Mailbox that sends', MAILBOXES.noreply);
    await page.getByRole('radio', { name: /A certificate made on this computer/ }).check();
    const preview = (await page.getByTestId('registration-preview').innerText()).replace(/\s+/g, ' ');
    expect(preview).toContain('No platform or redirect URI');
    expect(preview).toMatch(/SMTP\.SendAsApp \(Office 365 Exchange Online, application\)/);
    expect(preview).toContain('A certificate made on this computer');
    await ui.button('Sign in as an administrator and create').click();
    await page.getByTestId('registration-result').waitFor({ timeout: 60_000 });

    const profile = (await ports.profiles.list())[0]!;
    const sp = profile.registration!.servicePrincipalObjectId!;
    expect(profile.credential.kind).toBe('certificate');
    const key = (await keychain.store.get(secretKeys.certificateKey(profile.id)))!;
    expect(key).toContain('PRIVATE KEY');
    const result = await page.getByTestId('registration-result').innerText();
    expect(result).toContain(`New-ServicePrincipal -AppId ${profile.clientId} -ObjectId ${sp}`);
    expect(result).toContain(
      `Add-MailboxPermission -Identity ${MAILBOXES.noreply} -User ${sp} -AccessRights FullAccess`,
    );

    await ui.next();
    await ui.expectStep('Details');
    await ui.next();
    await ui.expectStep('Sign in');
    await ui.button('Get token').click();
    await page.getByTestId('sign-in-done').waitFor({ timeout: 30_000 });
    await ui.button('Show token details').click();
    expect(await page.getByTestId('claims').innerText()).toContain('SMTP.SendAsApp');
    await ui.next();

    // Exchange does not know the app yet: the login is refused, and the diagnosis says why.
    await ui.expectStep('Verify');
    await ui.button('Check SMTP login').click();
    await page.getByTestId('problem').waitFor({ timeout: 30_000 });
    const tenant = emu.directory.tenants.find((t) => t.id === CONTOSO)!;
    tenant.exchangeServicePrincipals.push(sp);
    tenant.mailboxes.find((m) => m.address === MAILBOXES.noreply)!.fullAccessServicePrincipals.push(sp);
    await ui.button('Check SMTP login').click();
    await page.getByTestId('verify-ok').waitFor({ timeout: 30_000 });
    await ui.next();

    await ui.expectStep('Export');
    const exportsDir = join(dir, 'exports');
    ports.nextExportFolder = exportsDir;
    await ui.button('Save all to a folder…').click();
    await page.getByTestId('export-saved').waitFor();
    const script = readFileSync(join(exportsDir, 'register-service-principal.ps1'), 'utf8');
    expect(script).toContain(`[string] $EnterpriseAppObjectId = '${sp}'`);
    expect(script).toContain(`-AppId '${profile.clientId}'`);
    // The admin signs in interactively (main's scripts): nothing about the tenant left to fill in.
    expect(script).toContain('Connect-ExchangeOnline');
    expect(script).not.toContain('-Organization');
    expect(script).not.toMatch(/<[^<>\n]+>/);
    expect(script).not.toContain('Mandatory');
    const keyBody = key.split('\n').filter((l) => l && !l.startsWith('-----'))[1] ?? 'missing';
    expectNoSecret(await page.content(), [keyBody]);
    expectNoSecret(script, [keyBody]);
    expect(view.errors).toEqual([]);
  }, 180_000);
});
