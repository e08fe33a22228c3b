import { adminUpnParameter, connectExchangeOnline } from './connect-exchange';
import type { ExportContext } from './context';
import { fileOutput, type OutputDraft } from './output';
import { psQuote } from './quote';

/** Exchange Online switches every target depends on: SMTP AUTH per mailbox and tenant-wide. */
export function exchangeAdminExports(ctx: ExportContext): OutputDraft[] {
  const p = ctx.profile;
  const mailbox = psQuote(p.mailbox);
  const sendAs =
    p.flow === 'delegated' && p.fromAddress.toLowerCase() !== p.mailbox.toLowerCase()
      ? [
          '',
          '# 4. The From address differs from the signed-in mailbox: it needs Send As.',
          `Add-RecipientPermission -Identity ${psQuote(p.fromAddress)} -Trustee ${mailbox} -AccessRights SendAs -Confirm:$false`,
        ]
      : [];
  const script = [
    '# Allows SMTP AUTH (which XOAUTH2 needs) for the sending mailbox and shows the tenant-wide switch.',
    '# Run in PowerShell as an Exchange administrator.',
    'param(',
    ...adminUpnParameter,
    ')',
    "$ErrorActionPreference = 'Stop'",
    ...connectExchangeOnline(p.cloud),
    '',
    '# 1. Tenant-wide switch: True means SMTP AUTH is off unless a mailbox turns it on (step 2).',
    'Get-TransportConfig | Format-List SmtpClientAuthenticationDisabled',
    '',
    '# 2. Turn SMTP AUTH on for the mailbox (overrides the tenant-wide switch).',
    `Set-CASMailbox -Identity ${mailbox} -SmtpClientAuthenticationDisabled $false`,
    '',
    '# 3. Check: this must show False.',
    `Get-CASMailbox -Identity ${mailbox} | Format-List SmtpClientAuthenticationDisabled`,
    ...sendAs,
    '',
    '# Security defaults, or a Conditional Access policy that blocks legacy authentication,',
    '# still block SMTP AUTH for the mailbox; check them in the Entra admin center.',
    'Disconnect-ExchangeOnline -Confirm:$false',
  ].join('\n');
  return [
    fileOutput({
      name: 'enable-smtp-auth.ps1',
      placement: 'PowerShell with the ExchangeOnlineManagement module, as an Exchange administrator',
      title: 'Exchange: enable SMTP AUTH for the mailbox',
      description:
        'Exchange Online PowerShell: checks the tenant switch (Get-TransportConfig) and enables SMTP AUTH for the mailbox (Set-CASMailbox).',
      language: 'powershell',
      content: script,
    }),
  ];
}
