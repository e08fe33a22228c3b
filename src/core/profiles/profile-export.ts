import {
  bundleAad,
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  type BundleFile,
  type BundleProfile,
  type BundleProfileSecrets,
  type BundleSecrets,
} from '../../shared/profile-bundle';
import type { Profile } from '../../shared/profile';
import { secretKeys } from '../secrets/secret-keys';
import type { SecretStore } from '../secrets/secret-store';
import { DEFAULT_KDF, passphraseProblem, sealSecrets, type KdfParams } from './bundle-crypto';

export interface ExportBundleOptions {
  readonly includeSecrets: boolean;
  /** Required with `includeSecrets`; at least MIN_PASSPHRASE_CHARS characters. */
  readonly passphrase?: string;
  /** "SMTP OAuth Wizard 0.1.0", written into the file for the person who opens it. */
  readonly exportedBy: string;
  readonly now?: () => Date;
  readonly kdf?: KdfParams;
}

/** The profiles' fields as the bundle carries them: no dates of this machine, token dates only beside the token. */
function bundleProfile(p: Profile, withToken: boolean): BundleProfile {
  const { createdAt: _c, updatedAt: _u, tokenState, ...fields } = p;
  const token = withToken
    ? {
        ...(tokenState.refreshTokenStoredAt ? { refreshTokenStoredAt: tokenState.refreshTokenStoredAt } : {}),
        ...(tokenState.refreshTokenLastUsedAt ? { refreshTokenLastUsedAt: tokenState.refreshTokenLastUsedAt } : {}),
        ...(tokenState.account ? { account: tokenState.account } : {}),
      }
    : {};
  return { ...fields, tokenState: token };
}

/** The keychain entries of one profile, read by their known names (the keychain is never listed). */
async function secretsOf(store: SecretStore, id: string): Promise<BundleProfileSecrets> {
  const [clientSecret, certificateKeyPem, certificatePem, proxyPassword, refreshToken] = await Promise.all([
    store.get(secretKeys.clientSecret(id)),
    store.get(secretKeys.certificateKey(id)),
    store.get(secretKeys.certificatePem(id)),
    store.get(secretKeys.proxyPassword(id)),
    store.get(secretKeys.refreshToken(id)),
  ]);
  return {
    ...(clientSecret !== null ? { clientSecret } : {}),
    ...(certificateKeyPem !== null && certificatePem !== null ? { certificateKeyPem, certificatePem } : {}),
    ...(proxyPassword !== null ? { proxyPassword } : {}),
    ...(refreshToken !== null ? { refreshToken } : {}),
  };
}

/** The text of the bundle file. With secrets, it is only ever built sealed: plaintext secrets never reach a file. */
export async function exportBundle(
  profiles: readonly Profile[],
  store: SecretStore,
  opts: ExportBundleOptions,
): Promise<string> {
  if (opts.includeSecrets) {
    const weak = passphraseProblem(opts.passphrase);
    if (weak) throw weak;
  }
  const secrets: BundleSecrets = {};
  if (opts.includeSecrets) {
    // One profile at a time: the keychain answers one call at a time anyway, and a locked one fails at the first.
    for (const p of profiles) secrets[p.id] = await secretsOf(store, p.id);
  }
  const bundled = profiles.map((p) =>
    bundleProfile(p, opts.includeSecrets && secrets[p.id]?.refreshToken !== undefined),
  );
  const file: BundleFile = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt: (opts.now ? opts.now() : new Date()).toISOString(),
    exportedBy: opts.exportedBy,
    profiles: bundled,
    ...(opts.includeSecrets
      ? {
          secrets: await sealSecrets(
            JSON.stringify(secrets),
            opts.passphrase ?? '',
            bundleAad(BUNDLE_VERSION, bundled),
            opts.kdf ?? DEFAULT_KDF,
          ),
        }
      : {}),
  };
  return `${JSON.stringify(file, null, 1)}\n`;
}
