import type { Profile } from '../../shared/profile';
import { acquireAppOnly } from '../oauth/app-only';
import type { AcquisitionDeps } from '../oauth/flow-support';
import { redeemStoredRefreshToken } from '../oauth/raw-refresh';
import type { TokenOutcome } from '../oauth/token-outcome';

/**
 * A fresh access token without a browser, the way the target mail system gets one: client
 * credentials for app-only profiles, the stored refresh token (redeemed raw, rotated in the
 * keychain) for delegated ones. Token dates are recorded when `deps.profiles` is given.
 */
export function freshToken(profile: Profile, deps: AcquisitionDeps, signal?: AbortSignal): Promise<TokenOutcome> {
  const withSignal = signal ? { ...deps, signal } : deps;
  return profile.flow === 'app-only'
    ? acquireAppOnly(profile, withSignal)
    : redeemStoredRefreshToken(profile, withSignal);
}
