import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdir } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { storageProblem } from './storage-problem';

/**
 * One read-modify-write at a time across processes: the desktop app and the command line
 * (or two scripts) share the data folder and the keychain. proper-lockfile takes a lock
 * directory beside the file (`profiles.json.lock`) atomically, keeps its mtime fresh while
 * held, and takes over a lock older than `STALE_MS` whose holder died (kill -9, power cut).
 */
export interface CrossProcessLock {
  /** Runs `op` holding the lock. Re-entrant: a call from inside `op` runs at once. */
  run<T>(op: () => Promise<T>): Promise<T>;
}

const STALE_MS = 10_000;
/** How long to wait for another process before saying so (a save holds it for milliseconds). */
const WAIT_MS = 30_000;

interface Holding {
  active: boolean;
}

const locks = new Map<string, CrossProcessLock>();

/**
 * The lock for `target` (a file that need not exist yet). Every caller in the process gets
 * the same instance for one path, so the profile store and the keychain store nest safely.
 */
export function fileLock(target: string): CrossProcessLock {
  const key = path.resolve(target);
  let lock = locks.get(key);
  if (!lock) locks.set(key, (lock = createLock(key)));
  return lock;
}

function createLock(target: string): CrossProcessLock {
  const held = new AsyncLocalStorage<Holding>();
  let queue: Promise<unknown> = Promise.resolve();
  return {
    run<T>(op: () => Promise<T>): Promise<T> {
      // Work started inside `op` but still running after release (a queued cleanup) must lock again.
      if (held.getStore()?.active) return op();
      const next = queue
        .catch(() => undefined)
        .then(async () => {
          const release = await acquire(target);
          const holding: Holding = { active: true };
          try {
            return await held.run(holding, op);
          } finally {
            holding.active = false;
            await release().catch(() => undefined);
          }
        });
      queue = next;
      return next;
    },
  };
}

async function acquire(target: string): Promise<() => Promise<void>> {
  const dir = path.dirname(target);
  const deadline = Date.now() + WAIT_MS;
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
  } catch (e) {
    throw storageProblem('write', dir, e, target);
  }
  // Only "held by another process" is worth waiting for (proper-lockfile's own retries would
  // also wait 30 s on a read-only or full disk): poll with jitter, 5 to 50 ms apart.
  for (let delay = 5; ; delay = Math.min(50, delay * 1.5)) {
    try {
      return await lockfile.lock(target, {
        realpath: false,
        stale: STALE_MS,
        // The default throws from a timer (a crash); a lock lost after 10 s of silence only ends ours.
        onCompromised: () => undefined,
      });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ELOCKED') throw storageProblem('write', dir, e, target);
      if (Date.now() > deadline) throw storageProblem('busy', dir, e, target);
      await sleep(delay * (0.5 + Math.random()));
    }
  }
}
