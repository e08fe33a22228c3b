import { acquireAppOnly } from '../core/oauth/app-only';
import { redeemStoredRefreshToken } from '../core/oauth/raw-refresh';
import type { TokenOutcome } from '../core/oauth/token-outcome';
import type { Profile } from '../shared/profile';
import { requireKeychain, type CliContext } from './cli-context';

/**
 * A fresh access token without a browser: client credentials for app-only profiles, the
 * stored refresh token (redeemed as the target mail system does) for delegated ones.
 * Token dates are recorded on the profile, as the desktop app does.
 */
export async function acquireToken(ctx: CliContext, profile: Profile): Promise<TokenOutcome> {
  await requireKeychain(ctx);
  const deps = { secrets: ctx.secrets, profiles: ctx.profiles };
  return profile.flow === 'app-only' ? acquireAppOnly(profile, deps) : redeemStoredRefreshToken(profile, deps);
}

export const profileRef = (p: Profile): { readonly id: string; readonly name: string } => ({ id: p.id, name: p.name });
