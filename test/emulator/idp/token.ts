// POST /{tenant}/oauth2/v2.0/token: grant dispatch and the app-only grant (§1.4, §1.5, §2, §3).
import { type IncomingMessage } from 'node:http';
import { findApp, type AppRegistration, type Tenant } from '../directory';
import { type IdpContext } from './context';
import { AadstsError } from './errors';
import { json, type Reply } from './http';
import { authenticateClient, type ClientAuthKind } from './client-auth';
import { mintAccessToken } from './mint';
import { applicationRoles, parseScopes } from './scopes';
import { type TenantRef } from './tenants';
import { redeemCode, redeemRefreshToken } from './token-user';
import { redeemDeviceCode, redeemPassword } from './token-device';

export interface TokenRequest {
  readonly ctx: IdpContext;
  readonly ref: TenantRef;
  readonly form: Record<string, string>;
  readonly req: IncomingMessage;
}

/** The app a client_id names, reachable through this authority (700016 otherwise). */
export function appFor(
  ctx: IdpContext,
  ref: TenantRef,
  clientId: string | undefined,
): { app: AppRegistration; tenant: Tenant } {
  if (!clientId) throw new AadstsError(900144, { name: 'client_id' });
  const found = findApp(ctx.directory, clientId);
  const tenantLabel = ref.kind === 'tenant' ? ref.tenant.id : ref.segment;
  if (!found) throw new AadstsError(700016, { appId: clientId, tenant: tenantLabel });
  if (ref.kind === 'tenant' && ref.tenant !== found.tenant && found.app.signInAudience === 'AzureADMyOrg') {
    throw new AadstsError(700016, { appId: clientId, tenant: tenantLabel });
  }
  // The Enterprise application's "Enabled for users to sign-in?" is No (or its owner disabled it).
  if (found.app.disabled) throw new AadstsError(7000112, { appId: clientId, appName: found.app.displayName });
  return found;
}

export function clientAuth(r: TokenRequest, app: AppRegistration, publicFlow: boolean): ClientAuthKind {
  const host = r.ctx.authorityHost;
  const segments = [r.ref.segment, ...(r.ref.kind === 'tenant' ? [r.ref.tenant.id, ...r.ref.tenant.domains] : [])];
  const tokenEndpoints = segments.flatMap((s) => [
    `${host}/${s}/oauth2/v2.0/token`,
    `https://login.microsoftonline.com/${s}/oauth2/v2.0/token`,
  ]);
  return authenticateClient({ app, form: r.form, req: r.req, now: r.ctx.clock.now(), publicFlow, tokenEndpoints });
}

/** §8: SPA redirects must be redeemed cross-origin; others must not be. */
export function checkOrigin(r: TokenRequest, app: AppRegistration): void {
  const origin = r.req.headers.origin;
  if (app.platform === 'spa' && !origin) throw new AadstsError(9002327);
  if (app.platform !== 'spa' && origin) throw new AadstsError(9002326);
}

/** client_id may arrive only in HTTP Basic credentials (RFC 6749 §2.3.1). */
function withBasicClientId(r: TokenRequest): TokenRequest {
  const auth = r.req.headers.authorization;
  if (r.form.client_id || !auth?.toLowerCase().startsWith('basic ')) return r;
  const user = Buffer.from(auth.slice(6), 'base64').toString('utf8').split(':')[0] ?? '';
  return { ...r, form: { ...r.form, client_id: decodeURIComponent(user) } };
}

export async function token(request: TokenRequest): Promise<Reply> {
  const r = withBasicClientId(request);
  const grantType = r.form.grant_type;
  if (!grantType) throw new AadstsError(900144, { name: 'grant_type' });
  switch (grantType) {
    case 'client_credentials':
      return json(200, clientCredentials(r));
    case 'authorization_code':
      return json(200, redeemCode(r));
    case 'refresh_token':
      return json(200, redeemRefreshToken(r));
    // MSAL sends the short form `device_code` (msal-common GrantType.DEVICE_CODE_GRANT); RFC 8628 names the URN.
    case 'device_code':
    case 'urn:ietf:params:oauth:grant-type:device_code':
      return json(200, redeemDeviceCode(r));
    case 'password':
      return json(200, redeemPassword(r));
    default:
      throw new AadstsError(70003);
  }
}

/** §2: one resource, `/.default`, tenant-specific authority; roles only with admin consent. */
function clientCredentials(r: TokenRequest): Record<string, unknown> {
  if (r.ref.kind !== 'tenant') throw new AadstsError(50059);
  const { app, tenant } = appFor(r.ctx, r.ref, r.form.client_id);
  if (r.req.headers.origin) throw new AadstsError(9002326);
  const auth = clientAuth(r, app, false);
  if (auth === 'public') throw new AadstsError(7000218);
  if (!r.form.scope) throw new AadstsError(900144, { name: 'scope' });
  const parsed = parseScopes(r.form.scope, tenant.id, 'application');
  const resources = new Set(parsed.resourceScopes.map((s) => s.resource));
  if (resources.size > 1) throw new AadstsError(700022, { scope: r.form.scope });
  const first = parsed.resourceScopes[0];
  if (!first || parsed.oidc.length > 0) throw new AadstsError(1002012, { scope: r.form.scope });
  const roles = app.adminConsent ? applicationRoles(app.applicationPermissions, first.family) : [];
  const lifetime = r.ctx.behaviour.accessTokenLifetimeSeconds;
  const accessToken = mintAccessToken({
    keys: r.ctx.keys,
    now: r.ctx.clock.now(),
    lifetimeSeconds: lifetime,
    tenantId: tenant.id,
    audience: first.resource,
    clientId: app.clientId,
    appidacr: auth === 'certificate' ? '2' : '1',
    roles,
    servicePrincipalOid: app.servicePrincipalObjectId,
  });
  return { token_type: 'Bearer', expires_in: lifetime, ext_expires_in: lifetime, access_token: accessToken };
}
