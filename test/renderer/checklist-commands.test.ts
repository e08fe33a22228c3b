import { describe, expect, it } from 'vitest';
import { targetPresets } from '../../src/shared/targets';
import { commandsIn } from '../../src/renderer/wizard/checklist-commands';

describe('commands offered for copying in the checklist', () => {
  it('takes the cmdlet and its parameters, not the prose around it, and fills in the mailbox', () => {
    const text =
      'Exchange Online PowerShell: Set-CASMailbox -Identity <mailbox> -SmtpClientAuthenticationDisabled $false (or Microsoft 365 admin center > Users).';
    expect(commandsIn(text, { '<mailbox>': 'alice@contoso.com' })).toEqual([
      'Set-CASMailbox -Identity alice@contoso.com -SmtpClientAuthenticationDisabled $false',
    ]);
  });

  it('keeps pipes and dotted names inside a command and stops at the sentence end', () => {
    expect(
      commandsIn('Get-TransportConfig | Format-List SmtpClientAuthenticationDisabled. When it is True, ...'),
    ).toEqual(['Get-TransportConfig | Format-List SmtpClientAuthenticationDisabled']);
    expect(
      commandsIn(
        "New-ManagementScope with a filter, then New-ManagementRoleAssignment -Role 'Application SMTP.SendAsApp' -App <sp> -CustomResourceScope <scope>.",
      ),
    ).toEqual([
      "New-ManagementRoleAssignment -Role 'Application SMTP.SendAsApp' -App <sp> -CustomResourceScope <scope>",
    ]);
  });

  it('finds the app-only Exchange commands of the preset', () => {
    const all = targetPresets['app-only'].exchangeAdminSteps.flatMap((s) =>
      commandsIn(s.detail, { '<client id>': 'aaaaaaaa-0000-4000-8000-000000000002' }),
    );
    expect(all).toContain('New-ServicePrincipal -AppId aaaaaaaa-0000-4000-8000-000000000002 -ObjectId <object id>');
    expect(all).toContain(
      'Add-MailboxPermission -Identity <mailbox> -User <service principal id> -AccessRights FullAccess',
    );
  });
});
