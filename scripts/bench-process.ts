// Helpers for `npm run bench`: run a process while sampling its peak memory, time short
// commands, and run the other parts' benchmark scripts for their headline numbers.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface Measured {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly wallMs: number;
  /** Peak resident memory of the process in MB (Linux VmHWM), or NaN where /proc is missing. */
  readonly peakRssMb: number;
}

/** VmHWM is the kernel's own high-water mark, so sampling it late still sees the peak. */
function highWaterMarkKb(pid: number): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Runs a command asynchronously (the emulator keeps serving from this process meanwhile). */
export function measure(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peakKb = Number.NaN;
    const sample = (): void => {
      const kb = child.pid ? highWaterMarkKb(child.pid) : undefined;
      if (kb !== undefined) peakKb = Number.isNaN(peakKb) ? kb : Math.max(peakKb, kb);
    };
    const timer = setInterval(sample, 20);
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      sample();
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('exit', () => clearInterval(timer));
    child.on('close', (code) =>
      resolve({ code, stdout, stderr, wallMs: performance.now() - t0, peakRssMb: peakKb / 1024 }),
    );
  });
}

export const median = (xs: readonly number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/**
 * Median wall time of each short command, run in turns (A, B, A, B…) after one warm-up each
 * for the disk cache, so a load change on the shared machine hits every command alike.
 */
export function interleavedStartMs(commands: readonly (readonly string[])[], runs = 20): number[] {
  const once = (argv: readonly string[]): number => {
    const [cmd = process.execPath, ...args] = argv;
    const t0 = performance.now();
    const r = spawnSync(cmd, args, { stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}`);
    return performance.now() - t0;
  };
  commands.forEach(once);
  const times = commands.map((): number[] => []);
  for (let i = 0; i < runs; i += 1) commands.forEach((c, j) => times[j]?.push(once(c)));
  return times.map(median);
}

/** The package scripts, to run the other parts' benchmarks only where they exist. */
export function packageScripts(): Readonly<Record<string, string>> {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts?: Record<string, string> };
  return pkg.scripts ?? {};
}

/**
 * Runs `npm run <name>` and returns its output. Their headline is read from their own
 * output: a JSON last line if they print one, else a "ratio ...: N" line.
 */
export function runPackageScript(name: string, timeoutMs: number): { ok: boolean; output: string } {
  const r = spawnSync('npm', ['run', '--silent', name], { encoding: 'utf8', timeout: timeoutMs, env: process.env });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}\n${r.stderr ?? ''}` };
}

export function ratioIn(output: string): number | undefined {
  const m = /ratio[^:\n]*:\s*([\d.]+)/i.exec(output);
  return m ? Number(m[1]) : undefined;
}

/** The last line that parses as a JSON object, if any. */
export function lastJsonLine(output: string): Record<string, unknown> | undefined {
  for (const l of output.trim().split('\n').reverse()) {
    try {
      const v: unknown = JSON.parse(l);
      if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
    } catch {
      // not JSON: keep looking
    }
  }
  return undefined;
}
