import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const rendererOut = join(repoRoot, 'out/renderer');

function newestMtime(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), s.mtimeMs);
}

function mtimeOr0(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Builds the renderer with Vite unless `out/renderer` is newer than its sources (`npm test`
 * builds first, so this is usually a no-op). Test files run in parallel workers: a lock
 * directory makes one build while the others wait, then re-check.
 */
export async function ensureRendererBuilt(): Promise<void> {
  const index = join(rendererOut, 'index.html');
  const sources = ['src/renderer', 'src/shared', 'vite.config.mts'].map((p) => join(repoRoot, p));
  const fresh = () => mtimeOr0(index) >= Math.max(...sources.map(newestMtime));
  if (fresh()) return;
  // Outside out/: `npm run build` empties out/ and must not take the lock with it.
  const lock = join(
    tmpdir(),
    `sow-renderer-build-${createHash('sha256').update(repoRoot).digest('hex').slice(0, 12)}.lock`,
  );
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than two minutes belongs to a crashed run.
      if (Date.now() - mtimeOr0(lock) > 120_000) rmdirSync(lock);
      else await sleep(200);
    }
  }
  try {
    if (fresh()) return;
    // In its own process with NODE_ENV=production: Vite keeps an inherited NODE_ENV, and
    // Vitest's `test` would give a different bundle (Griffel drops static styles under it).
    await execFileAsync(
      process.execPath,
      [join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
      {
        cwd: repoRoot,
        env: { ...process.env, NODE_ENV: 'production' },
      },
    );
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * A private copy of the built renderer for one harness (without source maps), so a
 * rebuild running at the same time (another test file, `npm run build`) cannot pull
 * files out from under a page that is loading.
 */
export function snapshotRenderer(): { readonly dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'sow-renderer-'));
  cpSync(rendererOut, dir, { recursive: true, filter: (src) => !src.endsWith('.map') });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
