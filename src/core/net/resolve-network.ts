import type { NetworkSettings, Profile } from '../../shared/profile';
import { secretKeys } from '../secrets/secret-keys';
import type { SecretStore } from '../secrets/secret-store';
import { splitProxyPassword, withProxyPassword } from './proxy-password';

/**
 * A profile's network settings as a client needs them: the proxy password, kept in the
 * keychain, put back into the proxy address in memory. The keychain is read only when the
 * address names a user and carries no password, so a profile without a proxy login costs nothing.
 */
export async function resolveNetwork(
  profile: Pick<Profile, 'id' | 'network'>,
  secrets: Pick<SecretStore, 'get'>,
): Promise<NetworkSettings> {
  const { network } = profile;
  const split = splitProxyPassword(network.proxyUrl);
  if (!split.user || split.password !== undefined) return network;
  const password = await secrets.get(secretKeys.proxyPassword(profile.id));
  return password === null ? network : { ...network, proxyUrl: withProxyPassword(split.saved, password) };
}
