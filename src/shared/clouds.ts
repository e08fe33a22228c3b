import type { CloudId } from './profile';

/**
 * Per-cloud facts the wizard needs: where to sign in, where to send mail and which
 * resource an Exchange token is for. Pure data so the renderer (defaults as the user
 * picks a cloud) and core (authorities, verdicts) read the same table.
 * Sources: ms-protocol.md §6, §7.1 and §10; entries Microsoft does not document are
 * flagged `confirmed: false` so the UI can say "commonly used" instead of "official".
 */

export interface SmtpHostFact {
  readonly host: string;
  readonly port: number;
  /** False when the host is only "widely used" and not in Microsoft's endpoint lists. */
  readonly confirmed: boolean;
  readonly note?: string;
}

export interface CloudFacts {
  readonly id: CloudId;
  readonly label: string;
  /** `https://host` without a trailing slash; empty for `custom` (the profile supplies it). */
  readonly authorityHost: string;
  /** Where the app registration is made (portal host for fix steps). */
  readonly entraPortal: string;
  /** First entry is the default. */
  readonly smtpHosts: readonly SmtpHostFact[];
  /** Resource of delegated SMTP scopes: `<resource>/SMTP.Send`. */
  readonly delegatedResource: string;
  /** Resource for app-only: `<resource>/.default`. */
  readonly appOnlyResource: string;
  /** Every `aud` value an Exchange token of this cloud may carry (v1 tokens use the resource URI). */
  readonly exchangeAudiences: readonly string[];
  /** False when the resource URIs above are inferred, not documented. */
  readonly resourcesConfirmed: boolean;
  /**
   * Exchange's admin REST host (`<base>/adminapi/beta/{tenant}/InvokeCommand`, reference §14.1, hosts from
   * §14.3); its tokens are for `<base>/.default`. Empty for `custom`: the custom authority host serves it
   * (a test tenant or our emulator), with global Exchange's resource.
   */
  readonly exchangeAdminBase: string;
  /**
   * Microsoft Graph's root for calls (`https://host`, no trailing slash; reference §13.1.1);
   * empty for `custom`, whose Graph host comes with the custom authority.
   */
  readonly graphHost: string;
  /** Resource of Graph scopes in this cloud (`<resource>/Application.ReadWrite.All`). */
  readonly graphResource: string;
  /**
   * Whether Microsoft Graph Command Line Tools can sign admins in here: apps registered in the
   * global cloud do not replicate to China (§13.1.1), so there the admin needs an app of their own.
   */
  readonly graphCommandLineTools: boolean;
}

/** Office 365 Exchange Online's application id: some tokens carry it as `aud`. */
export const EXCHANGE_APP_ID = '00000002-0000-0ff1-ce00-000000000000';

/** Personal Microsoft accounts (outlook.com, hotmail.com) send through this host, not office365. */
export const PERSONAL_SMTP_HOST: SmtpHostFact = { host: 'smtp-mail.outlook.com', port: 587, confirmed: true };

/** Tenant id of personal Microsoft accounts (`tid` claim). */
export const CONSUMER_TENANT_ID = '9188040d-6c67-4c5b-b112-36a304b66dad';

const globalExchange = ['https://outlook.office.com', 'https://outlook.office365.com', EXCHANGE_APP_ID] as const;

const globalCloud: CloudFacts = {
  id: 'global',
  label: 'Global (worldwide, including GCC)',
  authorityHost: 'https://login.microsoftonline.com',
  entraPortal: 'https://entra.microsoft.com',
  smtpHosts: [{ host: 'smtp.office365.com', port: 587, confirmed: true }],
  delegatedResource: 'https://outlook.office.com',
  appOnlyResource: 'https://outlook.office365.com',
  exchangeAudiences: globalExchange,
  resourcesConfirmed: true,
  exchangeAdminBase: 'https://outlook.office365.com',
  graphHost: 'https://graph.microsoft.com',
  graphResource: 'https://graph.microsoft.com',
  graphCommandLineTools: true,
};

export const clouds: Readonly<Record<CloudId, CloudFacts>> = {
  global: globalCloud,
  'gcc-high': {
    id: 'gcc-high',
    label: 'US Government GCC High',
    authorityHost: 'https://login.microsoftonline.us',
    entraPortal: 'https://portal.azure.us',
    smtpHosts: [
      {
        host: 'smtp.office365.us',
        port: 587,
        confirmed: false,
        note: 'Commonly used; Microsoft’s endpoint list names outlook.office365.us.',
      },
      { host: 'outlook.office365.us', port: 587, confirmed: true },
    ],
    delegatedResource: 'https://outlook.office365.us',
    appOnlyResource: 'https://outlook.office365.us',
    exchangeAudiences: ['https://outlook.office365.us', EXCHANGE_APP_ID],
    resourcesConfirmed: false,
    exchangeAdminBase: 'https://outlook.office365.us',
    graphHost: 'https://graph.microsoft.us',
    graphResource: 'https://graph.microsoft.us',
    graphCommandLineTools: true,
  },
  dod: {
    id: 'dod',
    label: 'US Government DoD',
    authorityHost: 'https://login.microsoftonline.us',
    entraPortal: 'https://portal.azure.us',
    smtpHosts: [{ host: 'outlook-dod.office365.us', port: 587, confirmed: true }],
    delegatedResource: 'https://outlook-dod.office365.us',
    appOnlyResource: 'https://outlook-dod.office365.us',
    exchangeAudiences: ['https://outlook-dod.office365.us', EXCHANGE_APP_ID],
    resourcesConfirmed: false,
    exchangeAdminBase: 'https://outlook-dod.office365.us',
    graphHost: 'https://dod-graph.microsoft.us',
    graphResource: 'https://dod-graph.microsoft.us',
    graphCommandLineTools: true,
  },
  china: {
    id: 'china',
    label: 'China (operated by 21Vianet)',
    authorityHost: 'https://login.partner.microsoftonline.cn',
    entraPortal: 'https://portal.azure.cn',
    smtpHosts: [
      {
        host: 'smtp.partner.outlook.cn',
        port: 587,
        confirmed: false,
        note: 'Commonly used; not in Microsoft’s endpoint list.',
      },
    ],
    delegatedResource: 'https://partner.outlook.cn',
    appOnlyResource: 'https://partner.outlook.cn',
    exchangeAudiences: ['https://partner.outlook.cn', EXCHANGE_APP_ID],
    resourcesConfirmed: false,
    graphHost: 'https://microsoftgraph.chinacloudapi.cn',
    graphResource: 'https://microsoftgraph.chinacloudapi.cn',
    graphCommandLineTools: false,
    exchangeAdminBase: 'https://outlook.office365.cn',
  },
  // A custom authority (a proxy or test tenant in front of Entra) still talks to global Exchange.
  // Its Graph host is typed with the authority (a proxy or the test emulator serves both).
  custom: {
    ...globalCloud,
    id: 'custom',
    label: 'Custom authority',
    authorityHost: '',
    graphHost: '',
    exchangeAdminBase: '',
  },
};

/** Default SMTP host for a cloud; personal accounts (`consumers`) have their own. */
export function defaultSmtpHost(cloud: CloudId, tenant: string): SmtpHostFact {
  if (tenant.trim().toLowerCase() === 'consumers') return PERSONAL_SMTP_HOST;
  const first = clouds[cloud].smtpHosts[0];
  return first ?? PERSONAL_SMTP_HOST;
}

/** The delegated SMTP scopes for a cloud, with `offline_access` so a refresh token comes back. */
export const delegatedSmtpScopes = (cloud: CloudId): readonly string[] => [
  `${clouds[cloud].delegatedResource}/SMTP.Send`,
  'offline_access',
];

/** Microsoft Graph Command Line Tools: the default client an admin signs in with (reference §13.6.1). */
export const GRAPH_COMMAND_LINE_TOOLS = '14d82eec-204b-4c2f-b7e8-296a70dab67e';

/** The one app-only scope for a cloud. */
export const appOnlyScope = (cloud: CloudId): string => `${clouds[cloud].appOnlyResource}/.default`;

/**
 * Where an admin's cmdlets go and which resource their token is for. A custom authority stands in for
 * Microsoft's hosts (its own host serves the admin REST), while tokens keep global Exchange's resource.
 */
export function exchangeAdminEndpoint(
  cloud: CloudId,
  customAuthorityHost: string,
): { readonly baseUrl: string; readonly resource: string } {
  const base = clouds[cloud].exchangeAdminBase;
  return {
    baseUrl: (base || customAuthorityHost).replace(/\/+$/, ''),
    resource: base || globalCloud.exchangeAdminBase,
  };
}

/** Every Exchange resource URI the app knows, any cloud (lower case, no trailing slash). */
export const allExchangeResources: readonly string[] = [
  ...new Set(Object.values(clouds).flatMap((c) => [c.delegatedResource, c.appOnlyResource, ...c.exchangeAudiences])),
].filter((r) => r.startsWith('https://'));
