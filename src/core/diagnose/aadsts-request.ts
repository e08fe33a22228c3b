import type { AadstsRule } from './aadsts-rule';

/** AADSTS codes about what was asked for: scopes, resources, tenants, the shape of the request. */
export const requestRules: readonly AadstsRule[] = [
  {
    codes: [900144, 90014],
    category: 'setup',
    remedy: { kind: 'support-report' },
    explain: () => ({
      title: 'The token request was missing a required value',
      explanation:
        'Entra names a parameter the request did not carry (see Microsoft’s words below). This app fills every parameter from the profile, so an empty profile value or a bug sent an incomplete request.',
      fixSteps: [
        'Check that Client ID, Tenant, Redirect URI and Scopes are filled in, then try again.',
        'If they are, copy the support report and send it to your IT contact: it names the missing parameter and has no secrets.',
      ],
    }),
  },
  {
    codes: [50059],
    category: 'setup',
    explain: () => ({
      title: 'The request did not say which tenant to sign in to',
      explanation:
        'Entra could not tell the organisation from the request (a tenant of “common” with an account that names none, or an empty Tenant).',
      fixSteps: ['Enter the Directory (tenant) ID from the app registration’s Overview page in the Tenant field.'],
      field: 'tenant',
    }),
  },
  {
    codes: [70003],
    category: 'setup',
    remedy: { kind: 'support-report' },
    explain: () => ({
      title: 'Entra does not support the kind of token request that was sent',
      explanation:
        'The grant type is not allowed for this app or endpoint: for example device code or refresh for an app whose registration does not allow public client flows.',
      fixSteps: [
        'App registration → Authentication → Advanced settings → “Allow public client flows”: Yes, if this profile uses device code or no client secret.',
        'Otherwise copy the support report and send it to your IT contact.',
      ],
    }),
  },
  {
    codes: [70011],
    category: 'setup',
    explain: (f) => ({
      title: 'A scope is not valid',
      explanation:
        'Entra does not know one of the requested scopes, or it cannot be requested this way (SMTP.SendAsApp is an app permission, not a user scope).',
      fixSteps: [
        'Use https://outlook.office.com/SMTP.Send and offline_access for a user sign-in, or https://outlook.office365.com/.default for app-only.',
        `Check ${f.appPath} → API permissions lists the permission.`,
      ],
      field: 'scopes',
    }),
  },
  {
    codes: [700022],
    category: 'setup',
    explain: () => ({
      title: 'The scopes name more than one resource',
      explanation: 'App-only requests take one `/.default` scope of one resource.',
      fixSteps: ['Use exactly https://outlook.office365.com/.default.'],
      field: 'scopes',
    }),
  },
  {
    codes: [1002012],
    category: 'setup',
    explain: () => ({
      title: 'App-only needs a /.default scope',
      explanation:
        'Client credentials cannot request individual permissions; they get every application permission granted to the app.',
      fixSteps: ['Use exactly https://outlook.office365.com/.default.'],
      field: 'scopes',
    }),
  },
  {
    codes: [500011],
    category: 'setup',
    explain: (f) => ({
      title: 'Exchange Online is not available in this tenant',
      explanation: `The tenant ${f.tenant} has no Office 365 Exchange Online service principal, so Entra cannot issue an Exchange token there (no Exchange licence, or the wrong tenant).`,
      fixSteps: ['Check that the tenant has Exchange Online licences and that Tenant names the right organisation.'],
      field: 'tenant',
    }),
  },
  {
    codes: [90002],
    category: 'setup',
    explain: (f) => ({
      title: 'The tenant was not found',
      explanation: `Entra does not know a tenant “${f.tenant}” in this cloud: a typo, a domain that is not verified in the tenant, or a tenant in another cloud (US Government, China).`,
      fixSteps: [
        'Copy the Directory (tenant) ID from the app registration’s Overview page into Tenant.',
        'If the organisation is in a national cloud, pick that cloud.',
      ],
      field: 'tenant',
    }),
  },
  {
    codes: [900023],
    category: 'setup',
    explain: (f) => ({
      title: 'The tenant is not a valid ID or domain',
      explanation: `“${f.tenant}” is neither a tenant GUID nor a domain name.`,
      fixSteps: ['Enter the Directory (tenant) ID (a GUID) or a verified domain such as contoso.com.'],
      field: 'tenant',
    }),
  },
];
