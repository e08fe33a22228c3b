// `npm run bench`'s bulk rows: the real CLI bundle (`bulk-verify --json`) against bare nodemailer
// doing the same STARTTLS + XOAUTH2 logins with the same token and concurrency, through the same
// emulator (a tenant of 5,000 mailboxes the Daemon app has Full Access on), interleaved round by
// round so machine load hits both alike. Each side is a child process that reports its own CPU.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { profilesFileIn } from '../src/core/profiles/default-location';
import { createProfileStore } from '../src/core/profiles/profile-store';
import { createKeytarSecretStore } from '../src/core/secrets/keytar-secret-store';
import { startEmulator, type Emulator } from '../test/emulator';
import { DAEMON_SECRET } from '../test/emulator/fixtures/ids';
import { bulkWorld, daemonDraft } from '../test/cli/bulk-world';
import { daemonToken } from '../test/core/smtp/emulator-tokens';
import { measure, median, type Measured } from './bench-process';

export type Row = readonly [string, string, string];

const CLI = 'out/cli/index.cjs';
const CPU_REPORT = './scripts/bench-cpu-report.cjs';
const CONCURRENCY = 16;

interface Run {
  readonly rate: number;
  readonly cpuMsPerLogin: number;
  readonly peakRssMb: number;
}

/** The child's own CPU time, as bench-cpu-report.cjs prints it on exit. */
function cpuUs(r: Measured): number {
  const m = /BENCH_CPU_US (\d+)/.exec(r.stderr);
  if (!m) throw new Error(`no CPU report from the child (exit ${r.code}): ${r.stderr.slice(-300)}`);
  return Number(m[1]);
}

const ratio = (a: number, b: number): string => (a / b).toFixed(2);

interface Setup {
  readonly emu: Emulator;
  readonly dataDir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly profileId: string;
  readonly token: string;
  readonly caFile: string;
  listFile(n: number): Promise<{ csv: string; plain: string }>;
  close(): Promise<void>;
}

async function setUp(mailboxes: readonly string[], greetingDelay: boolean): Promise<Setup> {
  const emu = await startEmulator({
    directory: bulkWorld(mailboxes.length).directory,
    behaviour: { smtpGreetingDelay: greetingDelay },
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'sow-bench-bulk-'));
  const service = `smtp-oauth-wizard-bench-${randomBytes(4).toString('hex')}`;
  const secrets = createKeytarSecretStore(service);
  const store = createProfileStore({ file: profilesFileIn(dataDir), secrets });
  const profile = await store.create(daemonDraft(emu, { name: 'Bench daemon' }), { clientSecret: DAEMON_SECRET });
  const caFile = join(dataDir, 'emulator-ca.pem');
  await writeFile(caFile, emu.caPem);
  return {
    emu,
    dataDir,
    env: { ...process.env, SMTP_OAUTH_WIZARD_HOME: dataDir, SMTP_OAUTH_WIZARD_KEYCHAIN_SERVICE: service },
    profileId: profile.id,
    token: await daemonToken(emu),
    caFile,
    async listFile(n) {
      const some = mailboxes.slice(0, n);
      const csv = join(dataDir, `mailboxes-${n}.csv`);
      const plain = join(dataDir, `mailboxes-${n}.txt`);
      await writeFile(csv, `PrimarySmtpAddress\n${some.join('\n')}\n`);
      await writeFile(plain, `${some.join('\n')}\n`);
      return { csv, plain };
    },
    async close() {
      await store.remove(profile.id);
      await emu.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function product(s: Setup, n: number, list: string): Promise<Run> {
  const args = ['--require', CPU_REPORT, CLI, 'bulk-verify', s.profileId, list, '--json'];
  const r = await measure(process.execPath, [...args, '--concurrency', String(CONCURRENCY)], s.env);
  if (r.code !== 0) throw new Error(`bulk-verify of ${n} exited ${r.code}: ${r.stderr.slice(-500)}`);
  const doc = JSON.parse(r.stdout) as { summary: { ok: number; durationMs: number } };
  if (doc.summary.ok !== n) throw new Error(`bulk-verify of ${n}: exit ${r.code}, ${r.stdout.slice(-300)}`);
  return { rate: n / (doc.summary.durationMs / 1000), cpuMsPerLogin: cpuUs(r) / 1000 / n, peakRssMb: r.peakRssMb };
}

async function bare(s: Setup, n: number, list: string): Promise<Run> {
  const r = await measure(process.execPath, ['--require', CPU_REPORT, 'scripts/bench-bare-bulk.cjs'], {
    ...s.env,
    BENCH_SMTP_PORT: String(s.emu.smtp.port),
    BENCH_CA_FILE: s.caFile,
    BENCH_TOKEN: s.token,
    BENCH_LIST: list,
    BENCH_CONCURRENCY: String(CONCURRENCY),
  });
  if (r.code !== 0) throw new Error(`bare nodemailer of ${n} exited ${r.code}: ${r.stderr.slice(-500)}`);
  const doc = JSON.parse(r.stdout) as { ok: number; durationMs: number };
  if (doc.ok !== n) throw new Error(`bare nodemailer of ${n}: exit ${r.code}, ${r.stderr.slice(-300)}`);
  return { rate: n / (doc.durationMs / 1000), cpuMsPerLogin: cpuUs(r) / 1000 / n, peakRssMb: r.peakRssMb };
}

/** Rounds of product and baseline, alternating which goes first; medians of each. */
async function compare(s: Setup, n: number, rounds: number): Promise<{ ours: Run; base: Run }> {
  const { csv, plain } = await s.listFile(n);
  const ours: Run[] = [];
  const base: Run[] = [];
  for (let i = 0; i < rounds; i += 1) {
    if (i % 2 === 0) {
      ours.push(await product(s, n, csv));
      base.push(await bare(s, n, plain));
    } else {
      base.push(await bare(s, n, plain));
      ours.push(await product(s, n, csv));
    }
  }
  const med = (runs: Run[]): Run => ({
    rate: median(runs.map((r) => r.rate)),
    cpuMsPerLogin: median(runs.map((r) => r.cpuMsPerLogin)),
    peakRssMb: median(runs.map((r) => r.peakRssMb)),
  });
  return { ours: med(ours), base: med(base) };
}

function row(label: string, n: number, rounds: number, { ours, base }: { ours: Run; base: Run }): Row {
  return [
    `${label}: ${n.toLocaleString('en-US')} mailboxes, concurrency ${CONCURRENCY}`,
    `throughput ${ratio(ours.rate, base.rate)}× bare nodemailer; CPU per login ${ratio(ours.cpuMsPerLogin, base.cpuMsPerLogin)}×; peak RSS ${ratio(ours.peakRssMb, base.peakRssMb)}×`,
    `\`bulk-verify\` ${ours.rate.toFixed(0)}/s, ${ours.cpuMsPerLogin.toFixed(2)} ms CPU/login, ${ours.peakRssMb.toFixed(0)} MB; bare nodemailer ${base.rate.toFixed(0)}/s, ${base.cpuMsPerLogin.toFixed(2)} ms, ${base.peakRssMb.toFixed(0)} MB (CPU includes process start; median of ${rounds} interleaved round${rounds === 1 ? '' : 's'})`,
  ];
}

export async function bulkRows(): Promise<Row[]> {
  const mailboxes = bulkWorld(5000).mailboxes.map((m) => m.address);
  const rows: Row[] = [];
  // Absolute rates need smtp-server's fixed 100 ms greeting wait gone (emulator behaviour, bench only).
  const fast = await setUp(mailboxes, false);
  try {
    for (const [n, rounds] of [
      [1000, 3],
      [5000, 1],
    ] as const) {
      rows.push(row('bulk-verify vs bare nodemailer, no greeting delay', n, rounds, await compare(fast, n, rounds)));
      console.error(`  bulk ${n}: ${rows.at(-1)?.[1]}`);
    }
  } finally {
    await fast.close();
  }
  // As the tests run it: both sides wait 100 ms per connection, so both are bounded near 16 / 0.1 s.
  const delayed = await setUp(mailboxes.slice(0, 1000), true);
  try {
    rows.push(row('the same with smtp-server’s 100 ms greeting delay', 1000, 1, await compare(delayed, 1000, 1)));
    console.error(`  bulk 1000 (delay): ${rows.at(-1)?.[1]}`);
  } finally {
    await delayed.close();
  }
  return rows;
}
