// Device-code polling (§3) and the password grant (ROPC), where MFA and Conditional Access
// surface as AADSTS50076 / 53003 because no interactive step can satisfy them (§5.1).
import { findConsumer, findUser } from '../directory';
import { consentedKeys, requiredKeys } from './consent';
import { AadstsError } from './errors';
import { issueUserTokens } from './issue';
import { parseScopes } from './scopes';
import { type Grant } from './state';
import { appFor, clientAuth, type TokenRequest } from './token';
import { checkUserPolicies } from './token-user';

export function redeemDeviceCode(r: TokenRequest): Record<string, unknown> {
  const { app } = appFor(r.ctx, r.ref, r.form.client_id);
  const auth = clientAuth(r, app, true);
  const deviceCode = r.form.device_code;
  if (!deviceCode) throw new AadstsError(900144, { name: 'device_code' });
  const rec = r.ctx.state.deviceCodes.get(deviceCode);
  if (!rec || rec.clientId !== app.clientId || rec.status === 'redeemed') throw new AadstsError(70021);
  if (r.ctx.clock.now() > rec.expiresAt) throw new AadstsError(70019);
  if (rec.status === 'declined') throw new AadstsError(70020);
  if (rec.status === 'pending' || !rec.grant) throw new AadstsError(70016);
  rec.status = 'redeemed';
  return issueUserTokens(r.ctx, {
    app,
    grant: rec.grant,
    scope: rec.scope,
    clientAuth: auth,
    wantClientInfo: r.form.client_info === '1',
  });
}

export function redeemPassword(r: TokenRequest): Record<string, unknown> {
  const { app } = appFor(r.ctx, r.ref, r.form.client_id);
  const auth = clientAuth(r, app, true);
  const username = r.form.username ?? '';
  const scope = r.form.scope ?? 'openid profile offline_access';
  const now = r.ctx.clock.now();
  const org = findUser(r.ctx.directory, username);
  const consumer = org ? undefined : findConsumer(r.ctx.directory, username);
  if (!org && !consumer) throw new AadstsError(50034, { tenant: r.ref.segment });
  const password = org ? org.user.password : consumer?.password;
  if (password !== r.form.password) throw new AadstsError(50126);
  if (!org)
    throw new AadstsError(50020, {
      email: username,
      idp: 'live.com',
      tenant: r.ref.segment,
      appId: app.clientId,
      appName: app.displayName,
    });
  const grant: Grant = {
    clientId: app.clientId,
    scope,
    authTime: now,
    mfa: false,
    spa: false,
    user: {
      kind: 'org',
      tenantId: org.tenant.id,
      upn: org.user.upn,
      oid: org.user.objectId,
      name: org.user.displayName,
    },
  };
  checkUserPolicies(r.ctx, grant, scope, now);
  const parsed = parseScopes(scope, org.tenant.id, 'delegated');
  const consented = consentedKeys(r.ctx, app, org.user.upn);
  if (requiredKeys(app, parsed).some((k) => !consented.has(k)))
    throw new AadstsError(65001, { appId: app.clientId, appName: app.displayName });
  return issueUserTokens(r.ctx, { app, grant, scope, clientAuth: auth, wantClientInfo: r.form.client_info === '1' });
}
