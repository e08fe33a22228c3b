import { createHash } from 'node:crypto';
import type { CredentialBackend } from './credential-backend';
import { MAX_SECRET_BYTES, SecretStoreError, type SecretStore, type SecretStoreStatus } from './secret-store';
import { describeKeychainError } from './keychain-errors';

/**
 * A SecretStore over a keychain whose entries are small (Windows: 2,560 bytes). A value is
 * base64-encoded and split into chunk entries; a small manifest entry under the key itself
 * names the generation, chunk count and a checksum. Writes put the new generation's chunks
 * first and the manifest last, then drop the old chunks, so a reader never sees half a value.
 */
const CHUNK_CHARS = 2048; // base64 is ASCII: 2,048 bytes per entry, well under the cap
const MANIFEST = /^sow1:(\d+):(\d+):([0-9a-f]{16})$/;
const chunkAccount = (key: string, gen: number, i: number) => `${key}#${gen}.${i}`;
const isChunk = (account: string) => account.includes('#');
const checksum = (b64: string) => createHash('sha256').update(b64).digest('hex').slice(0, 16);

export class ChunkedSecretStore implements SecretStore {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly backend: CredentialBackend) {}

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
    return this.serial(key, async () => {
      const old = await this.manifest(key);
      const gen = old ? old.gen + 1 : 1;
      const b64 = Buffer.from(value, 'utf8').toString('base64');
      const count = Math.max(1, Math.ceil(b64.length / CHUNK_CHARS));
      for (let i = 0; i < count; i++) {
        await this.backend.set(chunkAccount(key, gen, i), b64.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS));
      }
      await this.backend.set(key, `sow1:${gen}:${count}:${checksum(b64)}`);
      if (old) await this.dropChunks(key, old.gen, old.count);
    });
  }

  delete(key: string): Promise<void> {
    return this.serial(key, async () => {
      const old = await this.manifest(key);
      await this.backend.delete(key);
      if (old) await this.dropChunks(key, old.gen, old.count);
    });
  }

  async keys(prefix: string): Promise<readonly string[]> {
    const accounts = await this.backend.accounts();
    return accounts.filter((a) => !isChunk(a) && a.startsWith(prefix)).sort();
  }

  async status(): Promise<SecretStoreStatus> {
    try {
      await this.backend.accounts();
      return { available: true, backend: this.backend.name };
    } catch (e) {
      const err = describeKeychainError(e);
      return { available: false, backend: this.backend.name, reason: err.reason, message: err.message };
    }
  }

  private async read(key: string): Promise<string | null> {
    const m = await this.manifest(key);
    if (!m) return null;
    const parts: string[] = [];
    for (let i = 0; i < m.count; i++) {
      const part = await this.backend.get(chunkAccount(key, m.gen, i));
      if (part === null) throw corrupt(key);
      parts.push(part);
    }
    const b64 = parts.join('');
    if (checksum(b64) !== m.sum) throw corrupt(key);
    return Buffer.from(b64, 'base64').toString('utf8');
  }

  private async manifest(key: string): Promise<{ gen: number; count: number; sum: string } | null> {
    const raw = await this.backend.get(key);
    if (raw === null) return null;
    const match = MANIFEST.exec(raw);
    if (!match) throw corrupt(key);
    return { gen: Number(match[1]), count: Number(match[2]), sum: match[3] ?? '' };
  }

  private async dropChunks(key: string, gen: number, count: number): Promise<void> {
    for (let i = 0; i < count; i++) await this.backend.delete(chunkAccount(key, gen, i));
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
      throw e instanceof SecretStoreError ? e : describeKeychainError(e);
    });
  }
}

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
