import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChunkedSecretStore } from '../../../src/core/secrets/chunked-secret-store';
import { MAX_ENTRY_BYTES } from '../../../src/core/secrets/credential-backend';
import { keytarBackend } from '../../../src/core/secrets/keytar-backend';
import { SecretStoreError } from '../../../src/core/secrets/secret-store';
import { recording } from '../../support/recording-backend';

// These tests use the real OS keychain through keytar (gnome-keyring under dbus-run-session
// in CI). They must fail, not skip, when no Secret Service answers.
const service = `smtp-oauth-wizard-test-${randomUUID()}`;
const raw = keytarBackend(service);
const backend = recording(raw);
const store = new ChunkedSecretStore(backend);

beforeAll(async () => {
  const status = await store.status();
  if (!status.available) throw new Error(`No usable Secret Service: ${status.message}`);
});

afterAll(async () => {
  for (const account of await raw.accounts()) await raw.delete(account);
});

describe('keychain store over keytar', () => {
  it('round-trips a short secret', async () => {
    await store.set('profile/a/client-secret', 'Xy8Q~short');
    expect(await store.get('profile/a/client-secret')).toBe('Xy8Q~short');
  });

  it('round-trips a 64 KB secret with every keychain entry at most 2,560 bytes', async () => {
    const big = randomBytes(48 * 1024)
      .toString('base64')
      .slice(0, 64 * 1024);
    expect(Buffer.byteLength(big)).toBe(64 * 1024);
    backend.writes.length = 0;
    await store.set('profile/a/token-cache', big);
    expect(await store.get('profile/a/token-cache')).toBe(big);
    expect(backend.writes.length).toBeGreaterThan(1);
    for (const w of backend.writes) expect(w.bytes).toBeLessThanOrEqual(MAX_ENTRY_BYTES);
    // And what is actually in the keychain, read back entry by entry.
    for (const account of await raw.accounts()) {
      const value = await raw.get(account);
      expect(Buffer.byteLength(value ?? '')).toBeLessThanOrEqual(MAX_ENTRY_BYTES);
    }
  });

  it('keeps non-ASCII text intact across chunk boundaries', async () => {
    const text = 'é€😀'.repeat(5000);
    await store.set('profile/a/unicode', text);
    expect(await store.get('profile/a/unicode')).toBe(text);
  });

  it('replaces a value without leaving the old chunks behind', async () => {
    await store.set('profile/b/refresh-token', 'x'.repeat(10_000));
    const before = (await raw.accounts()).filter((a) => a.startsWith('profile/b/')).length;
    await store.set('profile/b/refresh-token', 'y'.repeat(10_000));
    const after = (await raw.accounts()).filter((a) => a.startsWith('profile/b/')).length;
    expect(after).toBe(before);
    expect(await store.get('profile/b/refresh-token')).toBe('y'.repeat(10_000));
  });

  it('lists keys by prefix without the chunk entries and deletes every entry of a key', async () => {
    await store.set('profile/c/client-secret', 's'.repeat(6000));
    await store.set('profile/c/refresh-token', 'r');
    expect(await store.keys('profile/c/')).toEqual(['profile/c/client-secret', 'profile/c/refresh-token']);
    await store.delete('profile/c/client-secret');
    await store.delete('profile/c/refresh-token');
    expect((await raw.accounts()).filter((a) => a.startsWith('profile/c/'))).toEqual([]);
    expect(await store.get('profile/c/client-secret')).toBeNull();
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
