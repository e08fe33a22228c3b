// Delegated grants at /token: authorization_code + PKCE (§1.4) and refresh_token (§1.5, §6).
import { createHash } from 'node:crypto';
import { findUser } from '../directory';
import { AadstsError } from './errors';
import { issueUserTokens } from './issue';
import { parseScopes, resourceAppId } from './scopes';
import { type Grant, type RefreshRecord } from './state';
import { appFor, checkOrigin, clientAuth, type TokenRequest } from './token';
import { type IdpContext } from './context';
import { redirectMatches } from './redirect-uri';

const DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString();

export function redeemCode(r: TokenRequest): Record<string, unknown> {
  const { app } = appFor(r.ctx, r.ref, r.form.client_id);
  const auth = clientAuth(r, app, false);
  checkOrigin(r, app);
  const code = r.form.code;
  if (!code) throw new AadstsError(900144, { name: 'code' });
  if (!r.form.redirect_uri) throw new AadstsError(900144, { name: 'redirect_uri' });
  const rec = r.ctx.state.codes.get(code);
  if (!rec || rec.clientId !== app.clientId) throw new AadstsError(9002313);
  if (rec.used) throw new AadstsError(54005);
  if (r.ctx.clock.now() - rec.issuedAt > r.ctx.behaviour.codeLifetimeSeconds * 1000)
    throw new AadstsError(r.ctx.behaviour.expiredCodeError);
  if (!redirectMatches(rec.redirectUri, r.form.redirect_uri)) throw new AadstsError(500112);
  if (rec.codeChallenge !== undefined) {
    const verifier = r.form.code_verifier ?? '';
    const computed =
      rec.codeChallengeMethod === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
    if (computed !== rec.codeChallenge) throw new AadstsError(501481);
  }
  rec.used = true;
  return issueUserTokens(r.ctx, {
    app,
    grant: rec,
    scope: r.form.scope ?? rec.scope,
    clientAuth: auth,
    nonce: rec.nonce,
    wantClientInfo: r.form.client_info === '1',
  });
}

export function redeemRefreshToken(r: TokenRequest): Record<string, unknown> {
  const { app } = appFor(r.ctx, r.ref, r.form.client_id);
  const auth = clientAuth(r, app, false);
  checkOrigin(r, app);
  const token = r.form.refresh_token;
  if (!token) throw new AadstsError(900144, { name: 'refresh_token' });
  const rec = r.ctx.state.refreshTokens.get(token);
  if (!rec || rec.clientId !== app.clientId) throw new AadstsError(9002313);
  const now = r.ctx.clock.now();
  const validFrom = r.ctx.state.tokensValidFrom.get(rec.user.upn.toLowerCase());
  if (validFrom !== undefined && rec.authTime < validFrom)
    throw new AadstsError(50173, { issued: iso(rec.authTime), validFrom: iso(validFrom) });
  if (rec.spa && now - rec.authTime > DAY) throw new AadstsError(700084, { issued: iso(rec.authTime) });
  if (now - rec.issuedAt > 90 * DAY) throw new AadstsError(700082, { issued: iso(rec.issuedAt) });
  const scope = r.form.scope ?? rec.scope;
  checkUserPolicies(r.ctx, rec, scope, now);
  return issueUserTokens(r.ctx, {
    app,
    grant: rec,
    scope,
    clientAuth: auth,
    wantClientInfo: r.form.client_info === '1',
  });
}

/** Policies evaluated again at every silent redemption (§5.1, §6): sign-in frequency, CA, MFA. */
export function checkUserPolicies(ctx: IdpContext, grant: Grant | RefreshRecord, scope: string, now: number): void {
  if (grant.user.kind !== 'org') return;
  const found = findUser(ctx.directory, grant.user.upn);
  if (!found) throw new AadstsError(50034, { tenant: grant.user.tenantId });
  const { user } = found;
  const hours = user.signInFrequencyHours;
  if (hours !== null && now - grant.authTime > hours * 3_600_000) {
    throw new AadstsError(70043, { issued: iso(grant.authTime), maxSeconds: String(hours * 3600) });
  }
  if (user.blockedByConditionalAccess) throw new AadstsError(53003);
  if (user.mfaRequired && !grant.mfa) {
    const first = parseScopes(scope, grant.user.tenantId, 'delegated').resourceScopes[0];
    throw new AadstsError(50076, { resourceAppId: resourceAppId(first?.family ?? 'graph') });
  }
}
