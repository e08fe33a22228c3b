import { randomBytes } from 'node:crypto';
import type { CredentialBackend } from '../../src/core/secrets/credential-backend';
import { listAccountsForTests, keytarBackend } from '../../src/core/secrets/keytar-backend';
import { createKeytarSecretStore } from '../../src/core/secrets/keytar-secret-store';
import type { SecretStore } from '../../src/core/secrets/secret-store';

/**
 * The real OS keychain under a service name of its own per test file, so runs never see
 * each other's entries (npm test provides a private gnome-keyring session).
 */
export function testKeychain(label: string): {
  store: SecretStore;
  service: string;
  /** The entries as they are in the keychain, unformatted. */
  raw: CredentialBackend;
  /** Every entry under the service (tests only: listing is unsafe on a locked keyring). */
  accounts(): Promise<string[]>;
  wipe(): Promise<void>;
} {
  const service = `smtp-oauth-wizard-test-${label}-${randomBytes(4).toString('hex')}`;
  return {
    store: createKeytarSecretStore(service),
    service,
    raw: keytarBackend(service),
    ...keychainInspector(service),
  };
}

/** Lists and wipes the entries of one keychain service, for tests and benchmarks. */
export function keychainInspector(service: string): { accounts(): Promise<string[]>; wipe(): Promise<void> } {
  const accounts = async () => (await listAccountsForTests(service)).sort();
  return {
    accounts,
    async wipe() {
      const raw = keytarBackend(service);
      for (const a of await accounts()) await raw.delete(a);
    },
  };
}
