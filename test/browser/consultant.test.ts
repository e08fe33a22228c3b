import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/main/handlers';
import { secretKeys } from '../../src/core/secrets/secret-keys';
import type { ProfileDraft } from '../../src/shared/profile';
import { AEM_APP, AEM_SECRET, CONTOSO, FABRIKAM, FABRIKAM_APP, FABRIKAM_SECRET } from '../emulator/fixtures/ids';
import { createBrowserTestPorts, type TestPorts } from '../support/browser-ports';
import { testKeychain } from '../support/keychain';
import { startRendererHarness, type RendererHarness } from '../support/renderer-harness';
import { auditStep } from './step-audit';
import { userActions } from './user-actions';
import { driver } from './wizard-driver';

/**
 * Issue 14.13, the consultant on the next tenant: Duplicate asks what the copy is for, and
 * for another client starts a new set-up from the settings that carry over while asking
 * for that client's tenant, app and credential; the first client's secret never comes along
 * unannounced. Cards show the tenant.
 */
describe('consultant: the next client from an existing profile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sow-consultant-'));
  const keychain = testKeychain('consultant');
  let harness: RendererHarness;
  let ports: TestPorts;

  beforeAll(async () => {
    harness = await startRendererHarness();
    ports = createBrowserTestPorts({ secrets: keychain.store, profilesFile: join(dir, 'profiles.json') });
    const contoso: ProfileDraft = {
      name: 'Contoso AEM',
      targetId: 'aem',
      flow: 'delegated',
      cloud: 'global',
      customAuthorityHost: '',
      tenant: CONTOSO,
      clientId: AEM_APP,
      credential: { kind: 'secret' },
      redirectUri: 'http://localhost',
      scopes: ['openid', 'offline_access', 'https://outlook.office365.com/SMTP.Send'],
      mailbox: 'alice@contoso.com',
      fromAddress: 'alice@contoso.com',
      smtpHost: 'smtp.office365.com',
      smtpPort: 587,
      network: { proxyUrl: '', extraCaPem: '', timeoutMs: 45_000 },
    };
    await ports.profiles.create(contoso, { clientSecret: AEM_SECRET });
  });
  afterAll(async () => {
    await harness?.close();
    await keychain.wipe();
    rmSync(dir, { recursive: true, force: true });
  });

  it('duplicates for another client: the settings carry over, the tenant, app and secret are asked for', async () => {
    const view = await harness.open(createHandlers(ports));
    const { page } = view;
    const ui = driver(page);
    const user = userActions('consultant, the next tenant from an existing profile');
    const card = page.getByTestId('profile-card');
    await card.waitFor();
    expect(await card.getByTestId('profile-facts').textContent()).toContain(`tenant ${CONTOSO}`);

    await user.act('press Duplicate', () => ui.button('Duplicate Contoso AEM').click());
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByRole('radio', { name: /Another client \(another tenant\)/ }).isChecked()).toBe(true);
    expect(await dialog.innerText()).toContain('nothing secret is copied');
    expect(await auditStep(page, 'duplicate-dialog')).toEqual([]);
    await user.act('confirm “Another client”', () => dialog.getByRole('button', { name: 'Duplicate' }).click());

    await ui.expectStep('Details');
    expect(await page.getByTestId('wizard-note').innerText()).toContain('from “Contoso AEM” for another client');
    const value = (label: string) => page.getByLabel(label, { exact: false }).first().inputValue();
    // What belongs to the first client is empty; what belongs to the consultant's set-up came along.
    expect(await value('Profile name')).toBe('');
    expect(await value('Directory (tenant) ID')).toBe('');
    expect(await value('Application (client) ID')).toBe('');
    expect(await value('Client secret value')).toBe('');
    expect(await page.getByLabel('Client secret value').getAttribute('placeholder')).toBeNull();
    expect(await value('Mailbox that logs in')).toBe('');
    expect((await value('Scopes')).split('\n')).toEqual([
      'openid',
      'offline_access',
      'https://outlook.office365.com/SMTP.Send',
    ]);

    // Saving without the new credential is refused at the secret field, not silently filled from Contoso.
    await user.act('type the profile name', () => ui.fill('Profile name', 'Fabrikam AEM'));
    await user.act('type the tenant', () => ui.fill('Directory (tenant) ID', FABRIKAM));
    await user.act('type the client ID', () => ui.fill('Application (client) ID', FABRIKAM_APP));
    await user.act('type the mailbox', () => ui.fill('Mailbox that logs in', 'notify@fabrikam.com'));
    await ui.button('Save and continue').click();
    await expect.poll(async () => (await ui.focused()).id).toBe('field-clientSecret');
    await user.act('type the new client secret', () => ui.fill('Client secret value', FABRIKAM_SECRET));
    await user.act('press Save and continue', () => ui.next());
    await ui.expectStep('Sign in');

    const fabrikam = (await ports.profiles.list()).find((p) => p.name === 'Fabrikam AEM');
    expect(fabrikam).toMatchObject({ tenant: FABRIKAM, clientId: FABRIKAM_APP, targetId: 'aem' });
    expect(fabrikam?.network.timeoutMs).toBe(45_000);
    expect(await keychain.store.get(secretKeys.clientSecret(fabrikam?.id ?? ''))).toBe(FABRIKAM_SECRET);
    user.print();

    await ui.button('Close').click();
    const cards = page.getByTestId('profile-card');
    await expect.poll(() => cards.count()).toBe(2);
    expect(await cards.filter({ hasText: 'Fabrikam AEM' }).getByTestId('profile-facts').textContent()).toContain(
      `tenant ${FABRIKAM}`,
    );
    expect(view.errors).toEqual([]);
    await view.close();
  }, 90_000);
});
