// GET|POST /{tenant}/oauth2/v2.0/authorize (§1.2, §1.3): checks that decide between Entra's error
// page and a redirect, then the sign-in pages, then the redirect with code, state and session_state.
import { randomUUID } from 'node:crypto';
import { type IncomingMessage } from 'node:http';
import { type IdpContext } from './context';
import { AadstsError } from './errors';
import { cookie, type Reply } from './http';
import { clientInfo } from './mint';
import { aadErrorPage, redirectError, respondToApp } from './page-errors';
import { findRegisteredRedirect } from './redirect-uri';
import { parseScopes } from './scopes';
import { opaque, type Transaction } from './state';
import { type TenantRef } from './tenants';
import { appFor } from './token';
import { showSignIn } from './interactive';
import { consentedKeys, requiredKeys } from './consent';

export const SESSION_COOKIE = 'ESTSAUTH';

export function startAuthorize(
  ctx: IdpContext,
  req: IncomingMessage,
  ref: TenantRef,
  action: string,
  params: Readonly<Record<string, string>>,
): Reply {
  let app;
  let tenant;
  try {
    ({ app, tenant } = appFor(ctx, ref, params.client_id));
    // §1.3: these three are shown as Entra's page, never redirected.
    if (app.redirectUris.length === 0) throw new AadstsError(500113);
    if (!params.redirect_uri) throw new AadstsError(900144, { name: 'redirect_uri' });
    if (!findRegisteredRedirect(app.redirectUris, params.redirect_uri)) {
      throw new AadstsError(50011, { uri: params.redirect_uri, appId: app.clientId });
    }
  } catch (e) {
    if (e instanceof AadstsError) return aadErrorPage(ctx, req, e);
    throw e;
  }
  const redirectUri = params.redirect_uri;
  try {
    if (!(params.response_type ?? '').split(' ').includes('code')) throw new AadstsError(700054);
    if (!params.scope) throw new AadstsError(900144, { name: 'scope' });
    const parsed = parseScopes(params.scope, tenant.id, 'delegated');
    const tx: Transaction = {
      id: opaque('tx', 18),
      flow: 'authorize',
      tenantSegment: ref.segment,
      clientId: app.clientId,
      params,
      action,
      mfaDone: false,
      consentGiven: false,
    };
    const session = ctx.state.sessions.get(cookie(req, SESSION_COOKIE) ?? '');
    if (params.prompt === 'none') {
      // §1.2: prompt=none never shows UI.
      if (!session) throw new AadstsError(50058);
      const missing = requiredKeys(app, parsed).filter((k) => !consentedKeys(ctx, app, session.upn).has(k));
      if (missing.length > 0) throw new AadstsError(65001, { appId: app.clientId, appName: app.displayName });
      return finishAuthorize(ctx, req, { ...tx, user: session, mfaDone: true });
    }
    ctx.state.transactions.set(tx.id, tx);
    return showSignIn(ctx, tx);
  } catch (e) {
    if (e instanceof AadstsError) {
      const override = e.code === 65001 ? 'interaction_required' : undefined;
      return redirectError(ctx, req, e, redirectUri, params, override);
    }
    throw e;
  }
}

export function finishAuthorize(ctx: IdpContext, _req: IncomingMessage, tx: Transaction): Reply {
  const user = tx.user;
  if (!user) throw new Error('emulator bug: finishing a sign-in without a user');
  const { app } = appFor(ctx, { kind: 'common', segment: 'common' }, tx.clientId);
  const p = tx.params;
  const now = ctx.clock.now();
  const code = opaque('1.AXkA', 300);
  ctx.state.codes.set(code, {
    clientId: app.clientId,
    user,
    scope: p.scope ?? '',
    authTime: now,
    mfa: tx.mfaDone,
    spa: app.platform === 'spa',
    redirectUri: p.redirect_uri ?? '',
    codeChallenge: p.code_challenge,
    codeChallengeMethod: p.code_challenge_method === 'S256' ? 'S256' : 'plain',
    nonce: p.nonce,
    issuedAt: now,
    used: false,
  });
  const sessionId = opaque('', 24);
  ctx.state.sessions.set(sessionId, user);
  const fields: Record<string, string> = {
    code,
    ...(p.client_info === '1' ? { client_info: clientInfo(user) } : {}),
    ...(p.state !== undefined ? { state: p.state } : {}),
    session_state: randomUUID(),
  };
  return respondToApp(p.redirect_uri ?? '', p.response_mode, fields, {
    'Set-Cookie': `${SESSION_COOKIE}=${sessionId}; Path=/; Secure; HttpOnly; SameSite=None`,
  });
}

/** Cancel on the consent page (§1.3 / brief: access_denied with AADSTS65004). */
export function authorizeDeclined(ctx: IdpContext, req: IncomingMessage, tx: Transaction): Reply {
  ctx.state.transactions.delete(tx.id);
  return redirectError(ctx, req, new AadstsError(65004), tx.params.redirect_uri ?? '', tx.params);
}

/** Conditional Access block (AADSTS53003): Entra's page by default, or a redirect (configurable). */
export function authorizeBlocked(ctx: IdpContext, req: IncomingMessage, tx: Transaction): Reply {
  ctx.state.transactions.delete(tx.id);
  if (tx.flow === 'authorize' && ctx.behaviour.conditionalAccessAtAuthorize === 'redirect') {
    return redirectError(ctx, req, new AadstsError(53003), tx.params.redirect_uri ?? '', tx.params);
  }
  return aadErrorPage(ctx, req, new AadstsError(53003));
}
