import { describe, expect, it } from 'vitest';
import { keepRefreshToken, refreshTokensIn } from '../../../src/core/oauth/refresh-token-capture';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store';
import { secretKeys } from '../../../src/core/secrets/secret-keys';

const cacheWith = (rt: string | undefined, clientId = 'app-1') =>
  JSON.stringify({
    Account: {},
    IdToken: { i: { secret: 'id-token' } },
    AccessToken: { a: { secret: 'access-token' } },
    AppMetadata: {},
    RefreshToken: rt
      ? {
          k1: {
            home_account_id: 'u.t',
            environment: 'e',
            credential_type: 'RefreshToken',
            client_id: clientId,
            secret: rt,
          },
        }
      : {},
  });

const app = (serialized: string) => ({ getTokenCache: () => ({ serialize: () => serialized }) });

describe('refresh token capture', () => {
  it('reads the refresh token of this client from a serialized cache', () => {
    expect(refreshTokensIn(cacheWith('rt-1'), 'APP-1')).toEqual(['rt-1']);
    expect(refreshTokensIn(cacheWith('rt-1', 'other'), 'app-1')).toEqual([]);
    expect(refreshTokensIn('not json', 'app-1')).toEqual([]);
  });

  it('stores only the refresh token, never the cache with its access and ID tokens, and drops the old cache entry', async () => {
    const secrets = new MemorySecretStore();
    await secrets.set(secretKeys.legacyTokenCache('p'), cacheWith('old-rt'));
    expect(await keepRefreshToken(app(cacheWith('rt-2')), { secrets, profileId: 'p', clientId: 'app-1' })).toBe(true);
    expect(secrets.allValues()).toEqual(['rt-2']);
  });

  it('says so when the sign-in brought no refresh token (no offline_access)', async () => {
    const secrets = new MemorySecretStore();
    expect(await keepRefreshToken(app(cacheWith(undefined)), { secrets, profileId: 'p', clientId: 'app-1' })).toBe(
      false,
    );
    expect(secrets.allValues()).toEqual([]);
  });
});
