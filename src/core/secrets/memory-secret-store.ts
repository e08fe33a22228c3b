import { MAX_SECRET_BYTES, SecretStoreError, type SecretStore, type SecretStoreStatus } from './secret-store';

/** In-memory SecretStore for unit tests of modules that only need somewhere to put secrets. */
export class MemorySecretStore implements SecretStore {
  private readonly values = new Map<string, string>();

  async get(key: string): Promise<string | null> {
    return this.values.get(key) ?? null;
  }

  async set(key: string, value: string): Promise<void> {
    if (Buffer.byteLength(value, 'utf8') > MAX_SECRET_BYTES) {
      throw new SecretStoreError('too-large', `The secret "${key}" is larger than 64 KB and cannot be stored.`);
    }
    this.values.set(key, value);
  }

  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }

  async status(): Promise<SecretStoreStatus> {
    return { available: true, backend: 'memory' };
  }

  /** Every value held, for tests that scan for leaks. */
  allValues(): readonly string[] {
    return [...this.values.values()];
  }
}
