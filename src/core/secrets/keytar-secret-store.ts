import type { CrossProcessLock } from '../profiles/file-lock';
import { ChunkedSecretStore } from './chunked-secret-store';
import { keytarBackend } from './keytar-backend';
import type { SecretStore } from './secret-store';

/** The keychain service name every entry of the app is stored under. */
export const KEYCHAIN_SERVICE = 'smtp-oauth-wizard';

/**
 * The app's real SecretStore: the OS keychain through keytar, in small entries. `lock`
 * (the data folder's, see data-stores.ts) makes writers in other processes wait their turn.
 */
export function createKeytarSecretStore(
  service: string = KEYCHAIN_SERVICE,
  opts: { readonly lock?: CrossProcessLock } = {},
): SecretStore {
  return new ChunkedSecretStore(keytarBackend(service), opts);
}
