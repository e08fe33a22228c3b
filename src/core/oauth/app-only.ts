import { appOnlyScope } from '../../shared/clouds';
import { problem } from '../../shared/problem';
import type { Profile } from '../../shared/profile';
import { inspectAccessToken } from '../../shared/token-inspection';
import { ProblemError } from '../problem-error';
import { buildMsalApp, type BuiltApp } from './msal-app';
import { type AcquisitionDeps, nowIso, recordTokenState, toProblemError } from './flow-support';
import type { TokenOutcome } from './token-outcome';

/**
 * App-only: client credentials with the secret or certificate, for the cloud's Exchange
 * `/.default` scope. No refresh token exists; the mailer asks again each time.
 */
export async function acquireAppOnly(
  profile: Profile,
  deps: AcquisitionDeps & { readonly signal?: AbortSignal },
): Promise<TokenOutcome> {
  if (profile.credential.kind === 'none') {
    throw new ProblemError(
      problem({
        code: 'APP_ONLY_NEEDS_CREDENTIAL',
        title: 'App-only needs a client secret or certificate',
        explanation: 'Client credentials prove the app’s identity with its own credential; there is no user sign-in.',
        fixSteps: [
          'Under Certificates & secrets create a client secret or upload a certificate, then enter it in the profile.',
        ],
        field: 'credential',
      }),
    );
  }
  let built: BuiltApp | undefined;
  try {
    built = await buildMsalApp(profile, deps.secrets, deps.signal ? { signal: deps.signal } : {});
    if (built.msal.kind !== 'confidential') throw new Error('unreachable: a credential makes a confidential client');
    const scope =
      profile.scopes.length === 1 && profile.scopes[0]?.endsWith('/.default')
        ? profile.scopes[0]
        : appOnlyScope(profile.cloud);
    const result = await built.msal.app.acquireTokenByClientCredential({ scopes: [scope], skipCache: true });
    if (!result) throw new Error('MSAL returned no result for client credentials');
    const inspection = inspectAccessToken(result.accessToken, {
      flow: 'app-only',
      cloud: profile.cloud,
      ...(deps.now ? { now: deps.now() } : {}),
    });
    await recordTokenState(deps, profile, { accessTokenAcquiredAt: nowIso(deps) });
    return {
      accessToken: result.accessToken,
      inspection,
      ...(result.expiresOn ? { expiresOn: result.expiresOn.toISOString() } : {}),
      refreshTokenStored: false,
    };
  } catch (e) {
    throw toProblemError(e, profile, 'app-only', {
      ...(built ? { net: built.net, secretLooksLikeId: built.secretLooksLikeId } : {}),
    });
  } finally {
    built?.close();
  }
}
