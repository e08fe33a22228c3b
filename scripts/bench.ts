// `npm run bench`: one table of the numbers that matter, from a real run on this machine. Every
// row is a ratio to a baseline measured in the same run, side by side (the machine is shared):
//   bulk-verify against bare nodemailer doing the same logins (bench-bulk.ts); CLI cold start
//   against `node -e ""`; the refresh, verify, keychain, profile-list and renderer rows from the parts'
//   bench scripts.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { createKeytarSecretStore } from '../src/core/secrets/keytar-secret-store';
import { bulkRows, type Row } from './bench-bulk';
import { interleavedStartMs, lastJsonLine, packageScripts, ratioIn, runPackageScript } from './bench-process';

const CLI = 'out/cli/index.cjs';
const START_RUNS = 20;

/** The CLI bundle exactly as `npm run build` makes it, without rebuilding everyone's bundles. */
function buildCli(): void {
  const r = spawnSync(process.execPath, ['scripts/build.mjs', '--only', 'cli'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building the CLI bundle failed');
}

function coldStartRow(): Row {
  const [cli = NaN, bare = NaN] = interleavedStartMs(
    [
      [process.execPath, CLI, '--help'],
      [process.execPath, '-e', ''],
    ],
    START_RUNS,
  );
  return [
    'CLI cold start (`node out/cli/index.cjs --help`)',
    `${(cli / bare).toFixed(2)}× \`node -e ""\``,
    `${cli.toFixed(0)} ms vs ${bare.toFixed(0)} ms, medians of ${START_RUNS} interleaved runs (bundle split per command)`,
  ];
}

function scriptRows(): Row[] {
  const scripts = packageScripts();
  const rows: Row[] = [];
  /** A row whose result is the script's own "ratio …: N" line, named against its baseline. */
  const ratio = (name: string, label: string, baseline: string, what: string): void => {
    if (!scripts[name]) return void rows.push([label, 'n/a', `no \`${name}\` script yet`]);
    const r = runPackageScript(name, 90_000);
    const value = ratioIn(r.output);
    const json = lastJsonLine(r.output);
    const extra = json
      ? `; ${Object.entries(json)
          .map(([k, v]) => `${k}: ${String(v)}`)
          .join('; ')}`
      : '';
    rows.push([
      label,
      value !== undefined && r.ok ? `${value.toFixed(2)}× ${baseline}` : 'failed',
      `\`npm run ${name}\`: ${what}${extra}`,
    ]);
  };
  ratio(
    'bench:refresh',
    'Refresh (warm, real keychain)',
    'a bare fetch POST',
    'redeemStoredRefreshToken vs a bare fetch POST of the same grant (median)',
  );
  ratio(
    'bench:verify',
    'SMTP check (one login, no greeting delay)',
    'bare nodemailer',
    'verifySmtp vs a bare nodemailer XOAUTH2 login to the same emulator, interleaved (median)',
  );
  ratio(
    'bench:profiles',
    'Profile list, 10,000 profiles (cold)',
    'the 1,000-profile list',
    'read + schema check of the profile file (cold), stat only (warm); median of 15',
  );
  rows.push(...((lastJsonLine(runPackageScript('bench:keychain', 900_000).output)?.rows ?? []) as Row[]));
  if (!scripts['bench:renderer']) {
    rows.push(['Renderer first screen', 'n/a', 'no `bench:renderer` script yet']);
  } else {
    const r = runPackageScript('bench:renderer', 180_000);
    const j = lastJsonLine(r.output);
    rows.push([
      'Renderer first screen (JavaScript gzipped; navigation to interactive)',
      r.ok && j ? `${String(j.sizeRatio)}× and ${String(j.interactiveRatio)}× a Vite + React page` : 'failed',
      r.ok && j
        ? `\`npm run bench:renderer\`: ${String(j.appGzipKiB)} KiB vs ${String(j.baselineGzipKiB)} KiB; ${String(j.appInteractiveMs)} ms vs ${String(j.baselineInteractiveMs)} ms (medians of interleaved turns in headless Chromium, app:info on the real keychain)`
        : '`npm run bench:renderer`',
    ]);
  }
  return rows;
}

function machine(): string {
  const cpu = /model name\s*:\s*(.+)/.exec(safeRead('/proc/cpuinfo'))?.[1]?.trim() ?? 'unknown CPU';
  return `${availableParallelism()} cores (nproc), ${cpu}, Node ${process.version}, ${process.platform}`;
}

const load = (): string => loadavg()[0]?.toFixed(1) ?? '?';

const safeRead = (path: string): string => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

async function main(): Promise<void> {
  const t0 = performance.now();
  const loadAtStart = load();
  console.error('Building the CLI bundle ...');
  buildCli();
  console.error('Bulk checks against the emulator (5,000-mailbox tenant), product vs bare nodemailer ...');
  const rows: Row[] = [...(await bulkRows())];
  console.error('CLI cold start ...');
  rows.push(coldStartRow());
  console.error('Other benchmarks (bench:refresh, bench:verify, bench:keychain, bench:profiles, bench:renderer) ...');
  rows.push(...scriptRows());
  const table = ['| Benchmark | Result | Detail |', '|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)];
  console.log(table.join('\n'));
  console.log(
    `\nMachine: ${machine()}; load average (1 min) ${loadAtStart} at the start, ${load()} at the end. Whole bench: ${((performance.now() - t0) / 1000).toFixed(0)} s.`,
  );
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
