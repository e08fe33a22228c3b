// Issuing delegated tokens for a sign-in grant: audience rule, consent check, scp, refresh token (§1.5, §1.6, §6).
import { type AppRegistration } from '../directory';
import { type IdpContext } from './context';
import { consentedKeys, requiredKeys } from './consent';
import { v2Issuer } from './discovery';
import { AadstsError } from './errors';
import { clientInfo, mintAccessToken, mintIdToken, mintOpaqueAccessToken } from './mint';
import { GRAPH, parseScopes, permissionKey, permissionName, type Family } from './scopes';
import { opaque, type Grant } from './state';
import { type ClientAuthKind } from './client-auth';

export interface IssueInput {
  readonly app: AppRegistration;
  readonly grant: Grant;
  /** Scopes of this token request (falls back to the grant's). */
  readonly scope: string;
  readonly clientAuth: ClientAuthKind;
  readonly nonce?: string;
  readonly wantClientInfo: boolean;
}

const acr = { public: '0', secret: '1', certificate: '2' } as const;

export function issueUserTokens(ctx: IdpContext, i: IssueInput): Record<string, unknown> {
  const now = ctx.clock.now();
  const tenantName = i.grant.user.tenantId;
  const parsed = parseScopes(i.scope, tenantName, 'delegated');
  const first = parsed.resourceScopes[0];
  // §1.5/§6: several resources -> the token is for the FIRST one; OIDC-only -> Microsoft Graph.
  const family: Family = first?.family ?? 'graph';
  const audience = first?.resource ?? GRAPH;
  // A Microsoft-owned client ID is not pre-authorised for Exchange (AADSTS65002) unless the switch says
  // it is; then it gets what its preauthorization grants (Exchange.Manage), without consent.
  const preauthorized =
    i.app.firstParty && family === 'exchange' && ctx.exchange.firstPartyExchange === 'preauthorized';
  if (i.app.firstParty && family !== 'graph' && !preauthorized)
    throw new AadstsError(65002, { appId: i.app.clientId, resource: audience });
  const consented = preauthorized
    ? new Set([permissionKey('exchange', 'Exchange.Manage')])
    : consentedKeys(ctx, i.app, i.grant.user.upn);
  const missing = requiredKeys(i.app, parsed, family).filter((k) => !consented.has(k));
  if (missing.length > 0 && preauthorized) throw new AadstsError(65002, { appId: i.app.clientId, resource: audience });
  if (missing.length > 0) throw new AadstsError(65001, { appId: i.app.clientId, appName: i.app.displayName });
  const scp = [...consented].filter((k) => k.startsWith(`${family}/`)).map(permissionName);
  const accessToken =
    i.grant.user.kind === 'consumer'
      ? mintOpaqueAccessToken()
      : mintAccessToken({
          keys: ctx.keys,
          now,
          lifetimeSeconds: ctx.behaviour.accessTokenLifetimeSeconds,
          tenantId: i.grant.user.tenantId,
          audience,
          clientId: i.app.clientId,
          appidacr: acr[i.clientAuth],
          user: i.grant.user,
          scp,
          mfa: i.grant.mfa,
        });
  const body: Record<string, unknown> = {
    token_type: 'Bearer',
    scope: [...scp.map((n) => `${audience}/${n}`), ...parsed.oidc].join(' '),
    expires_in: ctx.behaviour.accessTokenLifetimeSeconds,
    ext_expires_in: ctx.behaviour.accessTokenLifetimeSeconds,
    access_token: accessToken,
  };
  if (parsed.oidc.includes('offline_access')) {
    const rt = opaque('1.AXkA', 280);
    ctx.state.refreshTokens.set(rt, { ...i.grant, issuedAt: now });
    body.refresh_token = rt;
    body.refresh_token_expires_in = i.grant.spa ? 86400 : 7776000;
  }
  if (parsed.oidc.includes('openid')) {
    body.id_token = mintIdToken(
      ctx.keys,
      now,
      v2Issuer(ctx, i.grant.user.tenantId),
      i.app.clientId,
      i.grant.user,
      i.nonce,
    );
  }
  if (i.wantClientInfo) body.client_info = clientInfo(i.grant.user);
  return body;
}
