import { ChunkedSecretStore } from './chunked-secret-store';
import { keytarBackend } from './keytar-backend';
import type { SecretStore } from './secret-store';

/** The keychain service name every entry of the app is stored under. */
export const KEYCHAIN_SERVICE = 'smtp-oauth-wizard';

/** The app's real SecretStore: the OS keychain through keytar, split into small entries. */
export function createKeytarSecretStore(service: string = KEYCHAIN_SERVICE): SecretStore {
  return new ChunkedSecretStore(keytarBackend(service));
}
