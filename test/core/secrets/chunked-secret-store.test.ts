import { describe, expect, it } from 'vitest';
import { ChunkedSecretStore } from '../../../src/core/secrets/chunked-secret-store';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store';
import { SecretStoreError } from '../../../src/core/secrets/secret-store';
import { mapBackend } from '../../support/recording-backend';

describe('chunked store logic', () => {
  it('reports a damaged value instead of returning garbage', async () => {
    const backend = mapBackend();
    const store = new ChunkedSecretStore(backend);
    await store.set('k', 'a'.repeat(5000));
    const chunk = [...backend.map.keys()].find((a) => a.startsWith('k#'));
    backend.map.set(chunk ?? '', 'tampered');
    const err = await store.get('k').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SecretStoreError);
    expect((err as SecretStoreError).reason).toBe('corrupt');
  });

  it('refuses names that would collide with chunk entries', async () => {
    const store = new ChunkedSecretStore(mapBackend());
    await expect(store.set('a#b', 'v')).rejects.toBeInstanceOf(SecretStoreError);
  });

  it('returns null for a key never written', async () => {
    expect(await new ChunkedSecretStore(mapBackend()).get('missing')).toBeNull();
  });
});

describe('memory store', () => {
  it('round-trips, lists by prefix and deletes', async () => {
    const store = new MemorySecretStore();
    await store.set('profile/1/a', 'x');
    await store.set('profile/2/a', 'y');
    expect(await store.keys('profile/1/')).toEqual(['profile/1/a']);
    await store.delete('profile/1/a');
    expect(await store.get('profile/1/a')).toBeNull();
  });
});
