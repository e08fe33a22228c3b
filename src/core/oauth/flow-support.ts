import { problem, type Problem } from '../../shared/problem';
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
  /**
   * Told when the token (or check) worked but its dates could not be written to the profile
   * file (read-only folder, full disk): worth saying, not worth failing the token for.
   */
  readonly onWarning?: (warning: Problem) => void;
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

/** The warning for a token state that could not be saved, with the store's own reason and fix. */
export function stateNotRecorded(e: unknown): Problem {
  const cause = diagnose(e);
  return problem({
    code: 'TOKEN_STATE_NOT_SAVED',
    title: 'The result could not be saved in the profile',
    explanation: `The token and the check are not affected, but the dates shown for this profile are out of date. ${cause.title}: ${cause.explanation}`,
    fixSteps: cause.fixSteps.length > 0 ? cause.fixSteps : ['Check that the app’s data folder can be written to.'],
    ...(cause.detail ? { detail: cause.detail } : {}),
  });
}

/**
 * Records token dates (or a check's result) on the profile when a store is given. Never
 * throws: the token was obtained, so a store that cannot write (read-only folder, full disk)
 * becomes a warning for `onWarning` instead of a failed sign-in. Returns the updated profile.
 */
export async function recordTokenState(
  deps: AcquisitionDeps,
  profile: Profile,
  patch: Partial<TokenState>,
): Promise<Profile | undefined> {
  if (!deps.profiles) return undefined;
  try {
    return await deps.profiles.recordTokenState(profile.id, patch);
  } catch (e) {
    deps.onWarning?.(stateNotRecorded(e));
    return undefined;
  }
}

export const nowIso = (deps: AcquisitionDeps): string => new Date(deps.now ? deps.now() : Date.now()).toISOString();

export const randomToken = (bytes = 24): string =>
  Buffer.from(crypto.getRandomValues(new Uint8Array(bytes))).toString('base64url');
