import { describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store';
import { secretKeys } from '../../../src/core/secrets/secret-keys';
import type { SecretStore } from '../../../src/core/secrets/secret-store';
import { exportsForProfile } from '../../../src/core/targets';
import { fixtureProfile, fixtureTokens } from './fixture-profile';

async function storeWithSecrets(): Promise<{ store: SecretStore; reads: string[] }> {
  const inner = new MemorySecretStore();
  const profile = fixtureProfile('onit');
  await inner.set(secretKeys.clientSecret(profile.id), fixtureTokens.clientSecret ?? '');
  await inner.set(secretKeys.refreshToken(profile.id), fixtureTokens.refreshToken ?? '');
  const reads: string[] = [];
  const store: SecretStore = {
    get: (k) => {
      reads.push(k);
      return inner.get(k);
    },
    set: (k, v) => inner.set(k, v),
    delete: (k) => inner.delete(k),
    status: () => inner.status(),
  };
  return { store, reads };
}

describe('exportsForProfile', () => {
  it('does not touch the keychain unless secrets are to be shown', async () => {
    const { store, reads } = await storeWithSecrets();
    const outputs = await exportsForProfile(store, fixtureProfile('onit'), { includeSecrets: false });
    expect(reads).toEqual([]);
    expect(outputs.some((o) => o.content.includes(fixtureTokens.clientSecret ?? '?'))).toBe(false);
  });

  it('reads the client secret and refresh token from the keychain when asked to include them', async () => {
    const { store } = await storeWithSecrets();
    const outputs = await exportsForProfile(store, fixtureProfile('onit'), { includeSecrets: true });
    const onit = outputs.find((o) => o.name === 'onit-smtp-oauth-provider.txt');
    expect(onit?.holdsSecret).toBe(true);
    expect(onit?.fields?.find((f) => f.label === 'Refresh Token')?.value).toBe(fixtureTokens.refreshToken);
  });
});
