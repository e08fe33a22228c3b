import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireAppOnly } from '../../../src/core/oauth/app-only';
import { signInDelegated } from '../../../src/core/oauth/delegated';
import { redeemStoredRefreshToken } from '../../../src/core/oauth/raw-refresh';
import { createProfileStore } from '../../../src/core/profiles/profile-store';
import { secretKeys } from '../../../src/core/secrets/secret-keys';
import type { ProfileDraft } from '../../../src/shared/profile';
import { AEM_SECRET, DAEMON_APP, USERS } from '../../emulator/fixtures/ids';
import { useEmulatorWorld } from '../../support/emulator-world';
import { createPlaywrightLoginWindow, type PlaywrightLoginWindow } from '../../support/playwright-login-window';
import { emulatorProfile } from './emulator-profile';

/**
 * After a whole flow, no file the app wrote (profile store, temp files) and nothing it
 * printed (logs) holds a refresh token, an access token, the secret or the private key.
 */
let win: PlaywrightLoginWindow;
const { emu, keychain: kc, dir } = useEmulatorWorld('leak');
// The app's data folder and the temporary folder it is given, both inside the world's folder.
const appDir = path.join(dir, 'app');
const tmpDir = path.join(dir, 'tmp');
const oldTmp = process.env.TMPDIR;
const printed: string[] = [];
const originalWrites = {
  out: process.stdout.write.bind(process.stdout),
  err: process.stderr.write.bind(process.stderr),
};

beforeAll(async () => {
  win = await createPlaywrightLoginWindow(emu, { username: USERS.alice.upn, password: USERS.alice.password });
  await Promise.all([appDir, tmpDir].map((d) => fs.mkdir(d)));
});
afterAll(async () => {
  process.env.TMPDIR = oldTmp;
  await win?.close();
});

const strip = ({
  id: _i,
  createdAt: _c,
  updatedAt: _u,
  tokenState: _t,
  ...draft
}: ReturnType<typeof emulatorProfile>): ProfileDraft => draft;

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else out.push(p);
  }
  return out;
}

describe('no secret leaves the keychain', () => {
  it('a delegated sign-in, a raw refresh and an app-only token with a certificate leave no secret in files or output', async () => {
    // Everything the app might write to temp goes to a directory we can read back.
    process.env.TMPDIR = tmpDir;
    const capture = (chunk: string | Uint8Array) => {
      printed.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    };
    process.stdout.write = capture as typeof process.stdout.write;
    process.stderr.write = capture as typeof process.stderr.write;
    const secrets: string[] = [AEM_SECRET];
    try {
      const store = createProfileStore({ file: path.join(appDir, 'profiles.json'), secrets: kc.store });
      const delegated = await store.create(strip(emulatorProfile(emu)), { clientSecret: AEM_SECRET });
      const signedIn = await signInDelegated(delegated, {
        secrets: kc.store,
        profiles: store,
        loginWindow: win,
        timeoutMs: 20_000,
        now: () => emu.clock.now(),
      });
      secrets.push(signedIn.accessToken, (await kc.store.get(secretKeys.refreshToken(delegated.id))) ?? 'missing-rt');
      const refreshed = await redeemStoredRefreshToken((await store.get(delegated.id)) ?? delegated, {
        secrets: kc.store,
        profiles: store,
        now: () => emu.clock.now(),
      });
      secrets.push(refreshed.accessToken, (await kc.store.get(secretKeys.refreshToken(delegated.id))) ?? 'missing-rt');

      const c = emu.certificates.app2;
      const daemon = await store.create(
        strip(
          emulatorProfile(emu, {
            flow: 'app-only',
            clientId: DAEMON_APP,
            credential: { kind: 'none' },
            scopes: ['https://outlook.office365.com/.default'],
          }),
        ),
        { pfxBase64: c.pfxBase64, pfxPassword: c.pfxPassword },
      );
      const appToken = await acquireAppOnly(daemon, { secrets: kc.store, profiles: store, now: () => emu.clock.now() });
      const keyPem = (await kc.store.get(secretKeys.certificateKey(daemon.id))) ?? 'missing-key';
      // Any 64-character line of the key's base64 body is enough to recognise it.
      const keyLines = keyPem.split('\n').filter((l) => l.length >= 40 && !l.startsWith('-----'));
      secrets.push(appToken.accessToken, ...keyLines, c.pfxPassword);
    } finally {
      process.stdout.write = originalWrites.out;
      process.stderr.write = originalWrites.err;
      process.env.TMPDIR = oldTmp;
    }

    expect(secrets.every((s) => s.length >= 8 && !s.startsWith('missing'))).toBe(true);
    const files = [...(await filesUnder(appDir)), ...(await filesUnder(tmpDir))];
    expect(files.map((f) => path.basename(f))).toContain('profiles.json');
    const haystacks = [...(await Promise.all(files.map((f) => fs.readFile(f, 'utf8')))), printed.join('')];
    const leaks = secrets.filter((s) => haystacks.some((h) => h.includes(s)));
    expect(leaks).toEqual([]);
    // The profile file still says what is known without holding it.
    const profileFile = JSON.parse(await fs.readFile(path.join(appDir, 'profiles.json'), 'utf8')) as {
      profiles: { tokenState: Record<string, string> }[];
    };
    expect(profileFile.profiles[0]?.tokenState.refreshTokenStoredAt).toBeTruthy();
  });
});
