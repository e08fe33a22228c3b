import type { AuthenticationResult } from '@azure/msal-node';
import type { Profile } from '../../shared/profile';
import { inspectAccessToken } from '../../shared/token-inspection';
import { authorizationCodeGrant } from './auth-code-grant';
import { buildMsalApp, type BuiltApp } from './msal-app';
import { type AcquisitionDeps, nowIso, recordTokenState, toProblemError } from './flow-support';
import type { LoginWindowPort, SystemBrowserPort } from './login-ports';
import { keepRefreshToken } from './refresh-token-capture';
import type { TokenOutcome } from './token-outcome';

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
    // No login_hint from the mailbox: for a shared mailbox the person signing in is someone else.
    const result: AuthenticationResult = await authorizationCodeGrant(built.msal.app, {
      scopes: profile.scopes,
      redirectUri: profile.redirectUri,
      timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT,
      ...(opts.loginWindow ? { loginWindow: opts.loginWindow } : { systemBrowser: opts.systemBrowser }),
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.prompt ? { prompt: opts.prompt } : {}),
    });
    const inspection = inspectAccessToken(result.accessToken, {
      flow: 'delegated',
      cloud: profile.cloud,
      mailbox: profile.mailbox,
      ...(opts.now ? { now: opts.now() } : {}),
    });
    const account = result.account?.username || undefined;
    const stored = await keepRefreshToken(built.msal.app, {
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
