import { CryptoProvider, type AuthenticationResult } from '@azure/msal-node';
import { problem } from '../../shared/problem';
import type { Profile } from '../../shared/profile';
import { inspectAccessToken } from '../../shared/token-inspection';
import { ProblemError } from '../problem-error';
import { buildMsalApp, type BuiltApp } from './msal-app';
import {
  type AcquisitionDeps,
  nowIso,
  randomToken,
  recordTokenState,
  redirectFailure,
  toProblemError,
} from './flow-support';
import { LoginPageError, errorPageText, type LoginWindowPort, type SystemBrowserPort } from './login-ports';
import { startLoopbackListener } from './loopback-listener';
import { matchRedirect } from './redirect-match';
import { keepRefreshToken } from './refresh-token-capture';
import type { TokenOutcome } from './token-outcome';
import { IdpErrorResponse, aadstsIn } from '../diagnose/server-error';

/**
 * Delegated sign-in: authorization code + PKCE + state + nonce, shown in the embedded
 * login window or the system browser. The refresh token is taken from MSAL's in-memory
 * cache into the keychain as part of the redemption.
 */
export interface DelegatedOptions extends AcquisitionDeps {
  readonly loginWindow?: LoginWindowPort;
  readonly systemBrowser?: SystemBrowserPort;
  readonly signal?: AbortSignal;
  /** Default 10 minutes: long enough for MFA, short enough not to hang forever. */
  readonly timeoutMs?: number;
  readonly prompt?: 'select_account' | 'login' | 'consent';
}

const DEFAULT_TIMEOUT = 10 * 60_000;

export async function signInDelegated(profile: Profile, opts: DelegatedOptions): Promise<TokenOutcome> {
  if (!opts.loginWindow && !opts.systemBrowser)
    throw new Error('signInDelegated needs a loginWindow or a systemBrowser port');
  let built: BuiltApp | undefined;
  try {
    // A new MSAL app per sign-in: its in-memory cache holds only this sign-in's tokens.
    built = await buildMsalApp(profile, opts.secrets);
    const { msal } = built;
    const pkce = await new CryptoProvider().generatePkceCodes();
    const state = randomToken();
    const nonce = randomToken();
    const scopes = [...profile.scopes];
    const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT;

    const authUrl = (redirectUri: string) =>
      msal.app.getAuthCodeUrl({
        scopes,
        redirectUri,
        codeChallenge: pkce.challenge,
        codeChallengeMethod: 'S256',
        state,
        nonce,
        // No login_hint from the mailbox: for a shared mailbox the person signing in is someone else.
        ...(opts.prompt ? { prompt: opts.prompt } : {}),
      });

    let redirectUri: string;
    let hit: { url: string; formBody?: string };
    if (opts.loginWindow) {
      redirectUri = profile.redirectUri.trim();
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
      const loopback = await startLoopbackListener(loopbackPath(profile.redirectUri));
      try {
        redirectUri = loopback.redirectUri;
        const waiting = loopback.waitForRedirect(state, { timeoutMs, ...(opts.signal ? { signal: opts.signal } : {}) });
        // electronegativity: OPEN_EXTERNAL_JS_CHECK — MSAL's authorize URL on the profile's https authority.
        await (opts.systemBrowser as SystemBrowserPort).openExternal(await authUrl(redirectUri));
        hit = await waiting;
      } finally {
        await loopback.close();
      }
    }

    const m = matchRedirect(hit.url, redirectUri, state, hit.formBody);
    if (m.kind === 'no-match') throw new Error('The login window reported a URL that is not the redirect URI');
    if (m.kind === 'error') throw redirectFailure(m);

    const result: AuthenticationResult = await msal.app.acquireTokenByCode({
      code: m.code,
      scopes,
      redirectUri,
      codeVerifier: pkce.verifier,
      state,
      nonce,
    });
    const inspection = inspectAccessToken(result.accessToken, {
      flow: 'delegated',
      cloud: profile.cloud,
      mailbox: profile.mailbox,
      ...(opts.now ? { now: opts.now() } : {}),
    });
    const account = result.account?.username || undefined;
    const stored = await keepRefreshToken(msal.app, {
      secrets: opts.secrets,
      profileId: profile.id,
      clientId: profile.clientId.trim(),
    });
    const at = nowIso(opts);
    await recordTokenState(opts, profile, {
      accessTokenAcquiredAt: at,
      ...(stored ? { refreshTokenStoredAt: at, refreshTokenLastUsedAt: at } : {}),
      ...(account ? { account } : {}),
    });
    return {
      accessToken: result.accessToken,
      inspection,
      ...(account ? { account } : {}),
      ...(result.expiresOn ? { expiresOn: result.expiresOn.toISOString() } : {}),
      refreshTokenStored: stored,
    };
  } catch (e) {
    throw toProblemError(e, profile, 'authorize', {
      ...(built ? { net: built.net, secretLooksLikeId: built.secretLooksLikeId } : {}),
    });
  } finally {
    built?.close();
  }
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
