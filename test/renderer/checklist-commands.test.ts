import { describe, expect, it } from 'vitest';
import { targetPresets } from '../../src/shared/targets';
import { commandsOf, type KnownValues } from '../../src/renderer/wizard/checklist-commands';

const nothing: KnownValues = { cloud: 'global', mailbox: '', clientId: '', name: '', servicePrincipalObjectId: '' };
const appOnly = targetPresets['app-only'].exchangeAdminSteps;
const step = (title: RegExp) => appOnly.find((s) => title.test(s.title)) ?? { title: '', detail: '' };

describe('commands offered for copying in the checklist (issue 14.15)', () => {
  it('starts the Exchange steps with the interactive Connect-ExchangeOnline line, per cloud', () => {
    for (const preset of Object.values(targetPresets)) {
      const first = preset.exchangeAdminSteps[0];
      expect(first && commandsOf(first, nothing)).toEqual(['Connect-ExchangeOnline']);
      expect(first && commandsOf(first, { ...nothing, cloud: 'gcc-high' })).toEqual([
        'Connect-ExchangeOnline -ExchangeEnvironmentName O365USGovGCCHigh',
      ]);
    }
  });

  it('fills -ObjectId and -User with the service principal object id once it is known', () => {
    const known: KnownValues = {
      cloud: 'global',
      mailbox: 'noreply@contoso.com',
      clientId: 'aaaaaaaa-0000-4000-8000-000000000002',
      name: "Contoso's daemon",
      servicePrincipalObjectId: '5a5a5a5a-0000-4000-8000-000000000002',
    };
    expect(commandsOf(step(/service principal in Exchange/), known)).toEqual([
      "New-ServicePrincipal -AppId aaaaaaaa-0000-4000-8000-000000000002 -ObjectId 5a5a5a5a-0000-4000-8000-000000000002 -DisplayName 'Contoso''s daemon'",
    ]);
    expect(commandsOf(step(/Give it the mailbox/), known)).toEqual([
      'Add-MailboxPermission -Identity noreply@contoso.com -User 5a5a5a5a-0000-4000-8000-000000000002 -AccessRights FullAccess',
    ]);
    // Before it is known, the placeholder stays for the admin to replace.
    expect(commandsOf(step(/Give it the mailbox/), nothing)[0]).toContain('-User <object id>');
  });

  it('gives the RBAC alternative as its whole sequence, connect line first', () => {
    const rbac = commandsOf(step(/application RBAC/), { ...nothing, servicePrincipalObjectId: 'sp', mailbox: 'm@x' });
    expect(rbac.map((c) => c.split(' ')[0])).toEqual([
      'Connect-ExchangeOnline',
      'New-ServicePrincipal',
      'New-ManagementScope',
      'New-ManagementRoleAssignment',
      'Test-ServicePrincipalAuthorization',
    ]);
    expect(rbac[2]).toContain(`"PrimarySmtpAddress -eq 'm@x'"`);
    expect(rbac[3]).toContain('-App sp');
  });
});
