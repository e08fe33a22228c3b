import type { ChecklistStep, PermissionToAdd } from '../../../shared/target-preset';

/**
 * Checklist steps and permissions several targets' presets share. Renderer-safe like
 * the presets themselves (lint: imports only src/shared types): the wizard bundles them.
 * Values follow the targets' own set-up guides (/work/shared/reference/targets) and
 * Microsoft's SMTP OAuth documentation.
 */

export const graphDelegated = (permission: string): PermissionToAdd => ({
  api: 'Microsoft Graph',
  apiTab: 'Microsoft APIs',
  type: 'Delegated',
  permission,
  adminConsentRequired: false,
});

export const register: ChecklistStep = {
  title: 'Register the application',
  detail:
    'Entra admin center (entra.microsoft.com) > Entra ID > App registrations > New registration. Give it a name, choose "Accounts in this organizational directory only (Single tenant)", and press Register.',
};
export const copyIds: ChecklistStep = {
  title: 'Copy the IDs',
  detail: 'On the Overview page copy "Application (client) ID" and "Directory (tenant) ID" into this wizard.',
};
export const newSecret: ChecklistStep = {
  title: 'Create a client secret',
  detail:
    'Certificates & secrets > Client secrets > New client secret. Copy the "Value" column right away (it is shown once), not the "Secret ID".',
};
/** Only for mailers that send no secret on refresh: the others cannot use a public client's token. */
export const publicClientAlternative: ChecklistStep = {
  title: 'Or: no secret at all (public client)',
  detail:
    'If your mailer sends no client secret when it refreshes the token, skip the secret: Authentication > Add a platform > Mobile and desktop applications > http://localhost, and set "Allow public client flows" to Yes. Then choose "None — public client" under Details (sign-in with a code on another device becomes available too). A mailer that does send a secret cannot use a public client\'s refresh token (AADSTS700025).',
};
export const webRedirect = (uris: readonly string[]): ChecklistStep => ({
  title: 'Add the redirect URIs',
  detail: `Authentication > Add a platform > Web. Add ${uris.map((u) => `"${u}"`).join(' and ')}${uris.length > 1 ? ' (each one separately, exactly as written)' : ''}, then press Configure and Save.`,
});
export const delegatedPermissions = (names: readonly string[]): ChecklistStep => ({
  title: 'Add the API permissions',
  detail: `API permissions > Add a permission > Microsoft Graph > Delegated permissions. Select ${names.join(', ')}, then press Add permissions.`,
});
export const userConsent: ChecklistStep = {
  title: 'Grant consent (if users may not consent)',
  detail:
    'API permissions > "Grant admin consent for <your organization>". Needed when your tenant does not let users consent to apps; the Status column then shows "Granted".',
};

export const smtpAuthForMailbox: ChecklistStep = {
  title: 'Enable SMTP AUTH for the mailbox',
  detail:
    'Exchange Online PowerShell: Set-CASMailbox -Identity <mailbox> -SmtpClientAuthenticationDisabled $false (or Microsoft 365 admin center > Users > the user > Mail > Manage email apps > Authenticated SMTP).',
};
const smtpAuthTenant: ChecklistStep = {
  title: 'Check the tenant-wide switch',
  detail:
    'Get-TransportConfig | Format-List SmtpClientAuthenticationDisabled. When it is True, the mailbox setting above must be $false (it overrides the tenant); security defaults also block SMTP AUTH.',
};
export const delegatedExchangeSteps = [smtpAuthForMailbox, smtpAuthTenant] as const;

export const globalSmtp = { host: 'smtp.office365.com', port: 587 } as const;
