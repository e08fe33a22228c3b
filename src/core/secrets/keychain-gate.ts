import type { CredentialBackend } from './credential-backend';
import { lockedKeychain } from './keychain-errors';

/**
 * How the app's keychain calls reach the OS, one at a time. On a locked Secret Service
 * collection every call asks gnome-keyring for an unlock prompt; with no display to show
 * it (a CI machine, a script over SSH) three such calls at once never return (seen with
 * keytar 7.9 and gnome-keyring 42: two pass, three hang), and each stuck call holds one of
 * libuv's four threads, which file access needs too. So calls are queued, and once the
 * keychain was found locked, calls in the next moment fail at once instead of each asking
 * for a prompt again. Unlocked, one call takes a millisecond or two, so the queue costs little.
 */
const LOCKED_MEMORY_MS = 1_000;

export class KeychainGate implements CredentialBackend {
  private queue: Promise<unknown> = Promise.resolve();
  private lockedUntil = 0;

  constructor(private readonly inner: CredentialBackend) {}

  get name(): string {
    return this.inner.name;
  }

  get(account: string): Promise<string | null> {
    return this.run(() => this.inner.get(account));
  }

  set(account: string, value: string): Promise<void> {
    return this.run(() => this.inner.set(account, value));
  }

  delete(account: string): Promise<boolean> {
    return this.run(() => this.inner.delete(account));
  }

  /** The keychain answered "locked": spare it the calls already waiting. */
  markLocked(): void {
    this.lockedUntil = Date.now() + LOCKED_MEMORY_MS;
  }

  private run<T>(op: () => Promise<T>): Promise<T> {
    const next = this.queue
      .catch(() => undefined)
      .then(() => {
        if (Date.now() < this.lockedUntil) throw lockedKeychain();
        return op();
      });
    this.queue = next;
    return next;
  }
}
