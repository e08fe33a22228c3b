import { appOnlyScope, clouds } from '../../shared/clouds';
import { isGuid } from '../../shared/profile-validation';
import type { CloudId, Flow } from '../../shared/profile';

const OIDC = new Set(['openid', 'profile', 'offline_access', 'email']);

export interface ConsentLinkInput {
  readonly cloud: CloudId;
  readonly customAuthorityHost: string;
  readonly tenant: string;
  readonly clientId: string;
  readonly flow: Flow;
  readonly scopes: readonly string[];
  readonly redirectUri: string;
}

/**
 * The link to send to the client's admin: the v2 admin-consent endpoint of their tenant
 * (never `common`, reference §3), asking for the app's SMTP permissions. App-only needs
 * `/.default`. Undefined until tenant and client ID are known.
 */
export function adminConsentLink(input: ConsentLinkInput): string | undefined {
  const tenant = input.tenant.trim();
  const clientId = input.clientId.trim();
  if (!tenant || !isGuid(clientId)) return undefined;
  const host = (input.cloud === 'custom' ? input.customAuthorityHost : clouds[input.cloud].authorityHost).replace(
    /\/+$/,
    '',
  );
  if (!/^https:\/\//i.test(host)) return undefined;
  const consentTenant = ['common', 'consumers'].includes(tenant.toLowerCase()) ? 'organizations' : tenant;
  const scope =
    input.flow === 'app-only' ? appOnlyScope(input.cloud) : input.scopes.filter((s) => !OIDC.has(s)).join(' ');
  const params = new URLSearchParams({ client_id: clientId, scope });
  if (input.redirectUri.trim()) params.set('redirect_uri', input.redirectUri.trim());
  return `${host}/${encodeURIComponent(consentTenant)}/v2.0/adminconsent?${params.toString()}`;
}

/** The app registrations list in the portal of the profile's cloud (Azure portal hosts share the blade path). */
export function entraAppRegistrationsUrl(cloud: CloudId): string {
  return `${clouds[cloud].entraPortal.replace(/\/+$/, '')}/#view/Microsoft_AAD_RegisteredApps/ApplicationsListBlade`;
}
