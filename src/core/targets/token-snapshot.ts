import type { ExportOptions, ExportOutput } from '../../shared/export-output';
import type { Profile } from '../../shared/profile';
import { secretKeys } from '../secrets/secret-keys';
import type { SecretStore } from '../secrets/secret-store';
import type { TokenSnapshot } from './common/context';
import { exportsFor } from './exports-for';

/** Targets that limit the refresh token's length, so the export measures it even with secrets withheld. */
const measuresRefreshToken = (profile: Profile): boolean => profile.targetId === 'aem' && profile.flow === 'delegated';

/**
 * Reads the secrets an export may show. Without "include secrets" the keychain is not
 * touched (no unlock prompt for a view that would only show placeholders), except to
 * measure the refresh token for a target that limits its length: then only the length
 * is kept, and a keychain that cannot be read leaves it unknown instead of failing.
 */
export async function readTokenSnapshot(
  store: SecretStore,
  profile: Profile,
  options: ExportOptions,
): Promise<TokenSnapshot> {
  if (!options.includeSecrets) {
    if (!measuresRefreshToken(profile)) return {};
    const token = await store.get(secretKeys.refreshToken(profile.id)).catch(() => null);
    return token ? { refreshTokenLength: token.length } : {};
  }
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
