import type { TokenCacheContext } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import { keychainCachePlugin, refreshTokensIn } from '../../../src/core/oauth/token-cache-plugin';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store';
import { secretKeys } from '../../../src/core/secrets/secret-keys';

const cacheWith = (rt: string, clientId = 'app-1') =>
  JSON.stringify({
    Account: {},
    IdToken: {},
    AccessToken: {},
    AppMetadata: {},
    RefreshToken: {
      k1: {
        home_account_id: 'u.t',
        environment: 'e',
        credential_type: 'RefreshToken',
        client_id: clientId,
        secret: rt,
      },
    },
  });

/** A stand-in for MSAL's context: only the parts the plugin uses. */
function ctx(serialized: string, changed: boolean): TokenCacheContext {
  return {
    cacheHasChanged: changed,
    tokenCache: { serialize: () => serialized, deserialize: () => undefined },
  } as unknown as TokenCacheContext;
}

describe('keychain cache plugin', () => {
  it('reads the refresh token of this client from a serialized cache', () => {
    expect(refreshTokensIn(cacheWith('rt-1'), 'APP-1')).toEqual(['rt-1']);
    expect(refreshTokensIn(cacheWith('rt-1', 'other'), 'app-1')).toEqual([]);
    expect(refreshTokensIn('not json', 'app-1')).toEqual([]);
  });

  it('stores the cache and each rotated refresh token in the keychain, only when the cache changed', async () => {
    const secrets = new MemorySecretStore();
    const rotations: boolean[] = [];
    const plugin = keychainCachePlugin({
      secrets,
      profileId: 'p',
      clientId: 'app-1',
      onRefreshToken: async (r) => {
        rotations.push(r);
      },
    });
    await plugin.afterCacheAccess(ctx(cacheWith('rt-1'), false));
    expect(await secrets.get(secretKeys.refreshToken('p'))).toBeNull();
    await plugin.afterCacheAccess(ctx(cacheWith('rt-1'), true));
    await plugin.afterCacheAccess(ctx(cacheWith('rt-2'), true));
    expect(await secrets.get(secretKeys.refreshToken('p'))).toBe('rt-2');
    expect(await secrets.get(secretKeys.tokenCache('p'))).toContain('rt-2');
    expect(rotations).toEqual([false, true]);
    expect(plugin.lastRefreshToken()).toBe('rt-2');
  });
});
