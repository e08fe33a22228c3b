import { describe, expect, it } from 'vitest';
import { ChunkedSecretStore } from '../../../src/core/secrets/chunked-secret-store';
import type { CredentialBackend } from '../../../src/core/secrets/credential-backend';
import { SENTINEL_ACCOUNT } from '../../../src/core/secrets/keychain-presence';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store';
import { SecretStoreError } from '../../../src/core/secrets/secret-store';
import { mapBackend, recording } from '../../support/recording-backend';

/** What keytar does on a locked libsecret collection (seen on gnome-keyring, stack-notes.md). */
function lockedBackend(): CredentialBackend {
  return {
    name: 'locked',
    get: async () => null,
    set: async () => {
      throw new Error('Cannot create an item in a locked collection');
    },
    delete: async () => false,
  };
}

const reasonOf = async (p: Promise<unknown>): Promise<string> => {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  return e instanceof SecretStoreError ? e.reason : `not a SecretStoreError: ${String(e)}`;
};

describe('chunked store logic', () => {
  it('reports a damaged value instead of returning garbage', async () => {
    const backend = mapBackend();
    const store = new ChunkedSecretStore(backend);
    await store.set('k', 'a'.repeat(5000));
    const chunk = [...backend.map.keys()].find((a) => a.startsWith('k#'));
    backend.map.set(chunk ?? '', 'tampered');
    expect(await reasonOf(store.get('k'))).toBe('corrupt');
  });

  it('refuses names that would collide with chunk entries', async () => {
    const store = new ChunkedSecretStore(mapBackend());
    await expect(store.set('a#b', 'v')).rejects.toBeInstanceOf(SecretStoreError);
  });

  it('returns null for a key never written, after checking the keychain is open (one sentinel)', async () => {
    const backend = mapBackend();
    expect(await new ChunkedSecretStore(backend).get('missing')).toBeNull();
    expect([...backend.map.keys()]).toEqual([SENTINEL_ACCOUNT]);
  });

  it('keeps a token-sized value in one entry: one call to read it, one to write the next', async () => {
    const backend = recording(mapBackend());
    const store = new ChunkedSecretStore(backend);
    const token = `0.A${'x'.repeat(1800)}`;
    await store.set('profile/p/refresh-token', token);
    backend.calls.length = 0;
    expect(await store.get('profile/p/refresh-token')).toBe(token);
    await store.set('profile/p/refresh-token', `${token}-rotated`);
    expect(backend.calls).toEqual(['get profile/p/refresh-token', 'set profile/p/refresh-token']);
  });

  it('never reads a locked keychain as "not stored": get, delete and status say locked', async () => {
    const store = new ChunkedSecretStore(lockedBackend());
    expect(await reasonOf(store.get('profile/p/client-secret'))).toBe('locked');
    expect(await reasonOf(store.delete('profile/p/client-secret'))).toBe('locked');
    expect(await reasonOf(store.set('profile/p/client-secret', 'v'))).toBe('locked');
    const status = await store.status();
    expect(status).toMatchObject({ available: false, reason: 'locked' });
    expect(status.available ? '' : status.message).toMatch(/locked.*Unlock/s);
  });

  it('replaces and deletes a damaged entry instead of refusing (the advice "enter it again" works)', async () => {
    const backend = mapBackend();
    const store = new ChunkedSecretStore(backend);
    backend.map.set('profile/p/client-secret', 'garbage that is not an entry');
    expect(await reasonOf(store.get('profile/p/client-secret'))).toBe('corrupt');
    await store.set('profile/p/client-secret', 'new value');
    expect(await store.get('profile/p/client-secret')).toBe('new value');
    backend.map.set('profile/p/client-secret', 'garbage again');
    await store.delete('profile/p/client-secret');
    expect(backend.map.has('profile/p/client-secret')).toBe(false);
  });

  it('removes chunks that an interrupted earlier write or a crash before cleanup left behind', async () => {
    const backend = mapBackend();
    const big = (c: string) => c.repeat(9000);
    await new ChunkedSecretStore(backend).set('k', big('a')); // generation 1
    // A write of generation 2 died after three chunks, before its manifest.
    for (const i of [0, 1, 2, 3, 4, 5, 6]) backend.map.set(`k#2.${i}`, 'left over');
    const store = new ChunkedSecretStore(backend);
    await store.set('k', 'b'.repeat(3000)); // generation 2 again, fewer chunks
    expect(await store.get('k')).toBe('b'.repeat(3000));
    expect([...backend.map.keys()].filter((a) => a.startsWith('k#')).sort()).toEqual(['k#2.0', 'k#2.1']);
    await store.delete('k');
    expect([...backend.map.keys()].filter((a) => a.startsWith('k'))).toEqual([]);
  });
});

describe('memory store', () => {
  it('round-trips and deletes', async () => {
    const store = new MemorySecretStore();
    await store.set('profile/1/a', 'x');
    await store.set('profile/2/a', 'y');
    await store.delete('profile/1/a');
    expect(await store.get('profile/1/a')).toBeNull();
    expect(store.allValues()).toEqual(['y']);
  });
});
