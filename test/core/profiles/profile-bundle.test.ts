import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_KDF, digestOf } from '../../../src/core/profiles/bundle-crypto';
import { bundleAad } from '../../../src/shared/profile-bundle';
import { readBundle } from '../../../src/core/profiles/bundle-read';
import { planImport } from '../../../src/core/profiles/import-plan';
import { exportBundle } from '../../../src/core/profiles/profile-export';
import { importBundle } from '../../../src/core/profiles/profile-import';
import { createProfileStore, type ProfileStore } from '../../../src/core/profiles/profile-store';
import { isProblemError } from '../../../src/core/problem-error';
import { secretKeys } from '../../../src/core/secrets/secret-keys';
import type { SecretStore } from '../../../src/core/secrets/secret-store';
import type { ProfileDraft } from '../../../src/shared/profile';
import { testKeychain } from '../../support/keychain';
import { makeSelfSignedCert } from '../../support/test-tls';

/** One computer: its own data folder and its own keychain service. */
interface Machine {
  readonly dir: string;
  readonly secrets: SecretStore;
  readonly profiles: ProfileStore;
  wipe(): Promise<void>;
}

const machines: Machine[] = [];
async function machine(label: string): Promise<Machine> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `sow-bundle-${label}-`));
  const kc = testKeychain(`bundle-${label}`);
  const m = {
    dir,
    secrets: kc.store,
    profiles: createProfileStore({ file: path.join(dir, 'profiles.json'), secrets: kc.store }),
    wipe: async () => {
      await kc.wipe();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
  machines.push(m);
  return m;
}
afterAll(async () => {
  for (const m of machines) await m.wipe();
});

/** Fast key derivation for the error cases; the round trip uses the real default. */
const QUICK = { N: 2 ** 14, r: 8, p: 1 };
const PASS = 'correct horse battery staple';
const SECRET = 'Xy8Q~bundle-secret-value-000000000001';
const REFRESH = '0.AXEA-refresh-token-of-alice-0000000000000000';
const PROXY_PW = 'pr0xy-p@ss';

const draft = (over: Partial<ProfileDraft> = {}): ProfileDraft => ({
  name: 'Contoso AEM',
  targetId: 'aem',
  flow: 'delegated',
  cloud: 'global',
  customAuthorityHost: '',
  tenant: 'contoso.com',
  clientId: 'aaaaaaaa-0000-4000-8000-000000000001',
  credential: { kind: 'secret', secretId: '11111111-2222-4333-8444-555555555555', expiresOn: '2027-06-01' },
  redirectUri: 'http://localhost',
  scopes: ['https://outlook.office.com/SMTP.Send', 'offline_access'],
  mailbox: 'alice@contoso.com',
  fromAddress: 'alice@contoso.com',
  smtpHost: 'smtp.office365.com',
  smtpPort: 587,
  network: { proxyUrl: `http://carol:${PROXY_PW}@proxy.contoso.test:8080`, extraCaPem: '', timeoutMs: 30_000 },
  ...over,
});

/** Machine A with a delegated profile (secret, proxy password, refresh token) and an app-only certificate one. */
async function laptopA(label: string) {
  const a = await machine(label);
  const delegated = await a.profiles.create(draft(), { clientSecret: SECRET });
  await a.secrets.set(secretKeys.refreshToken(delegated.id), REFRESH);
  await a.profiles.recordTokenState(delegated.id, {
    refreshTokenStoredAt: '2026-11-20T10:00:00.000Z',
    refreshTokenLastUsedAt: '2026-11-25T10:00:00.000Z',
    account: 'alice@contoso.com',
    lastVerify: { at: '2026-11-25T10:00:00.000Z', ok: true },
  });
  const cert = makeSelfSignedCert('CN=bundle-daemon');
  const daemon = await a.profiles.create(
    draft({
      name: 'Contoso daemon',
      targetId: 'app-only',
      flow: 'app-only',
      credential: { kind: 'none' },
      scopes: ['https://outlook.office365.com/.default'],
      network: { proxyUrl: '', extraCaPem: '', timeoutMs: 30_000 },
    }),
    { certificatePem: `${cert.keyPem}${cert.certPem}` },
  );
  return { a, delegated, daemon, cert };
}

async function problemOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (isProblemError(e)) return e.problem;
    throw e;
  }
  throw new Error('expected a problem');
}

describe('profile bundles between two computers', () => {
  it('moves profiles with their secrets through a sealed file into the other keychain', async () => {
    const { a, delegated, daemon } = await laptopA('round-a');
    const file = path.join(a.dir, 'to-new-laptop.json');
    await fs.writeFile(
      file,
      await exportBundle(await a.profiles.list(), a.secrets, {
        includeSecrets: true,
        passphrase: PASS,
        exportedBy: 'test',
      }),
    );
    const text = await fs.readFile(file, 'utf8');
    // Nothing secret is readable in the file; the key derivation is the real one.
    for (const s of [SECRET, REFRESH, PROXY_PW, 'PRIVATE KEY']) expect(text).not.toContain(s);
    expect(JSON.parse(text).secrets.kdf).toMatchObject({ name: 'scrypt', N: DEFAULT_KDF.N, r: 8, p: 1 });

    const b = await machine('round-b');
    const bundle = readBundle(await fs.readFile(file, 'utf8'), 'to-new-laptop.json');
    expect(bundle.encrypted).toBe(true);
    const outcome = await importBundle(b, bundle, { fileName: 'x', choices: {}, passphrase: PASS });
    expect(outcome.results.map((r) => r.action)).toEqual(['added', 'added']);
    expect(outcome.secretsImported).toBe(true);

    const [d2, c2] = await b.profiles.list();
    expect(d2?.id).toBe(delegated.id);
    expect(d2).toMatchObject({ name: 'Contoso AEM', tenant: 'contoso.com', credential: delegated.credential });
    expect(d2?.network.proxyUrl).toBe('http://carol@proxy.contoso.test:8080');
    expect(d2?.tokenState).toEqual({
      refreshTokenStoredAt: '2026-11-20T10:00:00.000Z',
      refreshTokenLastUsedAt: '2026-11-25T10:00:00.000Z',
      account: 'alice@contoso.com',
    });
    expect(await b.secrets.get(secretKeys.clientSecret(delegated.id))).toBe(SECRET);
    expect(await b.secrets.get(secretKeys.refreshToken(delegated.id))).toBe(REFRESH);
    expect(await b.secrets.get(secretKeys.proxyPassword(delegated.id))).toBe(PROXY_PW);
    expect(c2?.credential).toMatchObject({
      kind: 'certificate',
      thumbprintSha1: (daemon.credential as { thumbprintSha1: string }).thumbprintSha1,
    });
    expect(await b.secrets.get(secretKeys.certificateKey(daemon.id))).toBe(
      await a.secrets.get(secretKeys.certificateKey(daemon.id)),
    );
    // Nothing of B's profile file holds a secret either.
    const bFile = await fs.readFile(path.join(b.dir, 'profiles.json'), 'utf8');
    for (const s of [SECRET, REFRESH, PROXY_PW]) expect(bFile).not.toContain(s);
  });

  it('without secrets writes none and the imported profiles ask for them again', async () => {
    const { a, delegated } = await laptopA('plain-a');
    const text = await exportBundle(await a.profiles.list(), a.secrets, { includeSecrets: false, exportedBy: 'test' });
    for (const s of [SECRET, REFRESH, PROXY_PW, 'PRIVATE KEY']) expect(text).not.toContain(s);
    expect(JSON.parse(text).secrets).toBeUndefined();
    const b = await machine('plain-b');
    const outcome = await importBundle(b, readBundle(text, 'f.json'), { fileName: 'f.json', choices: {} });
    expect(outcome.secretsImported).toBe(false);
    const got = await b.profiles.get(delegated.id);
    expect(got?.tokenState).toEqual({});
    expect(got?.credential.kind).toBe('secret');
    expect(await b.secrets.get(secretKeys.clientSecret(delegated.id))).toBeNull();
    expect(await b.secrets.get(secretKeys.refreshToken(delegated.id))).toBeNull();
  });

  it('says which it is: wrong passphrase, damaged file, newer version, not a bundle; nothing is imported', async () => {
    const { a } = await laptopA('errors-a');
    const text = await exportBundle(await a.profiles.list(), a.secrets, {
      includeSecrets: true,
      passphrase: PASS,
      exportedBy: 'test',
      kdf: QUICK,
    });
    const b = await machine('errors-b');
    const importText = async (t: string, passphrase = PASS) =>
      importBundle(b, readBundle(t, 'f.json'), { fileName: 'f.json', choices: {}, passphrase });

    const wrong = await problemOf(importText(text, 'correct horse battery stapler'));
    expect(wrong).toMatchObject({ code: 'BUNDLE_PASSPHRASE_WRONG', field: 'passphrase' });
    expect(wrong.title).toMatch(/^Passphrase:/);

    const json = JSON.parse(text);
    const flipped = { ...json, secrets: { ...json.secrets, data: `A${json.secrets.data.slice(1)}` } };
    expect(await problemOf(importText(JSON.stringify(flipped)))).toMatchObject({ code: 'BUNDLE_DAMAGED' });
    expect(await problemOf(importText(text.slice(0, text.length / 2)))).toMatchObject({ code: 'BUNDLE_DAMAGED' });
    // Someone changes a mailbox in the readable part: the seal notices, even with a recomputed checksum.
    const edited = JSON.parse(text.replaceAll('alice@contoso.com', 'mallory@contoso.com'));
    expect((await problemOf(importText(JSON.stringify(edited)))).explanation).toMatch(/checksum/);
    const { digest: _d, ...seal } = edited.secrets;
    edited.secrets.digest = digestOf(seal, bundleAad(edited.version, edited.profiles));
    const forged = await problemOf(importText(JSON.stringify(edited)));
    expect(forged).toMatchObject({ code: 'BUNDLE_DAMAGED', explanation: expect.stringMatching(/changed after/) });
    // A hostile work factor is refused before any memory is spent on it.
    const greedy = { ...json, secrets: { ...json.secrets, kdf: { ...json.secrets.kdf, N: 2 ** 30 } } };
    expect((await problemOf(importText(JSON.stringify(greedy)))).code).toBe('BUNDLE_DAMAGED');

    expect(await problemOf(importText(JSON.stringify({ ...json, version: 7 })))).toMatchObject({
      code: 'BUNDLE_NEWER_VERSION',
    });
    expect(await problemOf(importText('name,mailbox\nx,y@contoso.com\n'))).toMatchObject({
      code: 'BUNDLE_NOT_A_BUNDLE',
      field: 'file',
    });
    expect(await problemOf(importText(text, ''))).toMatchObject({ code: 'BUNDLE_PASSPHRASE_NEEDED' });
    expect(await b.profiles.list()).toEqual([]);

    // The same bundle with the right passphrase, typed in another Unicode normal form, works.
    const accents = await exportBundle(await a.profiles.list(), a.secrets, {
      includeSecrets: true,
      passphrase: 'crème brûlée à la carte',
      exportedBy: 'test',
      kdf: QUICK,
    });
    const ok = await importText(accents, 'crème brûlée à la carte'.normalize('NFD'));
    expect(ok.results.map((r) => r.action)).toEqual(['added', 'added']);
  });

  it('refuses a short passphrase at export, naming the field', async () => {
    const a = await machine('weak');
    expect(
      await problemOf(exportBundle([], a.secrets, { includeSecrets: true, passphrase: 'short', exportedBy: 'test' })),
    ).toMatchObject({ code: 'BUNDLE_PASSPHRASE_WEAK', field: 'passphrase' });
  });

  it('never overwrites silently: the same profile is skipped, replaced only when chosen, a same-named one is renamed', async () => {
    const { a, delegated } = await laptopA('clash-a');
    const text = await exportBundle(await a.profiles.list(), a.secrets, {
      includeSecrets: true,
      passphrase: PASS,
      exportedBy: 'test',
      kdf: QUICK,
    });
    const b = await machine('clash-b');
    await importBundle(b, readBundle(text, 'f'), { fileName: 'f', choices: {}, passphrase: PASS });
    // B changes its copy, and has another, unrelated profile called "Contoso daemon".
    await b.profiles.update(delegated.id, { ...draft(), mailbox: 'bob@contoso.com' });
    await b.secrets.set(secretKeys.clientSecret(delegated.id), 'B-own-secret-value-0000000000000001');
    const again = readBundle(text, 'f');
    const plan = planImport(again, await b.profiles.list(), 'f');
    expect(plan.items.map((i) => [i.clash.kind, i.defaultAction])).toEqual([
      ['same-id', 'skip'],
      ['same-id', 'skip'],
    ]);

    const skipped = await importBundle(b, again, { fileName: 'f', choices: {}, passphrase: PASS });
    expect(skipped.results.map((r) => r.action)).toEqual(['skipped', 'skipped']);
    expect(skipped.results[0]?.note).toMatch(/already here/);
    expect((await b.profiles.get(delegated.id))?.mailbox).toBe('bob@contoso.com');
    expect(await b.secrets.get(secretKeys.clientSecret(delegated.id))).toBe('B-own-secret-value-0000000000000001');

    const replaced = await importBundle(b, again, { fileName: 'f', choices: { '0': 'replace' }, passphrase: PASS });
    expect(replaced.results.map((r) => r.action)).toEqual(['replaced', 'skipped']);
    expect((await b.profiles.get(delegated.id))?.mailbox).toBe('alice@contoso.com');
    expect(await b.secrets.get(secretKeys.clientSecret(delegated.id))).toBe(SECRET);

    // A third computer with its own "Contoso AEM" (another id): the import is added beside it, renamed.
    const c = await machine('clash-c');
    const own = await c.profiles.create(draft({ network: { proxyUrl: '', extraCaPem: '', timeoutMs: 30_000 } }));
    const added = await importBundle(c, readBundle(text, 'f'), { fileName: 'f', choices: {}, withoutSecrets: true });
    expect(added.results[0]).toMatchObject({
      action: 'added',
      note: expect.stringMatching(/Contoso AEM \(imported\)/),
    });
    expect((await c.profiles.list()).map((p) => p.name).sort()).toEqual([
      'Contoso AEM',
      'Contoso AEM (imported)',
      'Contoso daemon',
    ]);
    expect((await c.profiles.get(own.id))?.name).toBe('Contoso AEM');
  });

  it('imports the readable profiles of a bundle with one bad entry and names the bad one', async () => {
    const { a } = await laptopA('bad-entry-a');
    const json = JSON.parse(
      await exportBundle(await a.profiles.list(), a.secrets, { includeSecrets: false, exportedBy: 't' }),
    );
    json.profiles[0].smtpPort = 'five-eight-seven';
    const b = await machine('bad-entry-b');
    const outcome = await importBundle(b, readBundle(JSON.stringify(json), 'f'), { fileName: 'f', choices: {} });
    expect(outcome.results.map((r) => r.action)).toEqual(['failed', 'added']);
    expect(outcome.results[0]?.note).toMatch(/smtpPort/);
    expect((await b.profiles.list()).map((p) => p.name)).toEqual(['Contoso daemon']);
  });
});
