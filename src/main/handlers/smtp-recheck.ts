import { checkProfileSmtp, type ProfileCheck } from '../../core/exchange-admin/profile-check';
import { resolveNetwork } from '../../core/net/resolve-network';
import { acquireAppOnly } from '../../core/oauth/app-only';
import { redeemStoredRefreshToken } from '../../core/oauth/raw-refresh';
import type { Profile } from '../../shared/profile';
import type { HandlerPorts } from './ports';

export type { ProfileCheck } from '../../core/exchange-admin/profile-check';

/** Verify's check for the Exchange handlers: the stored refresh token or an app-only token, then SMTP. Records nothing. */
export async function checkProfile(ports: HandlerPorts, profile: Profile, signal?: AbortSignal): Promise<ProfileCheck> {
  const deps = { secrets: ports.secrets, profiles: ports.profiles, ...(ports.now ? { now: ports.now } : {}) };
  return checkProfileSmtp(
    profile,
    await resolveNetwork(profile, ports.secrets),
    () =>
      profile.flow === 'delegated'
        ? redeemStoredRefreshToken(profile, { ...deps, ...(signal ? { signal } : {}) })
        : acquireAppOnly(profile, deps),
    signal,
  );
}
