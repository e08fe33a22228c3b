import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * The one way the app replaces a file (profiles, exports): a crash or power cut leaves
 * either the old or the new content, never half. Temp file in the same directory (same
 * filesystem, so rename is atomic), created with its final mode so a secret is never
 * readable by others, fsync, rename over, fsync the directory so the rename itself is durable.
 * A failed write removes its temp file; temp files of a process that died mid-write
 * (kill -9) are removed by the next write of the same file.
 */
export interface AtomicWriteOptions {
  /** File mode of the new file (default 0600: owner only). */
  readonly mode?: number;
  /** Keep the content being replaced at this path (a hard link: no copy, no extra write). */
  readonly keepPreviousAt?: string;
}

export async function writeFileAtomic(file: string, content: string, opts: AtomicWriteOptions = {}): Promise<void> {
  const dir = path.dirname(file);
  const mode = opts.mode ?? 0o600;
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = path.join(dir, `${tempPrefix(file)}${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(tmp, 'wx', mode);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.chmod(mode); // the umask may have taken bits away from `mode`
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (opts.keepPreviousAt) await keepPrevious(file, opts.keepPreviousAt);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
  await syncDir(dir);
  await removeDeadTemps(file);
  if (opts.keepPreviousAt) await removeDeadTemps(opts.keepPreviousAt);
}

const tempPrefix = (file: string): string => `.${path.basename(file)}.`;

async function keepPrevious(file: string, backup: string): Promise<void> {
  const staged = path.join(
    path.dirname(backup),
    `${tempPrefix(backup)}${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    await fs.link(file, staged);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return; // nothing to keep yet
    // File systems without hard links (FAT, some network shares) get a copy.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'EMLINK') throw e;
    await fs.copyFile(file, staged);
  }
  try {
    await fs.rename(staged, backup);
  } catch (e) {
    await fs.rm(staged, { force: true }).catch(() => undefined);
    throw e;
  }
}

async function syncDir(dir: string): Promise<void> {
  // Directory fsync is not supported on Windows; the rename is still atomic there.
  if (process.platform === 'win32') return;
  const d = await fs.open(dir, 'r');
  try {
    await d.sync();
  } finally {
    await d.close();
  }
}

/** Temp files of this file left by processes that no longer run. */
async function removeDeadTemps(file: string): Promise<void> {
  const prefix = tempPrefix(file);
  const names = await fs.readdir(path.dirname(file)).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    if (Number.isInteger(pid) && pid > 0 && !isRunning(pid)) {
      await fs.rm(path.join(path.dirname(file), name), { force: true }).catch(() => undefined);
    }
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
