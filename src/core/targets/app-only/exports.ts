import { adminUpnParameter, connectExchangeOnline } from '../common/connect-exchange';
import { type ExportContext, hiddenValue, scopeString } from '../common/context';
import { field, fieldsOutput, fileOutput, type OutputDraft } from '../common/output';
import { oneLine, psQuote } from '../common/quote';

/**
 * App-only mailer (client credentials): the settings such a mail server asks for, and
 * the Exchange Online PowerShell that lets the app's service principal use the mailbox,
 * with the application-RBAC alternative (ms-protocol.md §7.4).
 */

function settingsFields(ctx: ExportContext) {
  const p = ctx.profile;
  const credential =
    p.credential.kind === 'certificate'
      ? field('Certificate Thumbprint', p.credential.thumbprintSha1.toUpperCase())
      : field('Client Secret', ctx.reveal('clientSecret') ?? hiddenValue, true);
  return [
    field('SMTP Server', p.smtpHost),
    field('Port', p.smtpPort),
    field('Encryption', 'STARTTLS'),
    field('User', p.mailbox),
    field('Client ID', p.clientId),
    credential,
    field('Token Endpoint', ctx.tokenUrl),
    field('Scope', scopeString(p)),
  ];
}

function servicePrincipalScript(ctx: ExportContext): string {
  const p = ctx.profile;
  const sendAs =
    p.fromAddress.toLowerCase() !== p.mailbox.toLowerCase()
      ? [
          '',
          '# The From address differs from the mailbox: allow the app to send as it too.',
          `Add-RecipientPermission -Identity ${psQuote(p.fromAddress)} -Trustee $sp.Identity -AccessRights SendAs -Confirm:$false`,
        ]
      : [];
  return [
    '# Lets the app registration send through SMTP as the mailbox (client credentials flow).',
    '# Run in PowerShell as an Exchange administrator.',
    'param(',
    '    # The OBJECT ID of the ENTERPRISE APPLICATION (service principal): Entra admin center >',
    "    # Enterprise applications > your app > Overview > Object ID. Not the App registration's Object ID.",
    '    [Parameter(Mandatory = $true)] [string] $EnterpriseAppObjectId,',
    ...adminUpnParameter,
    ')',
    "$ErrorActionPreference = 'Stop'",
    ...connectExchangeOnline(p.cloud),
    '',
    '# 1. Register the service principal in Exchange Online (once per app).',
    `$sp = Get-ServicePrincipal | Where-Object { $_.AppId -eq ${psQuote(p.clientId)} }`,
    'if (-not $sp) {',
    `    $sp = New-ServicePrincipal -AppId ${psQuote(p.clientId)} -ObjectId $EnterpriseAppObjectId -DisplayName ${psQuote(p.name)}`,
    '}',
    '$sp | Format-List DisplayName, AppId, ObjectId, Identity',
    '',
    '# 2. Give it the mailbox it logs in as (XOAUTH2 user=).',
    `Add-MailboxPermission -Identity ${psQuote(p.mailbox)} -User $sp.Identity -AccessRights FullAccess`,
    ...sendAs,
    '',
    '# 3. SMTP AUTH must be allowed for the mailbox.',
    `Set-CASMailbox -Identity ${psQuote(p.mailbox)} -SmtpClientAuthenticationDisabled $false`,
    '',
    '# Changes can take up to an hour before SMTP accepts the token (until then: 535 5.7.3).',
  ].join('\n');
}

function rbacScript(ctx: ExportContext): string {
  const p = ctx.profile;
  return [
    '# Alternative to SMTP.SendAsApp + Add-MailboxPermission: application RBAC in Exchange Online.',
    '# With RBAC, REMOVE the SMTP.SendAsApp API permission from the app registration; if it is',
    '# present, Exchange also checks mailbox permissions.',
    'param(',
    '    [Parameter(Mandatory = $true)] [string] $EnterpriseAppObjectId,',
    '    # A mail-enabled security group whose members the app may send as.',
    '    [Parameter(Mandatory = $true)] [string] $GroupIdentity,',
    ...adminUpnParameter,
    ')',
    "$ErrorActionPreference = 'Stop'",
    ...connectExchangeOnline(p.cloud),
    '',
    `$sp = Get-ServicePrincipal | Where-Object { $_.AppId -eq ${psQuote(p.clientId)} }`,
    'if (-not $sp) {',
    `    $sp = New-ServicePrincipal -AppId ${psQuote(p.clientId)} -ObjectId $EnterpriseAppObjectId -DisplayName ${psQuote(p.name)}`,
    '}',
    '$dn = (Get-DistributionGroup -Identity $GroupIdentity).DistinguishedName',
    `$scopeName = ${psQuote(`SMTP senders for ${p.name}`)}`,
    'New-ManagementScope -Name $scopeName -RecipientRestrictionFilter "MemberOfGroup -eq \'$dn\'"',
    "New-ManagementRoleAssignment -Role 'Application SMTP.SendAsApp' -App $sp.AppId -CustomResourceScope $scopeName",
    '',
    `# Add ${oneLine(p.mailbox)} to the group, then test with Test-ServicePrincipalAuthorization -Identity $sp.AppId -Resource ${psQuote(p.mailbox)}`,
  ].join('\n');
}

export function appOnlyExports(ctx: ExportContext): OutputDraft[] {
  return [
    fieldsOutput({
      name: 'app-only-mail-server-settings.txt',
      placement: "The mail server's OAuth2 (client credentials) settings",
      title: 'App-only mailer: mail server settings',
      description:
        'The values an app-only (client credentials) mail server asks for. With a certificate, install it with its private key in the profile of the account the service runs as.',
      fields: settingsFields(ctx),
    }),
    fileOutput({
      name: 'register-service-principal.ps1',
      placement: 'PowerShell with the ExchangeOnlineManagement module, as an Exchange administrator',
      title: 'App-only mailer: Exchange service principal and mailbox permission',
      description:
        'Exchange Online PowerShell: New-ServicePrincipal (with the Enterprise application object id) and Add-MailboxPermission.',
      language: 'powershell',
      content: servicePrincipalScript(ctx),
    }),
    fileOutput({
      name: 'app-rbac-alternative.ps1',
      placement: 'PowerShell with the ExchangeOnlineManagement module, as an Exchange administrator',
      title: 'App-only mailer: application RBAC alternative',
      description:
        'Scope the app to a group of mailboxes with Exchange application RBAC instead of per-mailbox FullAccess.',
      language: 'powershell',
      content: rbacScript(ctx),
    }),
  ];
}
