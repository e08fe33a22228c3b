import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { PROFILE_RULES_REVISION } from '../../../src/core/profiles/checked-stamp';
import { emptyDoc, parseProfileFile, serialiseProfileFile } from '../../../src/core/profiles/profile-file';
import { createProfileStore } from '../../../src/core/profiles/profile-store';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store';
import { profileSchema, type Profile } from '../../../src/shared/profile';
import { makeProfile } from '../smtp/fixtures';

// Profiles of every shape the file holds: delegated and app-only, certificate, proxy, extra CA,
// a token state with a failed check, non-ASCII text.
const variety = (): Profile[] => [
  makeProfile({ id: 'a', name: 'Contoso alerts' }),
  makeProfile({
    id: 'b',
    name: 'Fabrikam – Zürich “mail” 📧',
    flow: 'app-only',
    targetId: 'app-only',
    credential: {
      kind: 'certificate',
      source: 'pem',
      thumbprintSha1: 'AB'.repeat(20),
      thumbprintSha256: 'CD'.repeat(32),
      subject: 'CN=Fabrikam mailer',
      notAfter: '2027-12-01T00:00:00.000Z',
    },
    network: {
      proxyUrl: 'http://proxy.corp.example:8080',
      extraCaPem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
      timeoutMs: 15_000,
    },
    tokenState: {
      lastVerify: { ok: false, at: '2026-12-01T10:00:00.000Z', code: 'SMTP_AUTH_DISABLED' },
      refreshTokenStoredAt: '2026-12-01T09:00:00.000Z',
    },
  }),
  makeProfile({ id: 'c', name: 'Third', scopes: ['https://outlook.office.com/SMTP.Send', 'offline_access'] }),
];

describe('the profile file\'s "checked" stamp', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sow-stamp-'));
    file = path.join(dir, 'profiles.json');
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it('a file the app wrote reads back to exactly what validating every entry gives, without validating', () => {
    const text = serialiseProfileFile(emptyDoc(), variety());
    expect(text.startsWith(`{\n "checked": "${PROFILE_RULES_REVISION}:`)).toBe(true);
    expect(JSON.parse(text)).toMatchObject({ version: 1 });
    const slow = parseProfileFile(text, file, { revalidate: true });
    const spy = vi.spyOn(profileSchema, 'safeParse');
    try {
      const fast = parseProfileFile(text, file);
      expect(spy).not.toHaveBeenCalled();
      expect(fast).toEqual(slow);
      expect(fast.profiles).toEqual(variety());
      expect(fast.extras).toEqual({});
    } finally {
      spy.mockRestore();
    }
  });

  it('a hand edit behind the stamp is validated again: a 10 MB name and a javascript: proxy are refused', () => {
    const text = serialiseProfileFile(emptyDoc(), variety());
    const edited = text
      .replace('"Contoso alerts"', JSON.stringify('x'.repeat(10 * 1024 * 1024)))
      .replace('http://proxy.corp.example:8080', 'javascript:alert(1)');
    const doc = parseProfileFile(edited, file);
    expect(doc.profiles.map((p) => p.id)).toEqual(['c']);
    expect(doc.unreadable).toHaveLength(2);
    expect(doc.unreadable.map((u) => u.reason).join(' ')).toMatch(/name/i);
  });

  it('a stamp from other rules, or a damaged one, means validating every entry', () => {
    const text = serialiseProfileFile(emptyDoc(), variety()).replace('"name": "Third"', '"name": ""');
    for (const stamp of [`${PROFILE_RULES_REVISION + 1}:`, '0:', 'x']) {
      const other = text.replace(`"checked": "${PROFILE_RULES_REVISION}:`, `"checked": "${stamp}`);
      const doc = parseProfileFile(other, file);
      expect(doc.profiles.map((p) => p.id)).toEqual(['a', 'b']);
      expect(doc.unreadable).toHaveLength(1);
    }
  });

  it('a file with fields of a newer version or unreadable entries is written unstamped, and they survive', async () => {
    const [first, second] = variety() as [Profile, Profile];
    await fs.writeFile(
      file,
      JSON.stringify({ version: 1, profiles: [{ ...first, fromNewer: { x: 1 } }, { id: 'broken' }, second] }),
    );
    const store = createProfileStore({ file, secrets: new MemorySecretStore() });
    const { id: _i, createdAt: _c, updatedAt: _u, tokenState: _t, ...draft } = second;
    await store.update(second.id, { ...draft, name: 'Renamed' });
    const text = await fs.readFile(file, 'utf8');
    expect(text.startsWith('{\n "checked"')).toBe(false);
    const raw = JSON.parse(text) as { profiles: Record<string, unknown>[] };
    expect(raw.profiles.map((p) => p.id)).toEqual(['a', 'b', 'broken']);
    expect(raw.profiles[0]?.fromNewer).toEqual({ x: 1 });
  });

  it('the store stamps what it writes, and a second store reads it back through the stamp', async () => {
    const store = createProfileStore({ file, secrets: new MemorySecretStore() });
    const { id: _i, createdAt: _c, updatedAt: _u, tokenState: _t, ...draft } = makeProfile();
    const made = await store.create(draft);
    await store.recordTokenState(made.id, { lastVerify: { ok: true, at: '2026-12-02T00:00:00.000Z' } });
    const text = await fs.readFile(file, 'utf8');
    expect(text.startsWith('{\n "checked"')).toBe(true);
    const spy = vi.spyOn(profileSchema, 'safeParse');
    try {
      const again = await createProfileStore({ file, secrets: new MemorySecretStore() }).get(made.id);
      expect(spy).not.toHaveBeenCalled();
      expect(again?.tokenState.lastVerify?.ok).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });

  it('the rules revision is bumped whenever what profileSchema accepts changes', async () => {
    // Recorded per revision. When this fails: bump PROFILE_RULES_REVISION in
    // src/core/profiles/checked-stamp.ts and record the new fingerprint here, so files checked
    // under the old rules are validated again. (Checks inside refinements count as changes too.)
    // The JSON Schema holds the shape and bounds; the checks in refinements live in these files.
    // 2: the registration record's appRbac (issue 15).
    const recorded: Record<number, string> = { 1: '442678e9b7f3f14f', 2: '76c04ebed5234de7' };
    const hash = createHash('sha256').update(
      JSON.stringify(z.toJSONSchema(profileSchema, { unrepresentable: 'any', io: 'input' })),
    );
    for (const f of ['src/shared/field-bounds.ts', 'src/shared/proxy-address.ts'])
      hash.update(await fs.readFile(path.join(__dirname, '../../..', f), 'utf8'));
    const fingerprint = hash.digest('hex').slice(0, 16);
    expect(fingerprint).toBe(recorded[PROFILE_RULES_REVISION]);
  });
});
