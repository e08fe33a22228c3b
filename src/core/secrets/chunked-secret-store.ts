import type { CrossProcessLock } from '../profiles/file-lock';
import type { CredentialBackend } from './credential-backend';
import { describeKeychainError } from './keychain-errors';
import { KeychainGate } from './keychain-gate';
import { confirmReadable } from './keychain-presence';
import { MAX_SECRET_BYTES, SecretStoreError, type SecretStore, type SecretStoreStatus } from './secret-store';
import {
  checksum,
  chunkAccount,
  chunkedEntries,
  decodeEntry,
  inlineEntry,
  type Previous,
  type StoredForm,
} from './secret-entry';

/**
 * A SecretStore over a keychain whose entries are small (Windows: 2,560 bytes), laid out
 * as secret-entry.ts describes: small values inline in one entry, larger ones in chunks.
 *
 * - Never lists the keychain, and never reads a null as "absent" without checking that the
 *   keychain is unlocked (keychain-presence.ts); calls go one at a time (keychain-gate.ts).
 * - A write reuses what this store last read or wrote for the key instead of reading it again
 *   (a refresh reads the token, then writes the rotated one: one call each), and removes the
 *   chunks of the value it replaced after it returns.
 * - Writers of one key are serialised in this process and, given a `lock`, across processes
 *   (the desktop app and the CLI share the keychain), so chunks never interleave.
 * - A damaged entry never blocks replacing or deleting it.
 */
export class ChunkedSecretStore implements SecretStore {
  private readonly queues = new Map<string, Promise<unknown>>();
  /** What each key held when this store last read or wrote it. */
  private readonly known = new Map<string, Previous>();
  private readonly backend: KeychainGate;

  constructor(
    backend: CredentialBackend,
    private readonly opts: { readonly lock?: CrossProcessLock } = {},
  ) {
    this.backend = new KeychainGate(backend);
  }

  get(key: string): Promise<string | null> {
    return this.serial(key, () => this.read(key));
  }

  set(key: string, value: string): Promise<void> {
    const bad = invalidKey(key);
    if (bad) return Promise.reject(bad);
    if (Buffer.byteLength(value, 'utf8') > MAX_SECRET_BYTES) {
      return Promise.reject(
        new SecretStoreError('too-large', `The secret "${key}" is larger than 64 KB and cannot be stored.`),
      );
    }
    return this.serial(key, () => this.locked(() => this.write(key, value)));
  }

  delete(key: string): Promise<void> {
    return this.serial(key, () =>
      this.locked(async () => {
        const old = await this.previous(key, 'delete');
        if (old.kind !== 'absent') await this.backend.delete(key);
        this.known.set(key, { kind: 'absent' });
        if (old.kind === 'chunked') {
          await this.dropChunks(key, old);
          // A write interrupted before its manifest leaves chunks of the next generation.
          await this.sweep(key, old.gen + 1, 0);
        }
      }),
    );
  }

  async status(): Promise<SecretStoreStatus> {
    try {
      await confirmReadable(this.backend);
      return { available: true, backend: this.backend.name };
    } catch (e) {
      const err = describeKeychainError(e);
      return { available: false, backend: this.backend.name, reason: err.reason, message: err.message };
    }
  }

  private async write(key: string, value: string): Promise<void> {
    const inline = inlineEntry(value);
    const old = await this.previous(key, inline === undefined ? 'chunked' : 'inline');
    if (inline !== undefined) {
      await this.backend.set(key, inline);
      this.known.set(key, { kind: 'inline' });
    } else {
      const gen = old.kind === 'chunked' ? old.gen + 1 : 1;
      const { chunks, manifest } = chunkedEntries(value, gen);
      await Promise.all(chunks.map((c, i) => this.backend.set(chunkAccount(key, gen, i), c)));
      // Chunks an interrupted earlier write left at this generation, past the new count.
      await this.sweep(key, gen, chunks.length);
      await this.backend.set(key, manifest);
      this.known.set(key, { kind: 'chunked', gen, count: chunks.length, sum: '' });
    }
    // The old chunks are unreachable now; removing them need not delay the caller.
    if (old.kind === 'chunked') this.afterwards(key, () => this.dropChunks(key, old));
  }

  private async read(key: string, attempt = 1): Promise<string | null> {
    const form = await this.entry(key);
    if (form === null) {
      this.known.set(key, { kind: 'absent' });
      return null;
    }
    if (form === undefined) throw corrupt(key);
    this.known.set(key, form.kind === 'inline' ? { kind: 'inline' } : form);
    if (form.kind === 'inline') return form.value;
    const parts = await Promise.all(
      Array.from({ length: form.count }, (_, i) => this.backend.get(chunkAccount(key, form.gen, i))),
    );
    const b64 = parts.join('');
    if (parts.some((p) => p === null) || checksum(b64) !== form.sum) {
      // Another process may have replaced the value between the manifest and its chunks.
      if (attempt < 3) return this.read(key, attempt + 1);
      throw corrupt(key);
    }
    return Buffer.from(b64, 'base64').toString('utf8');
  }

  /** The decoded entry; null when it is really absent; undefined when it is damaged. */
  private async entry(key: string): Promise<StoredForm | null | undefined> {
    const raw = await this.backend.get(key);
    if (raw !== null) return decodeEntry(raw);
    // keytar answers null on a locked keychain too: absent only once the sentinel says so.
    if ((await confirmReadable(this.backend)) === 'present') return null;
    const again = await this.backend.get(key);
    return again === null ? null : decodeEntry(again);
  }

  /**
   * What a write or delete replaces (a damaged entry counts as inline: it is simply replaced).
   * A write of a value that fits one entry trusts what this store last saw of a key that was
   * inline or absent, so a refresh writes its rotated token in one call. Everything else
   * reads afresh (under the cross-process lock): chunk generations must follow the entry as
   * it is now, whoever wrote it. A delete also checks a null, because keytar's delete on a
   * locked keychain answers "nothing to delete" instead of failing.
   */
  private async previous(key: string, purpose: 'inline' | 'chunked' | 'delete'): Promise<Previous> {
    const seen = this.known.get(key);
    if (purpose === 'inline' && seen && seen.kind !== 'chunked') return seen;
    const form = purpose === 'delete' ? await this.entry(key) : await this.backend.get(key).then(decodeOrNull);
    if (form === null) return { kind: 'absent' };
    if (form === undefined || form.kind === 'inline') return { kind: 'inline' };
    return form;
  }

  /** Removes a replaced value's chunks, and those of the generation before it that a crash left. */
  private async dropChunks(key: string, old: Extract<Previous, { kind: 'chunked' }>): Promise<void> {
    await Promise.all(Array.from({ length: old.count }, (_, i) => this.backend.delete(chunkAccount(key, old.gen, i))));
    if (old.gen > 1) await this.sweep(key, old.gen - 1, 0);
  }

  /** Deletes chunks `from`, `from + 1`, … of one generation until one is absent. */
  private async sweep(key: string, gen: number, from: number): Promise<void> {
    for (let i = from; await this.backend.delete(chunkAccount(key, gen, i)); i++);
  }

  /** Cleanup queued behind the key's current operation, awaited by the next one on the key. */
  private afterwards(key: string, op: () => Promise<void>): void {
    void this.serial(key, () => this.locked(op)).catch(() => undefined);
  }

  private locked<T>(op: () => Promise<T>): Promise<T> {
    return this.opts.lock ? this.opts.lock.run(op) : op();
  }

  /** Operations on one key run one after another, so concurrent saves cannot interleave chunks. */
  private serial<T>(key: string, op: () => Promise<T>): Promise<T> {
    const prev = this.queues.get(key) ?? Promise.resolve();
    const next = prev.catch(() => undefined).then(op);
    this.queues.set(key, next);
    void next
      .finally(() => {
        if (this.queues.get(key) === next) this.queues.delete(key);
      })
      .catch(() => undefined);
    return next.catch((e: unknown) => {
      const err = describeKeychainError(e);
      if (err.reason === 'locked') this.backend.markLocked();
      throw err;
    });
  }
}

const decodeOrNull = (raw: string | null): StoredForm | null | undefined => (raw === null ? null : decodeEntry(raw));

function invalidKey(key: string): SecretStoreError | undefined {
  // '#' separates chunk entries from their manifest.
  if (key.length === 0 || key.includes('#') || Buffer.byteLength(key) > 200) {
    return new SecretStoreError('corrupt', `"${key}" is not a valid secret name.`);
  }
  return undefined;
}

function corrupt(key: string): SecretStoreError {
  return new SecretStoreError(
    'corrupt',
    `The stored secret "${key}" is damaged or incomplete. Enter it again (or sign in again) to replace it.`,
  );
}
