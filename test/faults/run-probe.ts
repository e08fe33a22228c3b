import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/**
 * Runs a probe script (test/faults/probes) as its own OS process with tsx, optionally
 * behind a wrapper command (`with-keyring.sh`, `unshare … sh -c '…; exec "$@"' sh`), and
 * resolves with the last line it printed; rejects with its stderr when it fails.
 */
export function runProbe(args: readonly string[], wrap: readonly string[] = []): Promise<string> {
  const [cmd = process.execPath, ...before] = [...wrap, process.execPath];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, [...before, '--import', 'tsx', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      code === 0
        ? resolve(out.trim().split('\n').at(-1) ?? '')
        : reject(new Error(`${args[0] ?? 'probe'}: ${code ?? signal} ${err}`)),
    );
  });
}
