import { spawn, spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { profilesFileIn } from '../../src/core/profiles/default-location';
import { createProfileStore } from '../../src/core/profiles/profile-store';
import { MemorySecretStore } from '../../src/core/secrets/memory-secret-store';
import { createHandlers } from '../../src/main/handlers';
import { dispatch } from '../../src/main/ipc/dispatch';
import { cliSandbox, type CliSandbox } from '../cli/cli-harness';
import { createBrowserTestPorts } from '../support/browser-ports';
import { faultScenario } from './fault-scenario';
import { runProbe } from './run-probe';
import { draftNamed } from '../support/public-profile-draft';

const root = path.join(__dirname, '..', '..');
let tmp: string;
let cli: CliSandbox;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'sow-faults-profiles-'));
  cli = await cliSandbox('faults-profiles');
});
afterAll(async () => {
  await cli?.dispose();
  await fs.rm(tmp, { recursive: true, force: true });
});

const folder = async (name: string) => fs.mkdtemp(path.join(tmp, `${name}-`));
const store = (dir: string) => createProfileStore({ file: profilesFileIn(dir), secrets: new MemorySecretStore() });

describe('two processes write the profile file at once (issue 11.2)', () => {
  faultScenario(
    '11.2',
    'loss',
    'two OS processes, 200 saves each plus token records: every profile is there',
    async () => {
      const dir = await folder('two-writers');
      const runs = await Promise.all(
        ['a', 'b'].map((l) => runProbe(['test/faults/probes/save-loop.ts', dir, l, '200'])),
      );
      expect(runs.map((r) => JSON.parse(r) as { recorded: number })).toMatchObject([
        { recorded: 200 },
        { recorded: 200 },
      ]);
      const names = (await store(dir).list()).map((p) => p.name);
      expect(names).toHaveLength(400);
      expect(new Set(names).size).toBe(400);
      for (const l of ['a', 'b']) for (let i = 0; i < 200; i++) expect(names).toContain(`${l}-${i}`);
      expect((await fs.readdir(dir)).sort()).toEqual(['profiles.json', 'profiles.json.bak']);
    },
  );

  faultScenario(
    '11.7',
    'unclear',
    'a writer killed with -9 leaves no temp file and no lock the next save trips over',
    async () => {
      const dir = await folder('kill-9');
      const file = profilesFileIn(dir);
      for (let k = 0; k < 3; k++) {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', 'test/faults/probes/save-loop.ts', dir, `k${k}`, '1000'],
          {
            cwd: root,
            stdio: 'ignore',
          },
        );
        await expect
          .poll(
            async () =>
              (
                await store(dir)
                  .list()
                  .catch(() => [])
              ).length,
            { timeout: 60_000 },
          )
          .toBeGreaterThan(k * 5 + 3);
        child.kill('SIGKILL');
        await new Promise((r) => child.once('close', r));
      }
      const before = (await store(dir).list()).length;
      await store(dir).create(draftNamed('after the kills')); // waits out a lock the dead left, if any
      expect((await store(dir).list()).length).toBe(before + 1);
      expect((await fs.readdir(dir)).filter((n) => n.endsWith('.tmp') || n.endsWith('.lock'))).toEqual([]);
      expect(JSON.parse(await fs.readFile(file, 'utf8'))).toMatchObject({ version: 1 });
    },
  );
});

describe('a file from another version (issue 11.4)', () => {
  faultScenario(
    '11.4',
    'loss',
    'fields and entries a newer version wrote survive this version’s rewrites',
    async () => {
      const dir = await folder('unknown-fields');
      const file = profilesFileIn(dir);
      const seed = store(dir);
      const known = await seed.create(draftNamed('Known'));
      const doc = JSON.parse(await fs.readFile(file, 'utf8')) as { profiles: Record<string, unknown>[] };
      const entry = doc.profiles[0] as Record<string, Record<string, unknown>>;
      const future = {
        ...doc,
        futureTop: { sync: true },
        profiles: [
          {
            ...entry,
            futureField: 'kept',
            network: { ...entry.network, futureNet: 1 },
            credential: { ...entry.credential, futureCred: 'c' },
            tokenState: {
              futureState: { a: 1 },
              lastVerify: { at: '2026-01-01T00:00:00Z', ok: true, futureVerify: 2 },
            },
          },
          { ...entry, id: 'from-a-newer-version', targetId: 'sendgrid', name: 'A target this version does not know' },
        ],
      };
      await fs.writeFile(file, JSON.stringify(future));
      const s = store(dir);
      expect((await s.list()).map((p) => p.name)).toEqual(['Known']);
      await s.recordTokenState(known.id, { account: 'alice@contoso.com' }); // what `token` does
      await s.update(known.id, { ...draftNamed('Renamed') }); // what a save in the app does
      const after = JSON.parse(await fs.readFile(file, 'utf8')) as typeof future;
      expect(after.futureTop).toEqual({ sync: true });
      expect(after.profiles[0]).toMatchObject({
        name: 'Renamed',
        futureField: 'kept',
        network: { futureNet: 1 },
        credential: { kind: 'none', futureCred: 'c' },
        tokenState: { account: 'alice@contoso.com', futureState: { a: 1 }, lastVerify: { futureVerify: 2 } },
      });
      expect(after.profiles[1]).toEqual(future.profiles[1]);
      expect(await s.health()).toMatchObject({
        state: 'ok',
        unreadable: [expect.stringMatching(/^Profile 2: targetId/)],
      });
    },
  );

  faultScenario(
    '11.4',
    'loss',
    'a file of a newer format is listed but never rewritten, with a clear message',
    async () => {
      const dir = await folder('newer');
      const file = profilesFileIn(dir);
      const p = await store(dir).create(draftNamed('Written by version 2'));
      const text = (await fs.readFile(file, 'utf8')).replace('"version": 1', '"version": 2');
      await fs.writeFile(file, text);
      const s = store(dir);
      expect((await s.list()).map((x) => x.name)).toEqual(['Written by version 2']);
      const refused = await s.recordTokenState(p.id, { account: 'a@contoso.com' }).catch((e: unknown) => e);
      expect(refused).toMatchObject({ problem: { code: 'PROFILE_FILE_NEWER' } });
      expect((refused as { problem: { explanation: string } }).problem.explanation).toMatch(/newer version.*format 2/);
      expect(await fs.readFile(file, 'utf8')).toBe(text);
    },
  );
});

describe('a damaged profile file (issue 11.6)', () => {
  faultScenario('11.6', 'loss', 'the CLI restores the last good copy and keeps the damaged file aside', async () => {
    await cli.store.create(draftNamed('First'));
    await cli.store.create(draftNamed('Second')); // the file it replaced (First only) is the last good copy
    const file = profilesFileIn(cli.dataDir);
    await fs.writeFile(file, '{"version":1,"profiles":[{"id":');
    const list = await cli.run(['profiles', 'list']);
    expect(list.code).toBe(3);
    expect(list.stderr).toMatch(/cannot be read.*profiles restore-backup/);
    const status = await cli.run(['profiles', 'status', '--json']);
    expect(status.code).toBe(3);
    expect(JSON.parse(status.stdout)).toMatchObject({ health: { state: 'damaged', backup: { profiles: 1 } } });
    const restored = await cli.run(['profiles', 'restore-backup', '--json']);
    expect(restored.code).toBe(0);
    const { keptAs } = JSON.parse(restored.stdout) as { keptAs: string };
    expect(await fs.readFile(keptAs, 'utf8')).toBe('{"version":1,"profiles":[{"id":');
    const names = (
      JSON.parse((await cli.run(['profiles', 'list', '--json'])).stdout) as { profiles: { name: string }[] }
    ).profiles;
    expect(names.map((p) => p.name)).toEqual(['First']);
    // A file that is fine is never replaced.
    expect((await cli.run(['profiles', 'start-fresh'])).code).toBe(2);
    await fs.writeFile(file, 'garbage');
    expect((await cli.run(['profiles', 'start-fresh'])).code).toBe(0);
    await cli.store.create(draftNamed('After a fresh start'));
    expect((await cli.store.list()).map((p) => p.name)).toEqual(['After a fresh start']);
  });
});

describe('the data folder cannot be written (issue 11.7)', () => {
  const unshare = spawnSync('unshare', ['-rm', 'true']).status === 0;
  const inNamespace = (script: string) => ['unshare', '-rm', 'sh', '-c', `${script} && exec "$@"`, 'sh'];

  faultScenario(
    '11.7',
    'unclear',
    'a full disk is DISK_FULL naming the folder; the old file is intact, no .tmp is left',
    async () => {
      expect(unshare, 'these scenarios need `unshare -rm` (user and mount namespaces)').toBe(true);
      const dir = await folder('full');
      const out = JSON.parse(
        await runProbe(
          ['test/faults/probes/disk-store.ts', dir, 'full'],
          inNamespace(`mount -t tmpfs -o size=64k none ${dir}`),
        ),
      ) as Record<string, unknown>;
      expect(out.failed).toMatchObject({
        code: 'DISK_FULL',
        name: 'StorageProblemError',
        explanation: expect.stringContaining(dir),
      });
      expect(out.recorded).toMatchObject({ code: 'DISK_FULL' });
      expect(out.listed).toEqual(['Saved before the disk filled up']);
      expect((out.files as string[]).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      expect(out.afterSpaceFreed).toBe('SAVED');
    },
  );

  faultScenario(
    '11.7',
    'unclear',
    'a read-only data folder is DISK_READ_ONLY naming the folder, and listing still works',
    async () => {
      expect(unshare, 'these scenarios need `unshare -rm` (user and mount namespaces)').toBe(true);
      const dir = await folder('read-only');
      await store(dir).create(draftNamed('Saved before it became read-only'));
      const out = JSON.parse(
        await runProbe(
          ['test/faults/probes/disk-store.ts', dir, 'read-only'],
          inNamespace(`mount --bind ${dir} ${dir} && mount -o remount,ro,bind ${dir}`),
        ),
      ) as Record<string, unknown>;
      expect(out.failed).toMatchObject({ code: 'DISK_READ_ONLY', explanation: expect.stringContaining(dir) });
      expect(out.recorded).toMatchObject({ code: 'DISK_READ_ONLY' });
      expect(out.listed).toEqual(['Saved before it became read-only']);
    },
  );

  faultScenario(
    '11.7',
    'unclear',
    'profiles.json being a folder is DISK_NOT_A_FILE, in the store and the CLI',
    async () => {
      const dir = await folder('is-a-dir');
      await fs.mkdir(profilesFileIn(dir));
      await expect(store(dir).list()).rejects.toMatchObject({ problem: { code: 'DISK_NOT_A_FILE' } });
      await expect(store(dir).create(draftNamed('x'))).rejects.toMatchObject({ problem: { code: 'DISK_NOT_A_FILE' } });
      const run = await cli.run(['profiles', 'list', '--data-dir', dir]);
      expect(run.code).toBe(3);
      expect(run.stderr).toContain(`${profilesFileIn(dir)} is a folder`);
    },
  );
});

describe('hostile or oversized input is not saved (issue 11.10)', () => {
  const big = 'A'.repeat(10 * 1024 * 1024);
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['a 10 MB name', { name: big }, /draft\.name.*Profile name: it is too long/],
    [
      '200,000 scopes',
      { scopes: Array.from({ length: 200_000 }, (_, i) => `s${i}`) },
      /draft\.scopes.*Scopes: at most 50/,
    ],
    [
      'a 10 MB garbage CA',
      { network: { proxyUrl: '', extraCaPem: big, timeoutMs: 30_000 } },
      /extraCaPem.*Extra trusted CA/,
    ],
    [
      'a javascript: proxy',
      { network: { proxyUrl: 'javascript:alert(1)', extraCaPem: '', timeoutMs: 30_000 } },
      /proxyUrl.*Proxy: "javascript:" is not a proxy address/,
    ],
    [
      'a timeout past Node’s timer limit',
      { network: { proxyUrl: '', extraCaPem: '', timeoutMs: 2_147_484_000 } },
      /timeoutMs.*Timeout: enter at most/,
    ],
  ];
  for (const [what, patch, message] of cases) {
    faultScenario('11.10', 'hostile', `${what} is refused with the field named, and nothing is written`, async () => {
      const dir = await folder('bounds');
      const ports = createBrowserTestPorts({ secrets: new MemorySecretStore(), profilesFile: profilesFileIn(dir) });
      const handlers = createHandlers(ports);
      const r = await dispatch(
        handlers,
        'profiles:save',
        { draft: { ...draftNamed('Hostile'), ...patch }, secrets: {} },
        { signal: new AbortController().signal, progress: () => undefined },
      );
      expect(r.ok).toBe(false);
      if (!r.ok) expect(`${r.problem.field ?? ''} ${r.problem.explanation}`).toMatch(message);
      await expect(fs.stat(profilesFileIn(dir))).rejects.toMatchObject({ code: 'ENOENT' });
      // The store refuses it too, whoever calls it.
      await expect(store(dir).create({ ...draftNamed('Hostile'), ...patch } as never)).rejects.toMatchObject({
        problem: { code: 'PROFILE_INVALID' },
      });
    });
  }
});
