import type { ExchangeCmdlet, Problem } from '../../shared/problem';

/**
 * Exchange Online cmdlets a fix needs, as data (the Problem's `exchange` remedy, which a
 * "Fix it" button can run through Exchange's admin REST endpoint) and as the PowerShell
 * an admin pastes, both from the same values. Values are quoted only when they need it,
 * so the common case reads like Microsoft's documentation.
 */

const quote = (v: string): string => (/^[A-Za-z0-9@._+-]+$/.test(v) ? v : `'${v.replace(/'/g, "''")}'`);

export const connectExchange = 'Connect-ExchangeOnline';

/** Placeholder shown when the value cannot be known from here (the admin looks it up). */
export const SP_OBJECT_ID_PLACEHOLDER = '<Enterprise application object ID>';

const unknownIf = (name: string, value: string): Pick<ExchangeCmdlet, 'unknown'> =>
  value === SP_OBJECT_ID_PLACEHOLDER ? { unknown: [name] } : {};

export const enableMailboxSmtpAuth = (mailbox: string): ExchangeCmdlet => ({
  name: 'Set-CASMailbox',
  parameters: { Identity: mailbox, SmtpClientAuthenticationDisabled: false },
});

export const enableTenantSmtpAuth = (): ExchangeCmdlet => ({
  name: 'Set-TransportConfig',
  parameters: { SmtpClientAuthenticationDisabled: false },
});

export const grantSendAs = (from: string, trustee: string): ExchangeCmdlet => ({
  name: 'Add-RecipientPermission',
  parameters: { Identity: from, Trustee: trustee, AccessRights: ['SendAs'] },
  ...unknownIf('Trustee', trustee),
});

export const grantFullAccess = (mailbox: string, user: string): ExchangeCmdlet => ({
  name: 'Add-MailboxPermission',
  parameters: { Identity: mailbox, User: user, AccessRights: ['FullAccess'] },
  ...unknownIf('User', user),
});

export const registerServicePrincipal = (appId: string, objectId: string): ExchangeCmdlet => ({
  name: 'New-ServicePrincipal',
  parameters: { AppId: appId, ObjectId: objectId },
  ...unknownIf('ObjectId', objectId),
});

/** PowerShell for one cmdlet: `-Name value`, booleans as `$true`/`$false`, lists comma-joined. */
export function powershell(c: ExchangeCmdlet): string {
  const args = Object.entries(c.parameters).map(([name, v]) => {
    const value = typeof v === 'boolean' ? `$${v}` : typeof v === 'string' ? quote(v) : v.map(quote).join(',');
    return `-${name} ${value}`;
  });
  return [c.name, ...args].join(' ');
}

/** The commands to copy and the remedy to run, from one list of cmdlets. */
export function exchangeFix(...cmdlets: ExchangeCmdlet[]): Pick<Problem, 'commands' | 'remedy'> {
  return { commands: [connectExchange, ...cmdlets.map(powershell)], remedy: { kind: 'exchange', cmdlets } };
}

export const findServicePrincipal = (appId: string): string =>
  `Get-ServicePrincipal | Where-Object AppId -eq ${quote(appId)}`;

export const testPort = (host: string, port: number): string =>
  `Test-NetConnection -ComputerName ${quote(host)} -Port ${port}`;
