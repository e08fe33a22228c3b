// npm run bench:keychain — the keychain work a step needs, and whether it grows with the
// number of profiles (issues 11.1, 17.8, 17.13). Every row is a ratio to a baseline measured
// in this run; the last line is one JSON object `{ rows }` for `npm run bench`.
//   1. keychain calls of one warm refresh, against the minimum (read secret and refresh token,
//      write the rotated one: 3);
//   2. `profiles list`, `token` (the real CLI bundle, as child processes) and the start screen's
//      first calls (app:info + profiles:list through the handler map) with 1, 300 and 1,000
//      profiles and their secrets in the keychain, as ratios to the 1-profile case, the
//      in-process ones beside the bare work that grows with N whoever does it (one keychain
//      lookup, reading the file);
//   3. one profile save at 10,000 profiles, against a bare atomic write of the same bytes.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, measure } from '../../../scripts/bench-process';
import { openDataStores } from '../../../src/core/profiles/data-stores';
import { profilesFileIn } from '../../../src/core/profiles/default-location';
import { emptyDoc, serialiseProfileFile } from '../../../src/core/profiles/profile-file';
import { createProfileStore } from '../../../src/core/profiles/profile-store';
import { signInDelegated } from '../../../src/core/oauth/delegated';
import { redeemStoredRefreshToken } from '../../../src/core/oauth/raw-refresh';
import { httpClientFor } from '../../../src/core/oauth/msal-app';
import { ChunkedSecretStore } from '../../../src/core/secrets/chunked-secret-store';
import { keytarBackend } from '../../../src/core/secrets/keytar-backend';
import { createKeytarSecretStore } from '../../../src/core/secrets/keytar-secret-store';
import { secretKeys } from '../../../src/core/secrets/secret-keys';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store';
import { createHandlers } from '../../../src/main/handlers';
import { dispatch } from '../../../src/main/ipc/dispatch';
import type { Profile } from '../../../src/shared/profile';
import { startEmulator, type Emulator } from '../../emulator';
import { AEM_SECRET, DAEMON_SECRET, USERS } from '../../emulator/fixtures/ids';
import { signInOverHttp } from '../../emulator/sign-in-driver';
import { daemonDraft } from '../../cli/bulk-world';
import { createBrowserTestPorts } from '../../support/browser-ports';
import { keychainInspector } from '../../support/keychain';
import { recording } from '../../support/recording-backend';
import { emulatorProfile } from '../oauth/emulator-profile';
import { makeProfile } from '../smtp/fixtures';

type Row = [string, string, string];
const CLI = 'out/cli/index.cjs';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const say = (text: string) => console.error(text);

async function refreshCallsRow(emu: Emulator): Promise<Row> {
  const service = `smtp-oauth-wizard-bench-calls-${randomBytes(4).toString('hex')}`;
  const backend = recording(keytarBackend(service));
  const secrets = new ChunkedSecretStore(backend);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sow-bench-calls-'));
  try {
    const profiles = createProfileStore({ file: profilesFileIn(dir), secrets });
    const { id: _i, createdAt: _c, updatedAt: _u, tokenState: _t, ...draft } = emulatorProfile(emu);
    const profile = await profiles.create(draft, { clientSecret: AEM_SECRET });
    await signInDelegated(profile, {
      secrets,
      profiles,
      now: () => emu.clock.now(),
      loginWindow: {
        open: async ({ url }) => {
          const end = await signInOverHttp(url, emu.caPem, { upn: USERS.alice.upn, password: USERS.alice.password });
          if (end.kind !== 'redirect') throw new Error(`sign-in ended on ${end.kind}`);
          return end.location;
        },
      },
    });
    const http = httpClientFor(profile);
    const refresh = () => redeemStoredRefreshToken(profile, { secrets, profiles, http, now: () => emu.clock.now() });
    await refresh(); // warm
    // A fresh store, as in a new CLI process: nothing known about the entries yet.
    backend.calls.length = 0;
    await refresh();
    const warmCalls = [...backend.calls];
    const warm = warmCalls.length;
    const fresh = new ChunkedSecretStore(backend);
    backend.calls.length = 0;
    await redeemStoredRefreshToken(profile, { secrets: fresh, profiles, http, now: () => emu.clock.now() });
    const cold = backend.calls.length;
    http.close();
    say(`  refresh: ${warm} keychain calls (${warmCalls.join(', ')}); first refresh of a process: ${cold}`);
    return [
      'Refresh keychain calls per refresh (count)',
      `${warm} calls, ratio ${(warm / 3).toFixed(2)} to the minimum of 3`,
      `read secret + refresh token, write the rotated token; a new process's first refresh: ${cold}`,
    ];
  } finally {
    await keychainInspector(service).wipe();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** `count` app-only profiles in a data folder, each with its client secret in the keychain. */
async function world(emu: Emulator, count: number): Promise<{ dataDir: string; service: string; first: Profile }> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `sow-bench-scale-${count}-`));
  const service = `smtp-oauth-wizard-bench-scale-${randomBytes(4).toString('hex')}`;
  const at = new Date().toISOString();
  const profiles: Profile[] = Array.from({ length: count }, (_, i) => ({
    ...daemonDraft(emu, { name: `Client ${i}` }),
    id: `bench-${i}`,
    tokenState: {},
    createdAt: at,
    updatedAt: at,
  }));
  // Written as the app writes it (stamped as checked), which is what a user's file is.
  await fs.writeFile(profilesFileIn(dataDir), serialiseProfileFile(emptyDoc(), profiles));
  const secrets = createKeytarSecretStore(service);
  for (const p of profiles) await secrets.set(secretKeys.clientSecret(p.id), DAEMON_SECRET);
  return { dataDir, service, first: profiles[0] as Profile };
}

async function scaleRows(emu: Emulator): Promise<Row[]> {
  const sizes = [1, 300, 1000];
  const results: Record<string, number[]> = { list: [], token: [], info: [], start: [], lookup: [], read: [] };
  for (const n of sizes) {
    say(`  ${n} profiles: filling the keychain ...`);
    const w = await world(emu, n);
    const env = { ...process.env, SMTP_OAUTH_WIZARD_HOME: w.dataDir, SMTP_OAUTH_WIZARD_KEYCHAIN_SERVICE: w.service };
    try {
      const timeCli = async (args: string[]) => {
        const times: number[] = [];
        for (let r = 0; r < RUNS; r++) {
          const m = await measure(process.execPath, [CLI, ...args], env);
          if (m.code !== 0) throw new Error(`${args.join(' ')} exited ${m.code}: ${m.stderr}`);
          times.push(m.wallMs);
        }
        return median(times);
      };
      results.list?.push(await timeCli(['profiles', 'list', '--json']));
      results.token?.push(await timeCli(['token', w.first.id, '--json']));
      // What grows without us, measured in the same runs on the same world: one bare keychain
      // lookup (gnome-keyring's own search) and reading the N-profile file's bytes as JSON.
      const bare = keytarBackend(w.service);
      const infos: number[] = [];
      const lists: number[] = [];
      const lookups: number[] = [];
      const reads: number[] = [];
      for (let r = 0; r < RUNS; r++) {
        // A fresh app: new stores, nothing cached, the two calls the start screen makes first.
        const stores = openDataStores({ dataDir: w.dataDir, service: w.service });
        const ports = {
          ...createBrowserTestPorts({ secrets: stores.secrets, profilesFile: stores.file }),
          profiles: stores.profiles,
        };
        const handlers = createHandlers(ports);
        const ctx = { signal: new AbortController().signal, progress: () => undefined };
        let t0 = performance.now();
        if ((await bare.get(secretKeys.clientSecret(w.first.id))) === null)
          throw new Error('bare lookup found nothing');
        lookups.push(performance.now() - t0);
        t0 = performance.now();
        const info = await dispatch(handlers, 'app:info', undefined, ctx);
        infos.push(performance.now() - t0);
        t0 = performance.now();
        JSON.parse(await fs.readFile(profilesFileIn(w.dataDir), 'utf8'));
        reads.push(performance.now() - t0);
        t0 = performance.now();
        const list = await dispatch(handlers, 'profiles:list', undefined, ctx);
        lists.push(performance.now() - t0);
        if (!info.ok || !list.ok || (list.value as unknown[]).length !== n)
          throw new Error('start screen calls failed');
      }
      results.info?.push(median(infos));
      results.start?.push(median(lists));
      results.lookup?.push(median(lookups));
      results.read?.push(median(reads));
      say(
        `  ${n} profiles: list ${results.list?.at(-1)?.toFixed(0)} ms, token ${results.token?.at(-1)?.toFixed(0)} ms, app:info ${results.info?.at(-1)?.toFixed(1)} ms, profiles:list ${results.start?.at(-1)?.toFixed(1)} ms`,
      );
    } finally {
      await keychainInspector(w.service).wipe();
      await fs.rm(w.dataDir, { recursive: true, force: true });
    }
  }
  const label = {
    list: '`profiles list`',
    token: '`token` (app-only)',
    info: 'Start screen first call `app:info` (keychain status)',
    start: 'Start screen `profiles:list` (reads the N-profile file)',
  };
  // The in-process calls are a few ms: set beside the bare work that grows at the same sizes.
  const beside: Partial<Record<keyof typeof label, { key: string; what: string }>> = {
    info: { key: 'lookup', what: 'one bare keytar lookup' },
    start: { key: 'read', what: 'a bare read + JSON.parse of the file' },
  };
  const ms = (xs: readonly number[] | undefined) => (xs ?? []).map((x) => x.toFixed(1)).join(' / ');
  return (Object.keys(label) as (keyof typeof label)[]).map((k) => {
    const [one, three, thousand] = results[k] ?? [];
    const ratio = (x?: number) => ((x ?? Number.NaN) / (one ?? Number.NaN)).toFixed(2);
    const b = beside[k];
    return [
      `${label[k]} with 300 / 1,000 profiles in the keychain`,
      `ratio ${ratio(three)} / ${ratio(thousand)} to 1 profile`,
      `median of ${RUNS}: ${ms(results[k])} ms for 1 / 300 / 1,000${b ? `; ${b.what}: ${ms(results[b.key])} ms` : ''}`,
    ] as Row;
  });
}

async function saveRow(): Promise<Row> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sow-bench-save-'));
  try {
    const file = profilesFileIn(dir);
    const all = Array.from({ length: 10_000 }, (_, i) => makeProfile({ id: `id-${i}`, name: `Client ${i}` }));
    await fs.writeFile(file, JSON.stringify({ version: 1, profiles: all }));
    const store = createProfileStore({ file, secrets: new MemorySecretStore() });
    await store.list();
    const { id: _i, createdAt: _c, updatedAt: _u, tokenState: _t, ...draft } = all[5000] as Profile;
    const ours: number[] = [];
    const bare: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      let t0 = performance.now();
      await store.update('id-5000', { ...draft, name: `Renamed ${r}` });
      ours.push(performance.now() - t0);
      // The same bytes written atomically by hand: temp file, fsync, rename, fsync the folder.
      const text = await fs.readFile(file, 'utf8');
      t0 = performance.now();
      const tmp = path.join(dir, 'bare.tmp');
      const h = await fs.open(tmp, 'w');
      await h.writeFile(text);
      await h.sync();
      await h.close();
      await fs.rename(tmp, path.join(dir, 'bare.json'));
      const d = await fs.open(dir, 'r');
      await d.sync();
      await d.close();
      bare.push(performance.now() - t0);
    }
    const o = median(ours);
    const b = median(bare);
    return [
      'Profile save at 10,000 profiles',
      `ratio ${(o / b).toFixed(2)} to a bare atomic write of the same file`,
      `median of ${RUNS}: ${o.toFixed(1)} ms vs ${b.toFixed(1)} ms (lock, re-check, validate, write, keep the last good copy)`,
    ];
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (!existsSync(CLI)) spawnSync(process.execPath, ['scripts/build.mjs', '--only', 'cli'], { stdio: 'inherit' });
  const emu = await startEmulator();
  try {
    say('Keychain calls of one refresh ...');
    const rows: Row[] = [await refreshCallsRow(emu)];
    say('profiles list / token / start screen with 1, 300 and 1,000 profiles ...');
    rows.push(...(await scaleRows(emu)));
    say('Profile save at 10,000 profiles ...');
    rows.push(await saveRow());
    for (const r of rows) console.log(`${r[0]}: ${r[1]} (${r[2]})`);
    console.log(JSON.stringify({ rows }));
  } finally {
    await emu.close();
  }
}

// Run inside a private keyring session (`npm run bench:keychain` wraps it in with-keyring.sh).
main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
