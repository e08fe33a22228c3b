// OpenID configuration (§4.1), JWKS (§4.3) and instance discovery (§4.2) for the emulator's host.
import { type IdpContext } from './context';
import { json, type Reply } from './http';
import { jwk } from './mint';
import { type TenantRef } from './tenants';

/** The `iss` of id tokens: shares scheme and host:port with the authority (stack-notes). */
export function v2Issuer(ctx: IdpContext, tenantId: string): string {
  return `${ctx.authorityHost}/${tenantId}/v2.0`;
}

export function openIdConfiguration(ctx: IdpContext, ref: TenantRef): Reply {
  const base = `${ctx.authorityHost}/${ref.segment}`;
  const issuerTenant = ref.kind === 'tenant' ? ref.tenant.id : '{tenantid}';
  return json(200, {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: v2Issuer(ctx, issuerTenant),
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${ctx.authorityHost}/oidc/userinfo`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: [
      'sub',
      'iss',
      'cloud_instance_name',
      'cloud_instance_host_name',
      'cloud_graph_host_name',
      'msgraph_host',
      'aud',
      'exp',
      'iat',
      'auth_time',
      'acr',
      'nonce',
      'preferred_username',
      'name',
      'tid',
      'ver',
      'at_hash',
      'c_hash',
      'email',
    ],
    kerberos_endpoint: `${base}/kerberos`,
    tenant_region_scope: null,
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  });
}

export function jwks(ctx: IdpContext, ref: TenantRef): Reply {
  const issuerTenant = ref.kind === 'tenant' ? ref.tenant.id : '{tenantid}';
  return json(200, { keys: [jwk(ctx.keys, v2Issuer(ctx, issuerTenant))] });
}

/** §4.2: lets MSAL trust the host through network discovery when knownAuthorities is not set. */
export function instanceDiscovery(ctx: IdpContext): Reply {
  const host = new URL(ctx.authorityHost).host;
  return json(200, {
    tenant_discovery_endpoint: `${ctx.authorityHost}/common/v2.0/.well-known/openid-configuration`,
    'api-version': '1.1',
    metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
  });
}
