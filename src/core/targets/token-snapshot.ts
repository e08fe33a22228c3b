import type { ExportOptions, ExportOutput } from '../../shared/export-output';
import type { Profile } from '../../shared/profile';
import { secretKeys } from '../secrets/secret-keys';
import type { SecretStore } from '../secrets/secret-store';
import type { TokenSnapshot } from './common/context';
import { exportsFor } from './exports-for';

/**
 * Reads the secrets an export may show. Without "include secrets" the keychain is not
 * touched at all (no unlock prompt for a view that would only show placeholders).
 */
export async function readTokenSnapshot(
  store: SecretStore,
  profile: Profile,
  options: ExportOptions,
): Promise<TokenSnapshot> {
  if (!options.includeSecrets) return {};
  const [clientSecret, refreshToken] = await Promise.all([
    store.get(secretKeys.clientSecret(profile.id)),
    store.get(secretKeys.refreshToken(profile.id)),
  ]);
  return { ...(clientSecret ? { clientSecret } : {}), ...(refreshToken ? { refreshToken } : {}) };
}

/** What the UI handler and the CLI call: the keychain read and the pure export in one step. */
export async function exportsForProfile(
  store: SecretStore,
  profile: Profile,
  options: ExportOptions,
): Promise<ExportOutput[]> {
  return exportsFor(profile, await readTokenSnapshot(store, profile, options), options);
}
