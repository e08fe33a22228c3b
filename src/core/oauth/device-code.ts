import type { DeviceCodeRequest } from '@azure/msal-node';
import { problem } from '../../shared/problem';
import { deviceCodeLimits } from '../../shared/public-client';
import type { Profile } from '../../shared/profile';
import { inspectAccessToken } from '../../shared/token-inspection';
import { ProblemError } from '../problem-error';
import { type AcquisitionDeps, nowIso, recordTokenState, toProblemError } from './flow-support';
import { signInCancelled } from './login-ports';
import { buildMsalApp, type BuiltApp } from './msal-app';
import { keepRefreshToken } from './refresh-token-capture';
import type { TokenOutcome } from './token-outcome';

/**
 * Device code sign-in: the mailbox owner signs in on their own device while a consultant
 * runs the app. Public clients only, and its limits are real: the words about them
 * (`deviceCodeLimits`) live in shared so the window shows the same ones.
 */

export interface DeviceCodeInfo {
  readonly userCode: string;
  readonly verificationUri: string;
  /** Microsoft's own instruction text. */
  readonly message: string;
  readonly expiresInSeconds: number;
}

export interface DeviceCodeOptions extends AcquisitionDeps {
  readonly onCode: (info: DeviceCodeInfo) => void;
  readonly signal?: AbortSignal;
}

export async function signInWithDeviceCode(profile: Profile, opts: DeviceCodeOptions): Promise<TokenOutcome> {
  if (profile.credential.kind !== 'none') {
    throw new ProblemError(
      problem({
        code: 'DEVICE_CODE_PUBLIC_ONLY',
        title: 'Device code sign-in is for public clients only',
        explanation:
          'This profile has a client secret or certificate, so its app is a confidential client. Device code sign-in would give a public client’s refresh token, which a mail system that sends the secret cannot redeem (AADSTS700025).',
        fixSteps: ['Use the sign-in window or the system browser for this profile.', ...deviceCodeLimits.slice(0, 1)],
        field: 'credential',
      }),
    );
  }
  let built: BuiltApp | undefined;
  try {
    built = await buildMsalApp(profile, opts.secrets);
    if (built.msal.kind !== 'public') throw new Error('unreachable: no credential makes a public client');
    const pca = built.msal.app;
    const request: DeviceCodeRequest = {
      scopes: [...profile.scopes],
      deviceCodeCallback: (r) =>
        opts.onCode({
          userCode: r.userCode,
          verificationUri: r.verificationUri,
          message: r.message,
          expiresInSeconds: r.expiresIn,
        }),
    };
    const aborted = new Promise<never>((_, reject) => {
      const stop = () => {
        // MSAL stops polling at its next interval when it sees the flag.
        request.cancel = true;
        const cancelled = signInCancelled();
        reject(
          new ProblemError({
            ...cancelled.problem,
            explanation: 'The sign-in was cancelled while waiting for the code to be entered on the other device.',
          }),
        );
      };
      if (opts.signal?.aborted) stop();
      opts.signal?.addEventListener('abort', stop, { once: true });
    });
    const result = await Promise.race([pca.acquireTokenByDeviceCode(request), aborted]);
    if (!result) throw new Error('MSAL returned no device code result');
    const account = result.account?.username || undefined;
    const stored = await keepRefreshToken(pca, {
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
    const inspection = inspectAccessToken(result.accessToken, {
      flow: 'delegated',
      cloud: profile.cloud,
      mailbox: profile.mailbox,
      ...(opts.now ? { now: opts.now() } : {}),
    });
    return { accessToken: result.accessToken, inspection, ...(account ? { account } : {}), refreshTokenStored: stored };
  } catch (e) {
    throw toProblemError(e, profile, 'device-code', built ? { net: built.net } : {});
  } finally {
    built?.close();
  }
}
