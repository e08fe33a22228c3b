import { freshToken } from '../core/check/fresh-token';
import type { AcquisitionDeps } from '../core/oauth/flow-support';
import type { TokenOutcome } from '../core/oauth/token-outcome';
import type { Profile } from '../shared/profile';
import { requireKeychain, type CliContext } from './cli-context';
import { line } from './cli-io';

/** What core's use cases need from the command line: its stores, its clock, its Ctrl-C. */
export function coreDeps(ctx: CliContext): AcquisitionDeps {
  return { secrets: ctx.secrets, profiles: ctx.profiles, now: ctx.now };
}

/**
 * A fresh access token without a browser (core's freshToken: client credentials, or the
 * stored refresh token redeemed as the target does). A state that could not be saved is a
 * warning on stderr, never a failed command.
 */
export async function acquireToken(ctx: CliContext, profile: Profile): Promise<TokenOutcome> {
  await requireKeychain(ctx);
  return freshToken(
    profile,
    { ...coreDeps(ctx), onWarning: (w) => void line(ctx.io.stderr, `smtp-oauth-wizard: warning: ${w.title}`) },
    ctx.signal,
  );
}

export const profileRef = (p: Profile): { readonly id: string; readonly name: string } => ({ id: p.id, name: p.name });
