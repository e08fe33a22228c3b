import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import { secretKeys } from '../secrets/secret-keys';
import type { SecretStore } from '../secrets/secret-store';

/**
 * MSAL never hands out the refresh token, but it is in the serialized cache. This plugin
 * keeps the whole cache in the keychain (never a file) and, on every change, copies the
 * refresh token of this client out to its own keychain entry: that is what the target
 * mail system will redeem, so each rotation must land there.
 */
export interface KeychainCachePlugin extends ICachePlugin {
  /** The refresh token seen at the last change, if any. */
  readonly lastRefreshToken: () => string | undefined;
}

interface SerializedRefreshToken {
  readonly client_id?: string;
  readonly secret?: string;
  readonly home_account_id?: string;
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

export function keychainCachePlugin(opts: {
  secrets: SecretStore;
  profileId: string;
  clientId: string;
  onRefreshToken?: (rotated: boolean) => Promise<void>;
}): KeychainCachePlugin {
  const cacheKey = secretKeys.tokenCache(opts.profileId);
  let last: string | undefined;
  return {
    lastRefreshToken: () => last,
    async beforeCacheAccess(ctx: TokenCacheContext) {
      const blob = await opts.secrets.get(cacheKey);
      if (blob) ctx.tokenCache.deserialize(blob);
    },
    async afterCacheAccess(ctx: TokenCacheContext) {
      if (!ctx.cacheHasChanged) return;
      const serialized = ctx.tokenCache.serialize();
      await opts.secrets.set(cacheKey, serialized);
      const tokens = refreshTokensIn(serialized, opts.clientId);
      const rt = tokens[tokens.length - 1];
      if (!rt || rt === last) return;
      const previous = await opts.secrets.get(secretKeys.refreshToken(opts.profileId));
      last = rt;
      if (previous === rt) return;
      await opts.secrets.set(secretKeys.refreshToken(opts.profileId), rt);
      await opts.onRefreshToken?.(previous !== null);
    },
  };
}
