/**
 * Exchange Online PowerShell commands, filled in with the user's values so an admin can
 * paste them. Values are quoted only when they need it, so the common case reads like
 * Microsoft's documentation.
 */

const quote = (v: string): string => (/^[A-Za-z0-9@._+-]+$/.test(v) ? v : `'${v.replace(/'/g, "''")}'`);

export const connectExchange = 'Connect-ExchangeOnline';

export const enableMailboxSmtpAuth = (mailbox: string): string =>
  `Set-CASMailbox -Identity ${quote(mailbox)} -SmtpClientAuthenticationDisabled $false`;

export const enableTenantSmtpAuth = (): string => 'Set-TransportConfig -SmtpClientAuthenticationDisabled $false';

export const grantSendAs = (from: string, trustee: string): string =>
  `Add-RecipientPermission -Identity ${quote(from)} -Trustee ${quote(trustee)} -AccessRights SendAs`;

export const grantFullAccess = (mailbox: string, user: string): string =>
  `Add-MailboxPermission -Identity ${quote(mailbox)} -User ${quote(user)} -AccessRights FullAccess`;

export const registerServicePrincipal = (appId: string, objectId: string): string =>
  `New-ServicePrincipal -AppId ${quote(appId)} -ObjectId ${quote(objectId)}`;

export const findServicePrincipal = (appId: string): string =>
  `Get-ServicePrincipal | Where-Object AppId -eq ${quote(appId)}`;

export const testPort = (host: string, port: number): string =>
  `Test-NetConnection -ComputerName ${quote(host)} -Port ${port}`;

/** Placeholder shown when the value cannot be known from here (the admin looks it up). */
export const SP_OBJECT_ID_PLACEHOLDER = '<Enterprise application object ID>';
