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
import { keychainInspector } from '../test/support/keychain';
import { measure, median, type Measured } from './bench-process';

export type Row = readonly [string, string, string];

const CLI = 'out/cli/index.cjs';
const CPU_REPORT = './scripts/bench-cpu-report.cjs';
const CONCURRENCY = 16;

interface Run {
  readonly rate: number;
  /** The child's whole CPU time, process start included. */
  readonly cpuUs: number;
  readonly peakRssMb: number;
}

interface Side {
  readonly rate: number;
  /** CPU of the logins alone: (CPU of n logins − CPU of 1) / (n − 1), so process start drops out. */
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
      await keychainInspector(service).wipe();
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
  return { rate: n / (doc.summary.durationMs / 1000), cpuUs: cpuUs(r), peakRssMb: r.peakRssMb };
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
  return { rate: n / (doc.durationMs / 1000), cpuUs: cpuUs(r), peakRssMb: r.peakRssMb };
}

/**
 * Rounds of product and baseline, alternating which goes first; each side also runs a list of
 * one mailbox, whose CPU is its process start. Medians of each.
 */
async function compare(s: Setup, n: number, rounds: number): Promise<{ ours: Side; base: Side }> {
  const lists = await s.listFile(n);
  const single = await s.listFile(1);
  const sides = {
    ours: { run: product, list: (l: typeof lists) => l.csv, runs: [] as Side[] },
    base: { run: bare, list: (l: typeof lists) => l.plain, runs: [] as Side[] },
  };
  for (let i = 0; i < rounds; i += 1) {
    for (const side of i % 2 === 0 ? [sides.ours, sides.base] : [sides.base, sides.ours]) {
      const all = await side.run(s, n, side.list(lists));
      const start = await side.run(s, 1, side.list(single));
      side.runs.push({
        rate: all.rate,
        cpuMsPerLogin: (all.cpuUs - start.cpuUs) / 1000 / (n - 1),
        peakRssMb: all.peakRssMb,
      });
    }
  }
  const med = (runs: Side[]): Side => ({
    rate: median(runs.map((r) => r.rate)),
    cpuMsPerLogin: median(runs.map((r) => r.cpuMsPerLogin)),
    peakRssMb: median(runs.map((r) => r.peakRssMb)),
  });
  return { ours: med(sides.ours.runs), base: med(sides.base.runs) };
}

function row(label: string, n: number, rounds: number, { ours, base }: { ours: Side; base: Side }): Row {
  return [
    `${label}: ${n.toLocaleString('en-US')} mailboxes, concurrency ${CONCURRENCY}`,
    `throughput ${ratio(ours.rate, base.rate)}× bare nodemailer; CPU per login ${ratio(ours.cpuMsPerLogin, base.cpuMsPerLogin)}×; peak RSS ${ratio(ours.peakRssMb, base.peakRssMb)}×`,
    `\`bulk-verify\` ${ours.rate.toFixed(0)}/s, ${ours.cpuMsPerLogin.toFixed(2)} ms CPU/login, ${ours.peakRssMb.toFixed(0)} MB; bare nodemailer ${base.rate.toFixed(0)}/s, ${base.cpuMsPerLogin.toFixed(2)} ms, ${base.peakRssMb.toFixed(0)} MB (CPU of the logins, process start taken off; medians of ${rounds} interleaved round${rounds === 1 ? '' : 's'})`,
  ];
}

export async function bulkRows(): Promise<Row[]> {
  const mailboxes = bulkWorld(5000).mailboxes.map((m) => m.address);
  const rows: Row[] = [];
  // Absolute rates need smtp-server's fixed 100 ms greeting wait gone (emulator behaviour, bench only).
  const fast = await setUp(mailboxes, false);
  try {
    for (const [n, rounds] of [
      [1000, 5],
      [5000, 1],
    ] as const) {
      rows.push(row('bulk-verify vs bare nodemailer, no greeting delay', n, rounds, await compare(fast, n, rounds)));
      console.error(`  bulk ${n}: ${rows.at(-1)?.[1]}`);
    }
  } finally {
    await fast.close();
  }
  // As the tests run it: both sides wait 100 ms per connection, so both are bounded near 16 / 0.1 s.
  const delayed = await setUp(mailboxes.slice(0, 500), true);
  try {
    rows.push(row('the same with smtp-server’s 100 ms greeting delay', 500, 3, await compare(delayed, 500, 3)));
    console.error(`  bulk 500 (delay): ${rows.at(-1)?.[1]}`);
  } finally {
    await delayed.close();
  }
  return rows;
}
