import { problem } from '../../shared/problem';
import type { Profile } from '../../shared/profile';
import { inspectAccessToken } from '../../shared/token-inspection';
import { authorityFor } from '../authority/authority';
import { IdpErrorResponse, idpErrorFromBody } from '../diagnose/server-error';
import type { HttpClient } from '../net/http-client';
import { NetworkFailure } from '../net/network-failure';
import { resolveNetwork } from '../net/resolve-network';
import { ProblemError } from '../problem-error';
import { secretKeys } from '../secrets/secret-keys';
import { clientAssertion } from './client-assertion';
import { type AcquisitionDeps, nowIso, recordTokenState, toProblemError } from './flow-support';
import { httpClientFor } from './msal-app';
import type { TokenOutcome } from './token-outcome';

/**
 * Redeems the stored refresh token exactly as the target mail system will: one plain
 * `grant_type=refresh_token` POST with the client secret (or assertion) where the target
 * sends one, not MSAL's cache. Success proves the exported token works outside this app.
 * The rotated refresh token replaces the stored one.
 */
export interface RawRefreshOptions extends AcquisitionDeps {
  /** Reuse a client (the benchmark keeps one warm). */
  readonly http?: HttpClient;
  /** Cancels the token request (the Verify step's Cancel); the failure is diagnosed as cancelled. */
  readonly signal?: AbortSignal;
}

export async function redeemStoredRefreshToken(profile: Profile, opts: RawRefreshOptions): Promise<TokenOutcome> {
  // One keychain round trip for everything the request needs (each is an IPC call to the OS).
  const cred = profile.credential.kind;
  const [refreshToken, credentialValue] = await Promise.all([
    opts.secrets.get(secretKeys.refreshToken(profile.id)),
    cred === 'secret'
      ? opts.secrets.get(secretKeys.clientSecret(profile.id))
      : cred === 'certificate'
        ? opts.secrets.get(secretKeys.certificateKey(profile.id))
        : Promise.resolve(null),
  ]);
  if (!refreshToken) {
    throw new ProblemError(
      problem({
        code: 'NO_REFRESH_TOKEN',
        title: 'No refresh token is stored for this profile',
        explanation:
          'Sign in first: the refresh token is captured at sign-in. App-only profiles have none (they use the secret or certificate each time).',
        fixSteps: ['Run the sign-in step of this profile.'],
      }),
    );
  }
  const http = opts.http ?? httpClientFor({ network: await resolveNetwork(profile, opts.secrets) });
  const endpoint = authorityFor(profile).tokenEndpoint;
  const form = new URLSearchParams({
    client_id: profile.clientId.trim(),
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    scope: profile.scopes.join(' '),
  });
  let sendsSecret = false;
  try {
    if (profile.credential.kind === 'secret' && credentialValue) {
      form.set('client_secret', credentialValue);
      sendsSecret = true;
    } else if (profile.credential.kind === 'certificate' && credentialValue) {
      form.set('client_assertion_type', 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
      form.set(
        'client_assertion',
        clientAssertion({
          clientId: profile.clientId.trim(),
          tokenEndpoint: endpoint,
          thumbprintSha256Hex: profile.credential.thumbprintSha256,
          privateKeyPem: credentialValue,
        }),
      );
    }
    const res = await http.request({
      method: 'POST',
      url: endpoint,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    let body: unknown;
    try {
      body = JSON.parse(res.body);
    } catch {
      throw new NetworkFailure('bad-response', new URL(endpoint).host, { code: 'NOT_JSON', status: res.status });
    }
    const err = idpErrorFromBody(body, res.status);
    if (err) throw new IdpErrorResponse(err);
    const ok = body as { access_token?: unknown; refresh_token?: unknown; expires_in?: unknown };
    if (typeof ok.access_token !== 'string')
      throw new NetworkFailure('bad-response', new URL(endpoint).host, { code: 'NO_ACCESS_TOKEN', status: res.status });

    const at = nowIso(opts);
    const rotated = typeof ok.refresh_token === 'string' && ok.refresh_token !== refreshToken;
    // The rotated token must be safe in the keychain before we return; the dates can be written alongside.
    await Promise.all([
      rotated ? opts.secrets.set(secretKeys.refreshToken(profile.id), ok.refresh_token as string) : Promise.resolve(),
      recordTokenState(opts, profile, {
        refreshTokenLastUsedAt: at,
        accessTokenAcquiredAt: at,
        ...(rotated ? { refreshTokenStoredAt: at } : {}),
      }),
    ]);
    const nowMs = opts.now ? opts.now() : Date.now();
    const inspection = inspectAccessToken(ok.access_token, {
      flow: 'delegated',
      cloud: profile.cloud,
      mailbox: profile.mailbox,
      now: nowMs,
    });
    const expiresOn =
      typeof ok.expires_in === 'number' ? new Date(nowMs + ok.expires_in * 1000).toISOString() : undefined;
    return { accessToken: ok.access_token, inspection, ...(expiresOn ? { expiresOn } : {}), refreshTokenStored: true };
  } catch (e) {
    throw toProblemError(e, profile, 'refresh', { targetSendsSecret: sendsSecret });
  } finally {
    if (!opts.http) http.close();
  }
}
