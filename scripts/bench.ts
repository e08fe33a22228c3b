// `npm run bench`: one table of the numbers that matter, from a real run on this machine.
//   bulk-verify of 100, 1,000 and 5,000 mailboxes (the real CLI bundle as a child process,
//   against the emulator with a tenant of 5,000 mailboxes the Daemon app has Full Access on):
//   mailboxes per second and the child's peak RSS: time should grow linearly, memory stay flat;
//   CLI cold start against `node -e ""`; the refresh and verify overhead ratios and the renderer
//   numbers from the other parts' bench scripts, where they exist.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { profilesFileIn } from '../src/core/profiles/default-location';
import { createProfileStore } from '../src/core/profiles/profile-store';
import { createKeytarSecretStore } from '../src/core/secrets/keytar-secret-store';
import { keychainInspector } from '../test/support/keychain';
import { startEmulator } from '../test/emulator';
import { DAEMON_SECRET } from '../test/emulator/fixtures/ids';
import { bulkWorld, daemonDraft } from '../test/cli/bulk-world';
import { lastJsonLine, measure, medianStartMs, packageScripts, ratioIn, runPackageScript } from './bench-process';

const SIZES = [100, 1000, 5000] as const;
const CONCURRENCY = 16;
const CLI = 'out/cli/index.cjs';

type Row = readonly [string, string, string];

/** The CLI bundle exactly as `npm run build` makes it, without rebuilding everyone's bundles. */
function buildCli(): void {
  const r = spawnSync(process.execPath, ['scripts/build.mjs', '--only', 'cli'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building the CLI bundle failed');
}

async function bulkRows(): Promise<Row[]> {
  const world = bulkWorld(Math.max(...SIZES));
  const emu = await startEmulator({ directory: world.directory });
  const dataDir = await mkdtemp(join(tmpdir(), 'sow-bench-bulk-'));
  const service = `smtp-oauth-wizard-bench-${randomBytes(4).toString('hex')}`;
  const secrets = createKeytarSecretStore(service);
  const rows: Row[] = [];
  try {
    const store = createProfileStore({ file: profilesFileIn(dataDir), secrets });
    const profile = await store.create(daemonDraft(emu, { name: 'Bench daemon' }), { clientSecret: DAEMON_SECRET });
    for (const n of SIZES) {
      const file = join(dataDir, `mailboxes-${n}.csv`);
      await writeFile(
        file,
        `PrimarySmtpAddress\n${world.mailboxes
          .slice(0, n)
          .map((m) => m.address)
          .join('\n')}\n`,
      );
      const env = { ...process.env, SMTP_OAUTH_WIZARD_HOME: dataDir, SMTP_OAUTH_WIZARD_KEYCHAIN_SERVICE: service };
      const r = await measure(
        process.execPath,
        [CLI, 'bulk-verify', profile.id, file, '--json', '--concurrency', String(CONCURRENCY)],
        env,
      );
      const doc = JSON.parse(r.stdout) as {
        summary: { ok: number; total: number; durationMs: number; tokenAcquisitions: number };
      };
      if (r.code !== 0 || doc.summary.ok !== n)
        throw new Error(`bulk-verify of ${n} did not pass: exit ${r.code}, ${JSON.stringify(doc.summary)}`);
      const rate = n / (doc.summary.durationMs / 1000);
      rows.push([
        `bulk-verify ${n.toLocaleString('en-US')} mailboxes (concurrency ${CONCURRENCY})`,
        `${rate.toFixed(0)} mailboxes/s; peak RSS ${r.peakRssMb.toFixed(0)} MB`,
        `${(doc.summary.durationMs / 1000).toFixed(1)} s checking, ${(r.wallMs / 1000).toFixed(1)} s with process start; ${doc.summary.tokenAcquisitions} token`,
      ]);
      console.error(`  bulk ${n}: ${rows.at(-1)?.[1]}`);
    }
  } finally {
    await keychainInspector(service).wipe();
    await emu.close();
    await rm(dataDir, { recursive: true, force: true });
  }
  return rows;
}

function coldStartRow(): Row {
  const cli = medianStartMs(process.execPath, [CLI, '--help']);
  const bare = medianStartMs(process.execPath, ['-e', '']);
  return [
    'CLI cold start (`node out/cli/index.cjs --help`, median of 10)',
    `${cli.toFixed(0)} ms vs ${bare.toFixed(0)} ms for \`node -e ""\``,
    `+${(cli - bare).toFixed(0)} ms, ratio ${(cli / bare).toFixed(2)}`,
  ];
}

function scriptRows(): Row[] {
  const scripts = packageScripts();
  const rows: Row[] = [];
  const ratio = (name: string, label: string, what: string): void => {
    if (!scripts[name]) return void rows.push([label, 'n/a', `no \`${name}\` script yet`]);
    const r = runPackageScript(name, 90_000);
    const value = ratioIn(r.output);
    rows.push([label, value !== undefined && r.ok ? value.toFixed(2) : 'failed', `\`npm run ${name}\`: ${what}`]);
  };
  ratio(
    'bench:refresh',
    'Refresh overhead ratio',
    'redeemStoredRefreshToken vs a bare fetch POST of the same grant (median)',
  );
  ratio('bench:verify', 'Verify overhead ratio', 'verifySmtp vs bare nodemailer XOAUTH2 login (median)');
  rows.push(...((lastJsonLine(runPackageScript('bench:keychain', 900_000).output)?.rows ?? []) as Row[]));
  const profiles = runPackageScript('bench:profiles', 90_000);
  const listed = lastJsonLine(profiles.output);
  rows.push([
    'Profile list (start screen, `profiles list`)',
    profiles.ok && listed
      ? Object.entries(listed)
          .map(([k, v]) => `${k}: ${String(v)}`)
          .join('; ')
      : 'failed',
    '`npm run bench:profiles`: read + schema check of the profile file (cold), stat only (warm); median of 15',
  ]);
  if (!scripts['bench:renderer']) {
    rows.push(['Renderer size / time to interactive', 'n/a', 'no `bench:renderer` script yet']);
  } else {
    const r = runPackageScript('bench:renderer', 120_000);
    const json = lastJsonLine(r.output);
    // Their human lines, read as they print them, when no JSON line is offered.
    const tti = /interactive:\s*median ([\d.]+\s*m?s)/.exec(r.output)?.[1];
    const gz = /([\d.]+ KiB) gzipped/.exec(r.output)?.[1];
    const text = json
      ? Object.entries(json)
          .map(([k, v]) => `${k} ${String(v)}`)
          .join('; ')
      : tti || gz
        ? `${gz ?? '?'} gzipped JS; interactive in ${tti ?? '?'} (median)`
        : (r.output.trim().split('\n').at(-1) ?? '').trim();
    rows.push(['Renderer size / time to interactive', r.ok ? text : 'failed', '`npm run bench:renderer`']);
  }
  return rows;
}

function machine(): string {
  const cpu = /model name\s*:\s*(.+)/.exec(safeRead('/proc/cpuinfo'))?.[1]?.trim() ?? 'unknown CPU';
  return `${availableParallelism()} cores (nproc), ${cpu}, Node ${process.version}, ${process.platform}`;
}

const safeRead = (path: string): string => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

async function main(): Promise<void> {
  const t0 = performance.now();
  console.error('Building the CLI bundle ...');
  buildCli();
  console.error('Bulk checks against the emulator (5,000-mailbox tenant) ...');
  const rows: Row[] = [...(await bulkRows())];
  console.error('CLI cold start ...');
  rows.push(coldStartRow());
  console.error('Other benchmarks (bench:refresh, bench:verify, bench:profiles, bench:renderer) ...');
  rows.push(...scriptRows());
  const table = ['| Benchmark | Result | Detail |', '|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)];
  console.log(table.join('\n'));
  console.log(`\nMachine: ${machine()}. Whole bench: ${((performance.now() - t0) / 1000).toFixed(0)} s.`);
}

/** The CLI needs a keychain: on Linux without one, run inside a private keyring session. */
async function keychainReady(): Promise<boolean> {
  const status = await createKeytarSecretStore('smtp-oauth-wizard-bench-probe').status();
  return status.available;
}

void (async () => {
  if (!(await keychainReady())) {
    if (process.platform !== 'linux' || process.env.SOW_KEYRING_SESSION === '1')
      throw new Error('The bench needs a working keychain (the CLI stores the profile secret there).');
    const r = spawnSync('scripts/with-keyring.sh', [process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
      stdio: 'inherit',
    });
    process.exit(r.status ?? 1);
  }
  await main();
  process.exit(0);
})().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
