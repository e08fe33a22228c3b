import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChunkedSecretStore } from '../../../src/core/secrets/chunked-secret-store';
import { MAX_ENTRY_BYTES } from '../../../src/core/secrets/credential-backend';
import { keytarBackend } from '../../../src/core/secrets/keytar-backend';
import { SENTINEL_ACCOUNT } from '../../../src/core/secrets/keychain-presence';
import { SecretStoreError } from '../../../src/core/secrets/secret-store';
import { keychainInspector } from '../../support/keychain';
import { recording } from '../../support/recording-backend';

// These tests use the real OS keychain through keytar (gnome-keyring under dbus-run-session
// in CI). They must fail, not skip, when no Secret Service answers.
const service = `smtp-oauth-wizard-test-${randomUUID()}`;
const raw = keytarBackend(service);
const backend = recording(raw);
const store = new ChunkedSecretStore(backend);
const inspect = keychainInspector(service);
const under = async (prefix: string) => (await inspect.accounts()).filter((a) => a.startsWith(prefix));

beforeAll(async () => {
  const status = await store.status();
  if (!status.available) throw new Error(`No usable Secret Service: ${status.message}`);
});

afterAll(() => inspect.wipe());

describe('keychain store over keytar', () => {
  it('keeps a short secret in one entry and finds the sentinel that tells absent from locked', async () => {
    backend.calls.length = 0;
    await store.set('profile/a/client-secret', 'Xy8Q~short');
    expect(backend.calls.filter((c) => c.startsWith('set'))).toEqual(['set profile/a/client-secret']);
    expect(await store.get('profile/a/client-secret')).toBe('Xy8Q~short');
    expect(await under('profile/a/')).toEqual(['profile/a/client-secret']);
    expect(await inspect.accounts()).toContain(SENTINEL_ACCOUNT);
  });

  it('round-trips a 64 KB secret with every keychain entry at most 2,560 bytes', async () => {
    const big = randomBytes(48 * 1024)
      .toString('base64')
      .slice(0, 64 * 1024);
    expect(Buffer.byteLength(big)).toBe(64 * 1024);
    backend.writes.length = 0;
    await store.set('profile/a/certificate-key', big);
    expect(await store.get('profile/a/certificate-key')).toBe(big);
    expect(backend.writes.length).toBeGreaterThan(1);
    for (const w of backend.writes) expect(w.bytes).toBeLessThanOrEqual(MAX_ENTRY_BYTES);
    // And what is actually in the keychain, read back entry by entry.
    for (const account of await inspect.accounts()) {
      const value = await raw.get(account);
      expect(Buffer.byteLength(value ?? '')).toBeLessThanOrEqual(MAX_ENTRY_BYTES);
    }
  });

  it('keeps non-ASCII text intact, inline and across chunk boundaries', async () => {
    for (const text of ['é€😀', 'é€😀'.repeat(5000)]) {
      await store.set('profile/a/unicode', text);
      expect(await store.get('profile/a/unicode')).toBe(text);
    }
  });

  it('replaces a value without leaving the old chunks behind', async () => {
    await store.set('profile/b/client-secret', 'x'.repeat(10_000));
    const before = (await under('profile/b/')).length;
    await store.set('profile/b/client-secret', 'y'.repeat(10_000));
    // The old chunks go after the write returns; the next call on the key waits for that.
    expect(await store.get('profile/b/client-secret')).toBe('y'.repeat(10_000));
    expect((await under('profile/b/')).length).toBe(before);
    await store.set('profile/b/client-secret', 'short again');
    expect(await store.get('profile/b/client-secret')).toBe('short again');
    expect(await under('profile/b/')).toEqual(['profile/b/client-secret']);
  });

  it('deletes every entry of a key, by name', async () => {
    await store.set('profile/c/client-secret', 's'.repeat(6000));
    await store.set('profile/c/refresh-token', 'r');
    await store.delete('profile/c/client-secret');
    await store.delete('profile/c/refresh-token');
    await store.delete('profile/c/never-written');
    expect(await under('profile/c/')).toEqual([]);
    expect(await store.get('profile/c/client-secret')).toBeNull();
  });

  it('overwrites and deletes a damaged entry', async () => {
    await raw.set('profile/f/client-secret', 'not an entry of ours');
    await expect(store.get('profile/f/client-secret')).rejects.toMatchObject({ reason: 'corrupt' });
    await store.set('profile/f/client-secret', 'fixed');
    expect(await store.get('profile/f/client-secret')).toBe('fixed');
    await raw.set('profile/f/client-secret', 'sow1:9:3:0123456789abcdef');
    await store.delete('profile/f/client-secret');
    expect(await under('profile/f/')).toEqual([]);
  });

  it('refuses a secret over 64 KB with a typed error', async () => {
    const err = await store.set('profile/d/too-big', 'z'.repeat(64 * 1024 + 1)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SecretStoreError);
    expect((err as SecretStoreError).reason).toBe('too-large');
  });

  it('serialises concurrent writes to one key so the last write wins whole', async () => {
    const values = Array.from({ length: 5 }, (_, i) => String(i).repeat(5000));
    await Promise.all(values.map((v) => store.set('profile/e/race', v)));
    expect(await store.get('profile/e/race')).toBe(values[4]);
  });
});
