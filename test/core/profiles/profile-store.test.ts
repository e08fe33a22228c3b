import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProfileStore } from '../../../src/core/profiles/profile-store';
import { secretKeys } from '../../../src/core/secrets/secret-keys';
import type { ProfileDraft } from '../../../src/shared/profile';
import { testKeychain } from '../../support/keychain';
import { makeSelfSignedCert } from '../../support/test-tls';

const kc = testKeychain('profiles');
let dir: string;
let file: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sow-profiles-'));
  file = path.join(dir, 'profiles.json');
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));
afterAll(() => kc.wipe());

const draft = (over: Partial<ProfileDraft> = {}): ProfileDraft => ({
  name: 'Contoso AEM',
  targetId: 'aem',
  flow: 'delegated',
  cloud: 'global',
  customAuthorityHost: '',
  tenant: 'contoso.com',
  clientId: 'aaaaaaaa-0000-4000-8000-000000000001',
  credential: { kind: 'secret' },
  redirectUri: 'http://localhost',
  scopes: ['https://outlook.office.com/SMTP.Send', 'offline_access'],
  mailbox: 'alice@contoso.com',
  fromAddress: 'alice@contoso.com',
  smtpHost: 'smtp.office365.com',
  smtpPort: 587,
  network: { proxyUrl: '', extraCaPem: '', timeoutMs: 30_000 },
  ...over,
});

describe('profile store', () => {
  it('keeps non-secret fields in one versioned JSON file and the secret only in the keychain', async () => {
    const store = createProfileStore({ file, secrets: kc.store });
    const p = await store.create(draft(), { clientSecret: 'Xy8Q~very-secret-value-0001' });
    const text = await fs.readFile(file, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ version: 1, profiles: [{ id: p.id, name: 'Contoso AEM' }] });
    expect(text).not.toContain('very-secret');
    expect(await kc.store.get(secretKeys.clientSecret(p.id))).toBe('Xy8Q~very-secret-value-0001');
    // A second store (next app start) reads the same profile back.
    expect(await createProfileStore({ file, secrets: kc.store }).get(p.id)).toEqual(p);
  });

  it('does not undo a change another process made to the same file (desktop app and CLI)', async () => {
    const desktop = createProfileStore({ file, secrets: kc.store });
    const cli = createProfileStore({ file, secrets: kc.store });
    const a = await desktop.create(draft({ name: 'A' }));
    expect(await cli.list()).toHaveLength(1); // the CLI has now cached the file
    const b = await cli.create(draft({ name: 'B' }));
    await cli.recordTokenState(a.id, { lastVerify: { at: '2026-11-23T10:00:00.000Z', ok: true } });
    // The desktop store's cache is stale: its next write must build on the file, not on memory.
    await desktop.recordTokenState(a.id, { refreshTokenLastUsedAt: '2026-11-23T11:00:00.000Z' });
    const fresh = await createProfileStore({ file, secrets: kc.store }).list();
    expect(fresh.map((p) => p.name).sort()).toEqual(['A', 'B']);
    expect(fresh.find((p) => p.id === a.id)?.tokenState).toMatchObject({
      lastVerify: { ok: true },
      refreshTokenLastUsedAt: '2026-11-23T11:00:00.000Z',
    });
    expect((await desktop.list()).map((p) => p.id)).toContain(b.id);
  });

  it('stores a certificate key in the keychain and its thumbprints in the profile', async () => {
    const c = makeSelfSignedCert('CN=store-test');
    const store = createProfileStore({ file, secrets: kc.store });
    const p = await store.create(draft({ flow: 'app-only', credential: { kind: 'none' } }), {
      certificatePem: `${c.keyPem}${c.certPem}`,
    });
    expect(p.credential).toMatchObject({ kind: 'certificate', source: 'pem' });
    expect(await kc.store.get(secretKeys.certificateKey(p.id))).toMatch(/BEGIN PRIVATE KEY/);
    expect(await fs.readFile(file, 'utf8')).not.toContain('PRIVATE KEY');
  });

  it('removes every keychain entry of a deleted profile and only those', async () => {
    const store = createProfileStore({ file, secrets: kc.store });
    const a = await store.create(draft(), { clientSecret: 'secret-a-0000000001' });
    const b = await store.create(draft({ name: 'B' }), { clientSecret: 'secret-b-0000000001' });
    await kc.store.set(secretKeys.refreshToken(a.id), 'rt-a');
    await store.remove(a.id);
    expect((await kc.accounts()).filter((n) => n.startsWith(`profile/${a.id}/`))).toEqual([]);
    expect(await kc.store.get(secretKeys.clientSecret(b.id))).toBe('secret-b-0000000001');
    expect((await store.list()).map((p) => p.id)).toEqual([b.id]);
  });

  it('duplicates credentials but not tokens, updates and records token state', async () => {
    const store = createProfileStore({ file, secrets: kc.store });
    const a = await store.create(draft(), { clientSecret: 'secret-dup-000000001' });
    await kc.store.set(secretKeys.refreshToken(a.id), 'rt-dup');
    const copy = await store.duplicate(a.id);
    expect(copy.name).toBe('Contoso AEM (copy)');
    expect(await kc.store.get(secretKeys.clientSecret(copy.id))).toBe('secret-dup-000000001');
    expect(await kc.store.get(secretKeys.refreshToken(copy.id))).toBeNull();
    const upd = await store.update(a.id, draft({ name: 'Renamed' }));
    expect(upd).toMatchObject({ name: 'Renamed', createdAt: a.createdAt });
    const rec = await store.recordTokenState(a.id, {
      refreshTokenStoredAt: '2026-01-01T00:00:00.000Z',
      account: 'alice@contoso.com',
    });
    expect(rec.tokenState).toEqual({ refreshTokenStoredAt: '2026-01-01T00:00:00.000Z', account: 'alice@contoso.com' });
  });

  it('serialises concurrent writes: nothing is lost and no temp files remain', async () => {
    const store = createProfileStore({ file, secrets: kc.store });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.create(draft({ name: `P${i}`, credential: { kind: 'none' } }))),
    );
    expect(await createProfileStore({ file, secrets: kc.store }).list()).toHaveLength(20);
    // The file and its last good copy; no temp file, no lock left behind.
    expect((await fs.readdir(dir)).sort()).toEqual(['profiles.json', 'profiles.json.bak']);
  });

  it('deletes the token-cache entries earlier versions left, once, on the first change (issue 17.3)', async () => {
    const store = createProfileStore({ file, secrets: kc.store });
    const signedIn = await store.create(draft({ name: 'Signed in earlier', credential: { kind: 'none' } }));
    await store.recordTokenState(signedIn.id, { refreshTokenStoredAt: '2026-01-01T00:00:00.000Z' });
    // What an earlier version left: MSAL's whole cache, and a file without the marker.
    await kc.store.set(
      secretKeys.legacyTokenCache(signedIn.id),
      `{"AccessToken":{"a":{"secret":"${'t'.repeat(4000)}"}}}`,
    );
    const text = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
    delete text.migrations;
    await fs.writeFile(file, JSON.stringify(text));
    await createProfileStore({ file, secrets: kc.store }).create(
      draft({ name: 'Any change', credential: { kind: 'none' } }),
    );
    expect(await kc.store.get(secretKeys.legacyTokenCache(signedIn.id))).toBeNull();
    expect((await kc.accounts()).filter((a) => a.startsWith(`profile/${signedIn.id}/`))).toEqual([]);
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toMatchObject({ migrations: ['no-token-cache'] });
  });

  it('refuses to overwrite a damaged file', async () => {
    await fs.writeFile(file, '{"version":1,"profiles":[{"id":');
    const store = createProfileStore({ file, secrets: kc.store });
    await expect(store.list()).rejects.toMatchObject({ problem: { code: 'PROFILE_FILE_CORRUPT' } });
    await expect(store.create(draft({ credential: { kind: 'none' } }))).rejects.toMatchObject({
      problem: { code: 'PROFILE_FILE_CORRUPT' },
    });
    expect(await fs.readFile(file, 'utf8')).toBe('{"version":1,"profiles":[{"id":');
  });

  // How fast is measured by `npm run bench:profiles`, not here: a timed assertion flakes on a busy machine.
  it('lists 1,000 profiles from a cold start, in order, and again from its cache', async () => {
    const profiles = Array.from({ length: 1000 }, (_, i) => ({
      ...draft({ name: `Client ${i}`, credential: { kind: 'none' } }),
      id: `id-${i}`,
      tokenState: {},
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    }));
    await fs.writeFile(file, JSON.stringify({ version: 1, profiles }));
    const store = createProfileStore({ file, secrets: kc.store });
    const cold = await store.list();
    expect(cold).toHaveLength(1000);
    expect(cold.map((p) => p.name)).toEqual(profiles.map((p) => p.name));
    const warm = await store.list();
    expect(warm).toEqual(cold);
    // The list is a copy: a caller sorting it cannot reorder the store's cache.
    expect(warm).not.toBe(cold);
  });
});
