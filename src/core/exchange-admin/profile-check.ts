import type { Recheck } from './propagation-wait';
import type { TokenOutcome } from '../oauth/token-outcome';
import { isProblemError } from '../problem-error';
import { verifySmtp } from '../smtp/verify-smtp';
import type { NetworkSettings, Profile } from '../../shared/profile';
import { decodeJwtPayload } from '../../shared/token-inspection';

export interface ProfileCheck extends Recheck {
  /** App-only: the token's `oid`, the Enterprise application object ID Exchange's commands need. */
  readonly servicePrincipalObjectId?: string;
  /** App-only: the token carries the SMTP.SendAsApp role (Exchange then checks mailbox permissions). */
  readonly sendAsAppRole?: boolean;
}

/**
 * The profile's check as Verify does it (a fresh token the way the target gets it, then the SMTP
 * login), answering a diagnosis instead of throwing: the re-check loop and the "current diagnosis"
 * behind Fix it read it. The window and the CLI each bring their way of getting the token.
 */
export async function checkProfileSmtp(
  profile: Profile,
  network: NetworkSettings,
  token: () => Promise<Pick<TokenOutcome, 'accessToken' | 'inspection'>>,
  signal?: AbortSignal,
): Promise<ProfileCheck> {
  try {
    const t = await token();
    const report = await verifySmtp({
      profile: { ...profile, network },
      accessToken: t.accessToken,
      tokenInspection: t.inspection,
      ...(signal ? { signal } : {}),
    });
    const claims = profile.flow === 'app-only' ? decodeJwtPayload(t.accessToken) : null;
    const roles = Array.isArray(claims?.roles) ? claims.roles : [];
    return {
      ok: report.ok,
      ...(report.problem ? { problem: report.problem } : {}),
      ...(typeof claims?.oid === 'string' ? { servicePrincipalObjectId: claims.oid } : {}),
      ...(claims ? { sendAsAppRole: roles.includes('SMTP.SendAsApp') } : {}),
    };
  } catch (e) {
    if (isProblemError(e) && !signal?.aborted) return { ok: false, problem: e.problem };
    throw e;
  }
}
