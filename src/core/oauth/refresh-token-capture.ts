import { secretKeys } from '../secrets/secret-keys';
import type { SecretStore } from '../secrets/secret-store';

/**
 * MSAL never hands out the refresh token, but after a sign-in its in-memory cache holds
 * it. That one token is what the target mail system will redeem, so it alone goes to the
 * keychain; the cache itself (access and ID token too) stays in memory and is dropped with
 * the MSAL app, as token-outcome.ts promises.
 */
interface SerializedRefreshToken {
  readonly client_id?: string;
  readonly secret?: string;
}

/** The refresh token(s) of `clientId` in a serialized MSAL cache, newest account last. */
export function refreshTokensIn(serializedCache: string, clientId: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(serializedCache);
  } catch {
    return [];
  }
  const section = (parsed as { RefreshToken?: Record<string, SerializedRefreshToken> }).RefreshToken ?? {};
  return Object.values(section)
    .filter(
      (e) => (e.client_id ?? '').toLowerCase() === clientId.toLowerCase() && typeof e.secret === 'string' && e.secret,
    )
    .map((e) => e.secret as string);
}

/**
 * Stores the refresh token a sign-in just put into `app`'s in-memory cache; true when there
 * was one (no `offline_access`, no refresh token). Also removes the whole-cache entry that
 * earlier versions wrote for the profile and never read.
 */
export async function keepRefreshToken(
  app: { getTokenCache(): { serialize(): string } },
  opts: { readonly secrets: SecretStore; readonly profileId: string; readonly clientId: string },
): Promise<boolean> {
  const rt = refreshTokensIn(app.getTokenCache().serialize(), opts.clientId).at(-1);
  await Promise.all([
    rt ? opts.secrets.set(secretKeys.refreshToken(opts.profileId), rt) : Promise.resolve(),
    opts.secrets.delete(secretKeys.legacyTokenCache(opts.profileId)),
  ]);
  return rt !== undefined;
}
