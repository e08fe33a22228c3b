import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { secretKeys } from '../../src/core/secrets/secret-keys';
import type { ProfileDraft } from '../../src/shared/profile';
import { cliSandbox, errorLines, type CliSandbox } from './cli-harness';

const sandboxes: CliSandbox[] = [];
async function computer(label: string): Promise<CliSandbox> {
  const s = await cliSandbox(label);
  sandboxes.push(s);
  return s;
}
afterAll(async () => {
  for (const s of sandboxes) await s.dispose();
});

const SECRET = 'Qq7~cli-bundle-secret-0000000000000001';
const REFRESH = '0.AXEA-cli-refresh-token-00000000000000000';
const PASS = 'four random words here';

const draft = (over: Partial<ProfileDraft> = {}): ProfileDraft => ({
  name: 'Fabrikam Onit',
  targetId: 'onit',
  flow: 'delegated',
  cloud: 'global',
  customAuthorityHost: '',
  tenant: 'fabrikam.com',
  clientId: 'aaaaaaaa-0000-4000-8000-000000000002',
  credential: { kind: 'secret' },
  redirectUri: 'http://localhost',
  scopes: ['https://outlook.office.com/SMTP.Send', 'offline_access'],
  mailbox: 'legal@fabrikam.com',
  fromAddress: 'legal@fabrikam.com',
  smtpHost: 'smtp.office365.com',
  smtpPort: 587,
  network: { proxyUrl: '', extraCaPem: '', timeoutMs: 30_000 },
  ...over,
});

describe('profiles export / profiles import between two computers', () => {
  it('moves profiles and their secrets through a passphrase-sealed file, and says what each import did', async () => {
    const a = await computer('export-a');
    const onit = await a.store.create(draft(), { clientSecret: SECRET });
    await a.secrets.set(secretKeys.refreshToken(onit.id), REFRESH);
    await a.store.recordTokenState(onit.id, {
      refreshTokenStoredAt: '2026-11-28T09:00:00.000Z',
      account: 'legal@fabrikam.com',
    });
    await a.store.create(draft({ name: 'Fabrikam second', mailbox: 'hr@fabrikam.com' }), { clientSecret: SECRET });
    const passFile = await a.writeList('pass.txt', `${PASS}\n`);
    const bundle = join(a.dataDir, 'fabrikam.json');

    const exported = await a.run([
      'profiles',
      'export',
      '--out',
      bundle,
      '--include-secrets',
      '--passphrase-file',
      passFile,
    ]);
    expect(errorLines(exported.stderr)).toEqual([]);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain(`Exported 2 profiles to ${bundle}`);
    const text = await readFile(bundle, 'utf8');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(REFRESH);
    // Asking again does not overwrite the file silently.
    const again = await a.run(['profiles', 'export', '--out', bundle]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists; choose another name or add --force/);

    const b = await computer('export-b');
    const wrong = await b.run(['profiles', 'import', bundle, '--json'], {
      SMTP_OAUTH_WIZARD_PASSPHRASE: 'not the passphrase',
    });
    expect(wrong.code).toBe(2);
    expect(JSON.parse(wrong.stdout).error.code).toBe('BUNDLE_PASSPHRASE_WRONG');
    expect(wrong.stderr).toMatch(/Passphrase: this is not the passphrase the bundle was saved with/);
    expect(await b.store.list()).toEqual([]);

    const dry = await b.run(['profiles', 'import', bundle, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/added\s+Fabrikam Onit: would be added/);
    expect(await b.store.list()).toEqual([]);

    const imported = await b.run(['profiles', 'import', bundle, '--json'], { SMTP_OAUTH_WIZARD_PASSPHRASE: PASS });
    expect(errorLines(imported.stderr)).toEqual([]);
    expect(imported.code).toBe(0);
    const out = JSON.parse(imported.stdout);
    expect(out).toMatchObject({ ok: true, encrypted: true, secretsImported: true });
    expect(out.results.map((r: { action: string }) => r.action)).toEqual(['added', 'added']);
    const listed = await b.run(['profiles', 'list', '--json']);
    const names = JSON.parse(listed.stdout).profiles.map((p: { name: string }) => p.name);
    expect(names).toEqual(['Fabrikam Onit', 'Fabrikam second']);
    expect(await b.secrets.get(secretKeys.clientSecret(onit.id))).toBe(SECRET);
    expect(await b.secrets.get(secretKeys.refreshToken(onit.id))).toBe(REFRESH);
    expect((await b.store.get(onit.id))?.tokenState.account).toBe('legal@fabrikam.com');

    // The second import of the same file finds them already here: skipped, B's changes kept.
    await b.store.update(onit.id, draft({ mailbox: 'changed-on-b@fabrikam.com' }));
    const twice = await b.run(['profiles', 'import', bundle, '--without-secrets']);
    expect(twice.code).toBe(0);
    expect(twice.stdout).toMatch(/skipped\s+Fabrikam Onit: Skipped: “Fabrikam Onit” is this profile, already here/);
    expect((await b.store.get(onit.id))?.mailbox).toBe('changed-on-b@fabrikam.com');
    const replaced = await b.run([
      'profiles',
      'import',
      bundle,
      '--existing',
      'replace',
      '--passphrase-file',
      passFile,
    ]);
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toMatch(/replaced\s+Fabrikam Onit: Replaced the settings and secrets of “Fabrikam Onit”/);
    expect((await b.store.get(onit.id))?.mailbox).toBe('legal@fabrikam.com');
  });

  it('exports only the named profiles, without secrets by default, and refuses a damaged bundle', async () => {
    const a = await computer('plain-a');
    await a.store.create(draft({ name: 'Keep here' }), { clientSecret: SECRET });
    const moving = await a.store.create(draft({ name: 'Move me' }), { clientSecret: SECRET });
    const bundle = join(a.dataDir, 'one.json');
    const exported = await a.run(['profiles', 'export', 'move me', '--out', bundle]);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/No secrets are in the file/);
    const text = await readFile(bundle, 'utf8');
    expect(text).not.toContain(SECRET);
    expect(JSON.parse(text).profiles.map((p: { id: string }) => p.id)).toEqual([moving.id]);

    const b = await computer('plain-b');
    await writeFile(join(b.dataDir, 'cut.json'), text.slice(0, 200));
    const cut = await b.run(['profiles', 'import', join(b.dataDir, 'cut.json')]);
    expect(cut.code).toBe(2);
    expect(cut.stderr).toMatch(/The profile bundle is damaged\. It is cut off/);
    const ok = await b.run(['profiles', 'import', bundle]);
    expect(ok.code).toBe(0);
    expect((await b.store.list()).map((p) => p.name)).toEqual(['Move me']);
    expect(await b.secrets.get(secretKeys.clientSecret(moving.id))).toBeNull();
  });

  it('without a passphrase and no terminal, says where to give one', async () => {
    const a = await computer('nopass');
    await a.store.create(draft(), { clientSecret: SECRET });
    const r = await a.run(['profiles', 'export', '--out', join(a.dataDir, 'x.json'), '--include-secrets']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /--include-secrets needs a passphrase: --passphrase-file FILE, the environment variable SMTP_OAUTH_WIZARD_PASSPHRASE/,
    );
    const weak = await a.run(['profiles', 'export', '--out', join(a.dataDir, 'x.json'), '--include-secrets'], {
      SMTP_OAUTH_WIZARD_PASSPHRASE: 'short',
    });
    expect(weak.code).toBe(2);
    expect(weak.stderr).toMatch(/Passphrase: use at least 12 characters/);
  });
});
