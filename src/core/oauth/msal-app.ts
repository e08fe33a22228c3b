import { ConfidentialClientApplication, LogLevel, PublicClientApplication, type Configuration } from '@azure/msal-node';
import { problem } from '../../shared/problem';
import type { Profile } from '../../shared/profile';
import { secretLooksLikeId } from '../../shared/profile-validation';
import { authorityFor } from '../authority/authority';
import { authorityMetadata } from '../authority/metadata-cache';
import type { HttpClient } from '../net/http-client';
import { MsalNetworkClient } from '../net/msal-network-client';
import { sharedHttpClient } from '../net/shared-http-client';
import { resolveNetwork } from '../net/resolve-network';
import { ProblemError } from '../problem-error';
import { secretKeys } from '../secrets/secret-keys';
import type { SecretStore } from '../secrets/secret-store';

/**
 * Builds the MSAL application a profile calls for: confidential with a secret or a
 * certificate, public otherwise. Every request goes through our HTTP client (the
 * profile's CA, proxy, timeout, retry); MSAL's own retries are off so 5xx are retried once
 * by one policy, not twice.
 */
export type MsalApp =
  | { readonly kind: 'public'; readonly app: PublicClientApplication }
  | { readonly kind: 'confidential'; readonly app: ConfidentialClientApplication };

export interface BuiltApp {
  readonly msal: MsalApp;
  readonly net: MsalNetworkClient;
  readonly http: HttpClient;
  /** The secret sent, for the 7000215 "ID pasted" hint (never shown). */
  readonly secretLooksLikeId: boolean;
  close(): void;
}

/** The process's client for this profile's network setting (shared with every profile that has the same). */
export function httpClientFor(profile: Pick<Profile, 'network'>): HttpClient {
  return sharedHttpClient(profile.network);
}

const missing = (what: string, field: string) =>
  new ProblemError(
    problem({
      code: 'CREDENTIAL_MISSING',
      title: `The ${what} is not in the keychain`,
      explanation: `This profile uses a ${what}, but none is stored for it (it was never entered, or the keychain entry was removed).`,
      fixSteps: [`Edit the profile and enter the ${what} again.`],
      field,
    }),
  );

export async function buildMsalApp(
  profile: Profile,
  secrets: SecretStore,
  opts: { tenant?: string; http?: HttpClient; signal?: AbortSignal } = {},
): Promise<BuiltApp> {
  const http = opts.http ?? httpClientFor({ network: await resolveNetwork(profile, secrets) });
  const net = new MsalNetworkClient(http, opts.signal);
  const info = authorityFor(profile, opts.tenant);
  const auth: Configuration['auth'] = {
    clientId: profile.clientId.trim(),
    authority: info.authority,
    knownAuthorities: [...info.knownAuthorities],
  };
  if (profile.cloud === 'custom') auth.authorityMetadata = await authorityMetadata(info.authority, http);
  const config = (extra: Partial<Configuration['auth']>): Configuration => ({
    auth: { ...auth, ...extra },
    system: {
      networkClient: net,
      disableInternalRetries: true,
      loggerOptions: { logLevel: LogLevel.Error, piiLoggingEnabled: false, loggerCallback: () => undefined },
    },
  });
  const done = (msal: MsalApp, secretLooksLikeId = false): BuiltApp => ({
    msal,
    net,
    http,
    secretLooksLikeId,
    close: () => http.close(),
  });

  const cred = profile.credential;
  if (cred.kind === 'secret') {
    const secret = await secrets.get(secretKeys.clientSecret(profile.id));
    if (!secret) throw missing('client secret', 'clientSecret');
    return done(
      { kind: 'confidential', app: new ConfidentialClientApplication(config({ clientSecret: secret })) },
      secretLooksLikeId(secret, cred.secretId),
    );
  }
  if (cred.kind === 'certificate') {
    const privateKey = await secrets.get(secretKeys.certificateKey(profile.id));
    if (!privateKey) throw missing('certificate private key', 'certificate');
    const clientCertificate = { thumbprintSha256: cred.thumbprintSha256, privateKey };
    return done({ kind: 'confidential', app: new ConfidentialClientApplication(config({ clientCertificate })) });
  }
  return done({ kind: 'public', app: new PublicClientApplication(config({})) });
}
