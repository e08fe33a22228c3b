import { clouds } from './clouds';
import type { CloudId, Flow, TargetId } from './profile';

/**
 * What each target system needs from the Entra app registration and Exchange, as data
 * the wizard renders (checklist, presets) and the exporters reuse. Values follow the
 * targets' own set-up guides (/work/shared/reference/targets) and Microsoft's SMTP
 * OAuth documentation; scopes are for the global cloud (the wizard swaps the host for
 * national clouds).
 */

export interface PermissionToAdd {
  /** The API as the portal's "Request API permissions" pane names it. */
  readonly api: 'Microsoft Graph' | 'Office 365 Exchange Online';
  /** The tab of that pane where the API is listed. */
  readonly apiTab: 'Microsoft APIs' | 'APIs my organization uses';
  readonly type: 'Delegated' | 'Application';
  readonly permission: string;
  /** Whether an admin must press "Grant admin consent" for it to work. */
  readonly adminConsentRequired: boolean;
}

export interface RedirectSetup {
  /** Authentication > Add a platform > this platform; `none` for app-only. */
  readonly platform: 'Web' | 'none';
  /** Every URI to add, exactly as written (the order they are listed in the guide). */
  readonly uris: readonly string[];
  /** The URI the wizard signs in with by default. */
  readonly defaultRedirectUri: string;
  readonly note: string;
}

export interface ChecklistStep {
  readonly title: string;
  readonly detail: string;
}

export interface TargetPreset {
  readonly id: TargetId;
  readonly label: string;
  readonly summary: string;
  readonly flow: Flow;
  readonly defaultScopes: readonly string[];
  readonly permissions: readonly PermissionToAdd[];
  readonly redirect: RedirectSetup;
  readonly credential: 'client-secret' | 'client-secret-or-certificate';
  readonly smtp: { readonly host: string; readonly port: number };
  /** Exchange Online steps; `<mailbox>` stands for the sending mailbox. */
  readonly exchangeAdminSteps: readonly ChecklistStep[];
  /** Entra admin center steps, in order. */
  readonly checklist: readonly ChecklistStep[];
}

const graphDelegated = (permission: string): PermissionToAdd => ({
  api: 'Microsoft Graph',
  apiTab: 'Microsoft APIs',
  type: 'Delegated',
  permission,
  adminConsentRequired: false,
});

const register: ChecklistStep = {
  title: 'Register the application',
  detail:
    'Entra admin center (entra.microsoft.com) > Entra ID > App registrations > New registration. Give it a name, choose "Accounts in this organizational directory only (Single tenant)", and press Register.',
};
const copyIds: ChecklistStep = {
  title: 'Copy the IDs',
  detail: 'On the Overview page copy "Application (client) ID" and "Directory (tenant) ID" into this wizard.',
};
const newSecret: ChecklistStep = {
  title: 'Create a client secret',
  detail:
    'Certificates & secrets > Client secrets > New client secret. Copy the "Value" column right away (it is shown once), not the "Secret ID".',
};
/** Only for mailers that send no secret on refresh: the others cannot use a public client's token. */
const publicClientAlternative: ChecklistStep = {
  title: 'Or: no secret at all (public client)',
  detail:
    'If your mailer sends no client secret when it refreshes the token, skip the secret: Authentication > Add a platform > Mobile and desktop applications > http://localhost, and set "Allow public client flows" to Yes. Then choose "None — public client" under Details (sign-in with a code on another device becomes available too). A mailer that does send a secret cannot use a public client\'s refresh token (AADSTS700025).',
};
const webRedirect = (uris: readonly string[]): ChecklistStep => ({
  title: 'Add the redirect URIs',
  detail: `Authentication > Add a platform > Web. Add ${uris.map((u) => `"${u}"`).join(' and ')}${uris.length > 1 ? ' (each one separately, exactly as written)' : ''}, then press Configure and Save.`,
});
const delegatedPermissions = (names: readonly string[]): ChecklistStep => ({
  title: 'Add the API permissions',
  detail: `API permissions > Add a permission > Microsoft Graph > Delegated permissions. Select ${names.join(', ')}, then press Add permissions.`,
});
const userConsent: ChecklistStep = {
  title: 'Grant consent (if users may not consent)',
  detail:
    'API permissions > "Grant admin consent for <your organization>". Needed when your tenant does not let users consent to apps; the Status column then shows "Granted".',
};

const smtpAuthForMailbox: ChecklistStep = {
  title: 'Enable SMTP AUTH for the mailbox',
  detail:
    'Exchange Online PowerShell: Set-CASMailbox -Identity <mailbox> -SmtpClientAuthenticationDisabled $false (or Microsoft 365 admin center > Users > the user > Mail > Manage email apps > Authenticated SMTP).',
};
const smtpAuthTenant: ChecklistStep = {
  title: 'Check the tenant-wide switch',
  detail:
    'Get-TransportConfig | Format-List SmtpClientAuthenticationDisabled. When it is True, the mailbox setting above must be $false (it overrides the tenant); security defaults also block SMTP AUTH.',
};
const delegatedExchangeSteps = [smtpAuthForMailbox, smtpAuthTenant] as const;

const globalSmtp = { host: 'smtp.office365.com', port: 587 } as const;

const aem: TargetPreset = {
  id: 'aem',
  label: 'Adobe Experience Manager as a Cloud Service',
  summary: 'AEM Mail Service with OAuth2: two OSGi configuration files plus two Cloud Manager secret variables.',
  flow: 'delegated',
  defaultScopes: [
    'openid',
    'offline_access',
    'https://outlook.office365.com/Mail.Send',
    'https://outlook.office365.com/Mail.Read',
    'https://outlook.office365.com/SMTP.Send',
  ],
  permissions: ['SMTP.Send', 'Mail.Read', 'Mail.Send', 'openid', 'offline_access'].map(graphDelegated),
  redirect: {
    platform: 'Web',
    uris: ['http://localhost', 'http://localhost/'],
    defaultRedirectUri: 'http://localhost',
    note: 'AEM asks for both http://localhost and http://localhost/ (one without and one with the trailing slash). Add both as Web redirect URIs.',
  },
  credential: 'client-secret',
  smtp: globalSmtp,
  exchangeAdminSteps: delegatedExchangeSteps,
  checklist: [
    register,
    delegatedPermissions(['SMTP.Send', 'Mail.Read', 'Mail.Send', 'openid', 'offline_access']),
    webRedirect(['http://localhost/', 'http://localhost']),
    newSecret,
    copyIds,
    userConsent,
  ],
};

const onit: TargetPreset = {
  id: 'onit',
  label: 'Onit',
  summary: 'Onit "MS SMTP OAuth2" auth provider: a form of twelve fields including the refresh token.',
  flow: 'delegated',
  defaultScopes: ['https://graph.microsoft.com/SMTP.Send', 'offline_access'],
  permissions: [graphDelegated('SMTP.Send'), graphDelegated('offline_access')],
  redirect: {
    platform: 'Web',
    uris: ['http://localhost'],
    defaultRedirectUri: 'http://localhost',
    note: 'Onit accepts any redirect URI as long as the same value goes into its "Redirect URI" field; http://localhost lets this wizard capture the sign-in.',
  },
  credential: 'client-secret',
  smtp: globalSmtp,
  exchangeAdminSteps: delegatedExchangeSteps,
  checklist: [
    register,
    webRedirect(['http://localhost']),
    newSecret,
    {
      title: 'Add the API permissions and grant consent',
      detail:
        'API permissions > Add a permission > Microsoft Graph > Delegated permissions: SMTP.Send (https://graph.microsoft.com/SMTP.Send) and offline_access. Then press "Grant admin consent for <your organization>" until Status shows "Granted".',
    },
    copyIds,
  ],
};

const emailEngine: TargetPreset = {
  id: 'emailengine',
  label: 'EmailEngine',
  summary:
    'EmailEngine Outlook OAuth2 application ("IMAP and SMTP" base scope) and an account that carries the refresh token.',
  flow: 'delegated',
  defaultScopes: [
    'https://outlook.office.com/IMAP.AccessAsUser.All',
    'https://outlook.office.com/SMTP.Send',
    'offline_access',
  ],
  permissions: ['IMAP.AccessAsUser.All', 'SMTP.Send', 'offline_access'].map(graphDelegated),
  redirect: {
    platform: 'Web',
    uris: ['http://localhost:3000/oauth'],
    defaultRedirectUri: 'http://localhost:3000/oauth',
    note: "EmailEngine's redirect URL is its own address + /oauth (e.g. https://emailengine.example.com/oauth). It must be identical in Entra and in EmailEngine.",
  },
  credential: 'client-secret',
  smtp: globalSmtp,
  exchangeAdminSteps: delegatedExchangeSteps,
  checklist: [
    register,
    webRedirect(["<EmailEngine's URL>/oauth"]),
    delegatedPermissions([
      'IMAP.AccessAsUser.All',
      'SMTP.Send',
      'offline_access (for the "MS Graph API" base scope: Mail.ReadWrite, Mail.Send, offline_access instead)',
    ]),
    newSecret,
    copyIds,
    userConsent,
  ],
};

const akumina: TargetPreset = {
  id: 'akumina',
  label: 'Akumina',
  summary: 'Akumina tenant settings for XOAuth2 SMTP (MailKit); Akumina acquires its own token from App Manager.',
  flow: 'delegated',
  defaultScopes: ['https://outlook.office.com/SMTP.Send', 'offline_access'],
  permissions: [graphDelegated('SMTP.Send'), graphDelegated('offline_access')],
  redirect: {
    platform: 'Web',
    uris: ['https://<APPMANAGERHOST>/oauth2/acs', 'http://localhost'],
    defaultRedirectUri: 'http://localhost',
    note: 'Replace <APPMANAGERHOST> with your App Manager host. http://localhost is only for this wizard\'s test sign-in. Also tick "Access tokens" and "ID tokens" under Implicit grant and hybrid flows.',
  },
  credential: 'client-secret',
  smtp: globalSmtp,
  exchangeAdminSteps: delegatedExchangeSteps,
  checklist: [
    register,
    webRedirect(['https://<APPMANAGERHOST>/oauth2/acs', 'http://localhost']),
    {
      title: 'Select the tokens',
      detail: 'Authentication > Implicit grant and hybrid flows: tick "Access tokens" and "ID tokens", then Save.',
    },
    newSecret,
    delegatedPermissions(['SMTP.Send', 'offline_access']),
    copyIds,
  ],
};

const appOnly: TargetPreset = {
  id: 'app-only',
  label: 'App-only mailer (client credentials)',
  summary:
    'A service that sends as a mailbox with its own identity: SMTP.SendAsApp, an Exchange service principal and mailbox permission.',
  flow: 'app-only',
  defaultScopes: ['https://outlook.office365.com/.default'],
  permissions: [
    {
      api: 'Office 365 Exchange Online',
      apiTab: 'APIs my organization uses',
      type: 'Application',
      permission: 'SMTP.SendAsApp',
      adminConsentRequired: true,
    },
  ],
  redirect: { platform: 'none', uris: [], defaultRedirectUri: '', note: 'App-only sign-in uses no redirect URI.' },
  credential: 'client-secret-or-certificate',
  smtp: globalSmtp,
  exchangeAdminSteps: [
    {
      title: 'Register the service principal in Exchange',
      detail:
        'New-ServicePrincipal -AppId <client id> -ObjectId <object id>, using the Object ID shown under Entra ID > Enterprise applications > your app (the service principal), NOT the Object ID on the App registration page.',
    },
    {
      title: 'Give it the mailbox',
      detail:
        'Add-MailboxPermission -Identity <mailbox> -User <service principal id> -AccessRights FullAccess. Changes can take up to an hour to apply.',
    },
    {
      title: 'Or: application RBAC',
      detail:
        "Instead of SMTP.SendAsApp + mailbox permissions: New-ManagementScope with a RecipientRestrictionFilter, then New-ManagementRoleAssignment -Role 'Application SMTP.SendAsApp' -App <service principal> -CustomResourceScope <scope>. With RBAC, remove the SMTP.SendAsApp API permission.",
    },
    smtpAuthForMailbox,
  ],
  checklist: [
    register,
    {
      title: 'Add the application permission',
      detail:
        'API permissions > Add a permission > APIs my organization uses > search "Office 365 Exchange Online" > Application permissions > SMTP.SendAsApp > Add permissions.',
    },
    {
      title: 'Grant admin consent',
      detail: 'API permissions > "Grant admin consent for <your organization>"; the Status column must show "Granted".',
    },
    {
      title: 'Create a credential',
      detail:
        'Certificates & secrets: a client secret (copy its Value) or upload a certificate (more secure; keep its private key for this wizard).',
    },
    copyIds,
    {
      title: 'Copy the Enterprise application object ID',
      detail:
        'Entra ID > Enterprise applications > your app > Overview > Object ID. New-ServicePrincipal needs this one.',
    },
  ],
};

const generic: TargetPreset = {
  id: 'generic',
  label: 'Generic SMTP XOAUTH2',
  summary:
    'Any mailer that speaks XOAUTH2: .env, JSON, a curl token script and snippets for nodemailer, Python and MailKit.',
  flow: 'delegated',
  defaultScopes: ['https://outlook.office.com/SMTP.Send', 'offline_access'],
  permissions: [graphDelegated('SMTP.Send'), graphDelegated('offline_access')],
  redirect: {
    platform: 'Web',
    uris: ['http://localhost'],
    defaultRedirectUri: 'http://localhost',
    note: 'http://localhost lets this wizard capture the sign-in.',
  },
  credential: 'client-secret',
  smtp: globalSmtp,
  exchangeAdminSteps: delegatedExchangeSteps,
  checklist: [
    register,
    webRedirect(['http://localhost']),
    delegatedPermissions(['SMTP.Send', 'offline_access']),
    newSecret,
    publicClientAlternative,
    copyIds,
    userConsent,
  ],
};

export const targetPresets: Readonly<Record<TargetId, TargetPreset>> = {
  aem,
  onit,
  emailengine: emailEngine,
  akumina,
  'app-only': appOnly,
  generic,
};

export function targetPreset(id: TargetId): TargetPreset {
  return targetPresets[id];
}

/** Microsoft Graph's host in each cloud (national cloud deployments). */
const graphHosts: Readonly<Record<CloudId, string>> = {
  global: 'https://graph.microsoft.com',
  'gcc-high': 'https://graph.microsoft.us',
  dod: 'https://dod-graph.microsoft.us',
  china: 'https://microsoftgraph.chinacloudapi.cn',
  custom: 'https://graph.microsoft.com',
};

/**
 * The target's default scopes for a cloud: the Exchange and Graph hosts of the global
 * presets are swapped for the cloud's own resources (`/.default` takes the app-only one).
 */
export function defaultScopesFor(id: TargetId, cloud: CloudId): string[] {
  const facts = clouds[cloud];
  return targetPresets[id].defaultScopes.map((scope) => {
    const m = /^https:\/\/(outlook\.office365\.com|outlook\.office\.com|graph\.microsoft\.com)\/(.+)$/.exec(scope);
    if (!m) return scope;
    const [, host, name] = m;
    if (host === 'graph.microsoft.com') return `${graphHosts[cloud]}/${name}`;
    if (name === '.default') return `${facts.appOnlyResource}/${name}`;
    // Keep the preset's own host in the global cloud: AEM documents outlook.office365.com.
    return cloud === 'global' || cloud === 'custom' ? scope : `${facts.delegatedResource}/${name}`;
  });
}
