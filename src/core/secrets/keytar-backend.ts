import { createRequire } from 'node:module';
import { SecretStoreError } from './secret-store';
import { describeKeychainError } from './keychain-errors';
import type { CredentialBackend } from './credential-backend';

type Keytar = {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
};

/** A keychain that does not answer is usually waiting for the user to unlock it. */
const CALL_TIMEOUT_MS = 20_000;

let loaded: Keytar | SecretStoreError | undefined;

function loadKeytar(): Keytar {
  if (loaded === undefined) {
    try {
      // Loaded lazily: a missing native module must become a typed error, not a crash at start.
      loaded = createRequire(__filename)('keytar') as Keytar;
    } catch (e) {
      loaded = new SecretStoreError(
        'unavailable',
        'The keychain module could not be loaded, so secrets cannot be stored. Reinstall the app; on Linux install libsecret.',
        { cause: e },
      );
    }
  }
  if (loaded instanceof SecretStoreError) throw loaded;
  return loaded;
}

async function call<T>(op: (k: Keytar) => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const k = loadKeytar();
    return await Promise.race([
      op(k),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('keychain call timed out')), CALL_TIMEOUT_MS);
      }),
    ]);
  } catch (e) {
    throw describeKeychainError(e);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * keytar (macOS Keychain, Windows Credential Manager, libsecret) as a CredentialBackend.
 * keytar stays the binding because these three calls are safe on a locked collection
 * (get answers null, set and delete fail or answer false) and keep the entries existing
 * users have; the one unsafe call, findCredentials, is not part of the backend.
 */
export function keytarBackend(service: string): CredentialBackend {
  return {
    name: `keytar:${process.platform}`,
    get: (account) => call((k) => k.getPassword(service, account)),
    set: (account, value) => call((k) => k.setPassword(service, account, value)),
    delete: (account) => call((k) => k.deletePassword(service, account)),
  };
}

/**
 * Every account under `service`. UNSAFE: keytar's findCredentials crashes the whole process
 * (SIGSEGV in libsecret) on a locked collection, and its cost grows with the keychain. The
 * app never calls it (a lint test holds that); tests and benchmarks use it to wipe and to
 * inspect a keyring they unlocked themselves.
 */
export async function listAccountsForTests(service: string): Promise<string[]> {
  return call(async (k) => (await k.findCredentials(service)).map((c) => c.account));
}
