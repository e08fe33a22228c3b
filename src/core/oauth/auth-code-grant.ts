import {
  CryptoProvider,
  type AuthenticationResult,
  type ConfidentialClientApplication,
  type PublicClientApplication,
} from '@azure/msal-node';
import { problem } from '../../shared/problem';
import { IdpErrorResponse, aadstsIn } from '../diagnose/server-error';
import { ProblemError } from '../problem-error';
import { randomToken, redirectFailure } from './flow-support';
import { LoginPageError, errorPageText, type LoginWindowPort, type SystemBrowserPort } from './login-ports';
import { startLoopbackListener } from './loopback-listener';
import { matchRedirect } from './redirect-match';

/**
 * One authorization code + PKCE + state + nonce sign-in, shown in the embedded login window or
 * the system browser (loopback listener), redeemed by MSAL. The mailbox user's sign-in and the
 * admin's ("Create it for me") both go through here; what they keep of the result is theirs.
 */
export interface AuthCodeGrantOptions {
  readonly scopes: readonly string[];
  /** The registered redirect URI: the window intercepts it; the loopback listener reuses its path. */
  readonly redirectUri: string;
  readonly loginWindow?: LoginWindowPort;
  readonly systemBrowser?: SystemBrowserPort;
  readonly signal?: AbortSignal;
  readonly timeoutMs: number;
  readonly prompt?: 'select_account' | 'login' | 'consent';
  readonly loginHint?: string;
}

export async function authorizationCodeGrant(
  app: PublicClientApplication | ConfidentialClientApplication,
  opts: AuthCodeGrantOptions,
): Promise<AuthenticationResult> {
  if (!opts.loginWindow && !opts.systemBrowser)
    throw new Error('a sign-in needs a loginWindow or a systemBrowser port');
  const pkce = await new CryptoProvider().generatePkceCodes();
  const state = randomToken();
  const nonce = randomToken();
  const scopes = [...opts.scopes];
  const { timeoutMs } = opts;
  const authUrl = (redirectUri: string) =>
    app.getAuthCodeUrl({
      scopes,
      redirectUri,
      codeChallenge: pkce.challenge,
      codeChallengeMethod: 'S256',
      state,
      nonce,
      ...(opts.prompt ? { prompt: opts.prompt } : {}),
      ...(opts.loginHint ? { loginHint: opts.loginHint } : {}),
    });

  let redirectUri: string;
  let hit: { url: string; formBody?: string };
  if (opts.loginWindow) {
    redirectUri = opts.redirectUri.trim();
    try {
      hit = {
        url: await opts.loginWindow.open({
          url: await authUrl(redirectUri),
          redirectUri,
          timeoutMs,
          ...(opts.signal ? { signal: opts.signal } : {}),
        }),
      };
    } catch (e) {
      throw e instanceof LoginPageError ? pageError(e) : e;
    }
  } else {
    const loopback = await startLoopbackListener(loopbackPath(opts.redirectUri));
    try {
      redirectUri = loopback.redirectUri;
      const waiting = loopback.waitForRedirect(state, { timeoutMs, ...(opts.signal ? { signal: opts.signal } : {}) });
      // electronegativity: OPEN_EXTERNAL_JS_CHECK — MSAL's authorize URL on the profile's (or the admin's) https authority.
      await (opts.systemBrowser as SystemBrowserPort).openExternal(await authUrl(redirectUri));
      hit = await waiting;
    } finally {
      await loopback.close();
    }
  }

  const m = matchRedirect(hit.url, redirectUri, state, hit.formBody);
  if (m.kind === 'no-match') throw new Error('The login window reported a URL that is not the redirect URI');
  if (m.kind === 'error') throw redirectFailure(m);
  return app.acquireTokenByCode({ code: m.code, scopes, redirectUri, codeVerifier: pkce.verifier, state, nonce });
}

/** The path of a registered `http://localhost/...` redirect, reused on the loopback port. */
function loopbackPath(registered: string): string {
  let u: URL;
  try {
    u = new URL(registered.trim());
  } catch {
    return '/';
  }
  if (u.protocol !== 'http:' || u.hostname !== 'localhost') {
    throw new ProblemError(
      problem({
        code: 'LOOPBACK_NEEDS_LOCALHOST',
        title: 'The system browser needs an http://localhost redirect URI',
        explanation: `Sign-in in the system browser comes back to a small listener on this computer, at http://localhost:<port>. The profile’s redirect URI ${registered} is not one, so Entra would refuse the request (AADSTS50011).`,
        fixSteps: [
          'In the app registration → Authentication, add http://localhost under the platform of this app (Web, or Mobile and desktop applications). Entra ignores the port of localhost.',
          'Set the Redirect URI field to http://localhost, or use the embedded sign-in window, which works with any redirect URI.',
        ],
        field: 'redirectUri',
      }),
    );
  }
  return u.pathname || '/';
}

function pageError(e: LoginPageError): Error {
  const text = errorPageText(e.text) ?? e.text;
  return new IdpErrorResponse({ error: 'error_page', aadsts: aadstsIn(text), description: text });
}
