import type { Profile, ProfileDraft, ProfileSecretsInput } from '../../shared/profile';
import { splitProxyPassword } from '../net/proxy-password';
import { profileSecretNames, secretKeys } from '../secrets/secret-keys';
import type { SecretStore } from '../secrets/secret-store';
import { importPemCertificate, importPfxCertificate } from './certificate';

/**
 * What a profile change does in the keychain: the typed secrets go in, the facts derived
 * from them (a certificate's thumbprints, the proxy address without its password) come back
 * for the file. Deleting removes every known name of the profile; nothing is listed.
 */
export function profileSecrets(secrets: SecretStore) {
  const clearCertificate = (id: string) =>
    Promise.all([secrets.delete(secretKeys.certificateKey(id)), secrets.delete(secretKeys.certificatePem(id))]);

  /** Puts secrets into the keychain; returns the credential facts derived from them. */
  async function storeCredential(
    id: string,
    draft: ProfileDraft,
    s: ProfileSecretsInput | undefined,
  ): Promise<ProfileDraft> {
    if (s?.clientSecret !== undefined) {
      await secrets.set(secretKeys.clientSecret(id), s.clientSecret.trim());
      await clearCertificate(id);
      return { ...draft, credential: draft.credential.kind === 'secret' ? draft.credential : { kind: 'secret' } };
    }
    const cert = s?.certificatePem
      ? importPemCertificate(s.certificatePem)
      : s?.pfxBase64
        ? importPfxCertificate(s.pfxBase64, s.pfxPassword ?? '')
        : undefined;
    if (cert) {
      await secrets.set(secretKeys.certificateKey(id), cert.privateKeyPem);
      await secrets.set(secretKeys.certificatePem(id), cert.certificatePem);
      await secrets.delete(secretKeys.clientSecret(id));
      return { ...draft, credential: cert.info };
    }
    return draft;
  }

  /**
   * The proxy password goes to the keychain, the file keeps `http://user@host:port`. An address
   * without a password keeps the stored one for the same user (the form shows the address
   * without it); another user, or no proxy login at all, drops it.
   */
  async function storeProxyPassword(id: string, draft: ProfileDraft, old?: Profile): Promise<ProfileDraft> {
    const split = splitProxyPassword(draft.network.proxyUrl);
    const oldUser = old ? splitProxyPassword(old.network.proxyUrl).user : '';
    if (split.password !== undefined) await secrets.set(secretKeys.proxyPassword(id), split.password);
    else if (oldUser && oldUser !== split.user) await secrets.delete(secretKeys.proxyPassword(id));
    return split.saved === draft.network.proxyUrl
      ? draft
      : { ...draft, network: { ...draft.network, proxyUrl: split.saved } };
  }

  return {
    /** Stores what was typed for profile `id` (`old`: the saved profile being edited). */
    async store(id: string, draftIn: ProfileDraft, input?: ProfileSecretsInput, old?: Profile): Promise<ProfileDraft> {
      const draft = await storeProxyPassword(id, await storeCredential(id, draftIn, input), old);
      if (old && draft.credential.kind === 'none') {
        await Promise.all([secrets.delete(secretKeys.clientSecret(id)), clearCertificate(id)]);
      }
      return draft;
    },
    /** A copy's credentials: same app, same proxy; tokens belong to one sign-in and stay. */
    async copyCredentials(from: string, to: string): Promise<void> {
      for (const key of [
        secretKeys.clientSecret,
        secretKeys.certificateKey,
        secretKeys.certificatePem,
        secretKeys.proxyPassword,
      ]) {
        const v = await secrets.get(key(from));
        if (v !== null) await secrets.set(key(to), v);
      }
    },
    removeAll: async (id: string): Promise<void> => {
      await Promise.all(profileSecretNames(id).map((name) => secrets.delete(name)));
    },
  };
}
