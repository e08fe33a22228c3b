import type { GenericSettings } from './generic-settings';

/**
 * The likely cause of an SMTP refusal, for the exported scripts to print in one line next
 * to the server's reply (Exchange's texts: ms-protocol.md §7.3-§7.7). Patterns are plain
 * enough for bash's `grep -Ei`, Python's `re` and JavaScript alike; the first match wins.
 */
export interface RefusalCause {
  readonly pattern: string;
  readonly cause: string;
}

const enableForMailbox = 'Set-CASMailbox -Identity <mailbox> -SmtpClientAuthenticationDisabled $false';

export function refusalCauses(s: GenericSettings): readonly RefusalCause[] {
  const tokenRefused =
    s.grantType === 'client_credentials'
      ? 'Exchange refused the token: the app needs the SMTP.SendAsApp application permission with admin consent, a service principal in Exchange (New-ServicePrincipal) and FullAccess on SMTP_USER (Add-MailboxPermission); new permissions can take up to an hour.'
      : 'Exchange refused the token: it expired or is for another API (ask for https://outlook.office.com/SMTP.Send), the app lacks the SMTP.Send permission, or SMTP_USER is not the mailbox that signed in (nor one it has FullAccess to).';
  return [
    {
      pattern: '5\\.7\\.139.*disabled for the Tenant',
      cause: `SMTP AUTH is turned off for the whole tenant: turn it on for this mailbox (${enableForMailbox}) or for the tenant (Set-TransportConfig -SmtpClientAuthenticationDisabled $false).`,
    },
    {
      pattern: '5\\.7\\.139.*disabled for the Mailbox',
      cause: `SMTP AUTH is turned off for this mailbox: ${enableForMailbox}.`,
    },
    {
      pattern: 'security defaults',
      cause:
        'Security defaults block SMTP AUTH in this tenant: an Entra admin has to turn them off (and protect sign-ins with Conditional Access instead).',
    },
    {
      pattern: 'did not meet the criteria',
      cause: 'A Conditional Access policy blocks this login: ask the Entra admin which policy applies to SMTP.',
    },
    { pattern: '5\\.7\\.3 ', cause: tokenRefused },
    {
      pattern: '4\\.2\\.0.*mailbox logon failure',
      cause:
        'The app is registered in Exchange but may not use this mailbox: Add-MailboxPermission -Identity <mailbox> -User <service principal> -AccessRights FullAccess (can take up to an hour).',
    },
    {
      pattern: 'SendAsDenied|5\\.7\\.60',
      cause:
        'SMTP_USER may not send as SMTP_FROM: give it Send As (Add-RecipientPermission) or send from its own address.',
    },
    {
      pattern: '4\\.3\\.2',
      cause: 'The mailbox already has 3 connections sending at once (Exchange allows 3): try again in a moment.',
    },
  ];
}

export const FALLBACK_CAUSE =
  "not one this script recognises: the wizard's Verify step explains the reply with the fix.";
