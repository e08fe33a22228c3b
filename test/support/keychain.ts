import { randomBytes } from 'node:crypto';
import { createKeytarSecretStore } from '../../src/core/secrets/keytar-secret-store';
import type { SecretStore } from '../../src/core/secrets/secret-store';

/**
 * The real OS keychain under a service name of its own per test file, so runs never see
 * each other's entries (npm test provides a private gnome-keyring session).
 */
export function testKeychain(label: string): { store: SecretStore; service: string; wipe(): Promise<void> } {
  const service = `smtp-oauth-wizard-test-${label}-${randomBytes(4).toString('hex')}`;
  const store = createKeytarSecretStore(service);
  return {
    store,
    service,
    async wipe() {
      for (const k of await store.keys('')) await store.delete(k);
    },
  };
}
