import type { Profile, TokenState } from '../../shared/profile';
import { diagnose, stateMismatch, type DiagnoseStage } from '../diagnose/index';
import { IdpErrorResponse, aadstsIn } from '../diagnose/server-error';
import type { MsalNetworkClient } from '../net/msal-network-client';
import { ProblemError } from '../problem-error';
import type { ProfileStore } from '../profiles/profile-store';
import type { SecretStore } from '../secrets/secret-store';
import type { RedirectMatch } from './redirect-match';

/** What every acquisition needs besides the profile. */
export interface AcquisitionDeps {
  readonly secrets: SecretStore;
  /** When given, token dates are recorded on the profile. */
  readonly profiles?: Pick<ProfileStore, 'recordTokenState'>;
  /** Milliseconds since the epoch, for the expiry check (tests pass the emulator's clock). */
  readonly now?: () => number;
}

/** Turns any failure of a flow into a ProblemError with the profile's values filled in. */
export function toProblemError(
  e: unknown,
  profile: Profile,
  stage: DiagnoseStage,
  extra: { net?: MsalNetworkClient; secretLooksLikeId?: boolean; targetSendsSecret?: boolean } = {},
): ProblemError {
  if (e instanceof ProblemError) return e;
  return new ProblemError(
    diagnose(e, {
      profile,
      stage,
      ...(extra.net?.lastFailure ? { networkFailure: extra.net.lastFailure } : {}),
      ...(extra.secretLooksLikeId ? { secretLooksLikeId: true } : {}),
      ...(extra.targetSendsSecret ? { targetSendsSecret: true } : {}),
    }),
  );
}

/** A redirect that carried an error (or a foreign state) as the error the diagnosis reads. */
export function redirectFailure(m: Extract<RedirectMatch, { kind: 'error' }>): Error {
  if (m.error === 'state_mismatch') return new ProblemError(stateMismatch());
  return new IdpErrorResponse({
    error: m.error,
    aadsts: aadstsIn(m.errorDescription),
    suberror: m.suberror,
    description: m.errorDescription,
  });
}

export async function recordTokenState(
  deps: AcquisitionDeps,
  profile: Profile,
  patch: Partial<TokenState>,
): Promise<void> {
  await deps.profiles?.recordTokenState(profile.id, patch);
}

export const nowIso = (deps: AcquisitionDeps): string => new Date(deps.now ? deps.now() : Date.now()).toISOString();

export const randomToken = (bytes = 24): string =>
  Buffer.from(crypto.getRandomValues(new Uint8Array(bytes))).toString('base64url');
