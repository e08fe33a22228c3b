import { createKeytarSecretStore, KEYCHAIN_SERVICE } from '../secrets/keytar-secret-store';
import type { SecretStore } from '../secrets/secret-store';
import { profilesFileIn } from './default-location';
import { fileLock } from './file-lock';
import { createProfileStore, type ProfileStore } from './profile-store';

/**
 * The profile file and the keychain as the desktop app, the CLI and the tests open them:
 * one cross-process lock for both, so a profile change and the secrets it writes are one
 * step that another process (the CLI recording a token, a second window) waits for.
 */
export interface DataStores {
  readonly file: string;
  readonly secrets: SecretStore;
  readonly profiles: ProfileStore;
}

export function openDataStores(opts: {
  readonly dataDir: string;
  readonly service?: string;
  readonly now?: () => Date;
}): DataStores {
  const file = profilesFileIn(opts.dataDir);
  const lock = fileLock(file);
  const secrets = createKeytarSecretStore(opts.service ?? KEYCHAIN_SERVICE, { lock });
  return {
    file,
    secrets,
    profiles: createProfileStore({ file, secrets, lock, ...(opts.now ? { now: opts.now } : {}) }),
  };
}
