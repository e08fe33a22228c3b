// Routes of the pages a person clicks through: /authorize, /devicelogin, /adminconsent, /logout, /devicecode.
import { type IncomingMessage } from 'node:http';
import { type IdpContext } from './context';
import { AadstsError } from './errors';
import { cookie, html, redirect, type Reply } from './http';
import { startAuthorize, SESSION_COOKIE } from './authorize';
import { continueFlow } from './interactive';
import { DEVICE_LOGIN_PATH, deviceLogin, startDeviceCode } from './device-code';
import { startAdminConsent } from './admin-consent';
import { messagePage } from './pages';
import { aadErrorPage } from './page-errors';
import { resolveTenant } from './tenants';
import { errorReply } from './server';

export function routeInteractive(
  ctx: IdpContext,
  req: IncomingMessage,
  url: URL,
  form: Readonly<Record<string, string>>,
): Reply | undefined {
  const method = req.method ?? 'GET';
  const query = Object.fromEntries(url.searchParams);
  if (url.pathname === DEVICE_LOGIN_PATH) return deviceLogin(ctx, req, method, form);
  const m =
    /^\/([^/]+)\/(oauth2\/v2\.0\/authorize|oauth2\/v2\.0\/devicecode|oauth2\/v2\.0\/logout|adminconsent|v2\.0\/adminconsent)$/.exec(
      url.pathname,
    );
  if (!m) return undefined;
  const endpoint = m[2]!;
  let ref;
  try {
    ref = resolveTenant(ctx.directory, decodeURIComponent(m[1]!));
  } catch (e) {
    if (!(e instanceof AadstsError)) throw e;
    return endpoint === 'oauth2/v2.0/devicecode' ? errorReply(ctx, req, e) : aadErrorPage(ctx, req, e);
  }
  switch (endpoint) {
    case 'oauth2/v2.0/authorize':
      if (method === 'POST' && form.ctx) return continueFlow(ctx, req, form);
      return startAuthorize(ctx, req, ref, url.pathname, method === 'POST' ? form : query);
    case 'oauth2/v2.0/devicecode':
      try {
        return startDeviceCode(ctx, ref, form);
      } catch (e) {
        if (e instanceof AadstsError) return errorReply(ctx, req, e);
        throw e;
      }
    case 'oauth2/v2.0/logout': {
      const sid = cookie(req, SESSION_COOKIE);
      if (sid) ctx.state.sessions.delete(sid);
      const clear = { 'Set-Cookie': `${SESSION_COOKIE}=; Path=/; Secure; HttpOnly; Max-Age=0` };
      const target = query.post_logout_redirect_uri;
      return target
        ? redirect(target, clear)
        : html(
            200,
            messagePage('You signed out of your account', "It's a good idea to close all browser windows."),
            clear,
          );
    }
    default:
      if (method === 'POST' && form.ctx) return continueFlow(ctx, req, form);
      return startAdminConsent(ctx, req, ref, url.pathname, endpoint.startsWith('v2.0'), query);
  }
}
