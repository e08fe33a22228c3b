import type { Recheck } from '../../core/exchange-admin/propagation-wait';
import { acquireAppOnly } from '../../core/oauth/app-only';
import { redeemStoredRefreshToken } from '../../core/oauth/raw-refresh';
import { isProblemError } from '../../core/problem-error';
import { resolveNetwork } from '../../core/net/resolve-network';
import { verifySmtp } from '../../core/smtp/verify-smtp';
import type { Profile } from '../../shared/profile';
import { decodeJwtPayload } from '../../shared/token-inspection';
import type { HandlerPorts } from './ports';

export interface ProfileCheck extends Recheck {
  /** App-only: the token's `oid`, the Enterprise application object ID Exchange's commands need. */
  readonly servicePrincipalObjectId?: string;
  /** App-only: the token carries the SMTP.SendAsApp role (Exchange then checks mailbox permissions). */
  readonly sendAsAppRole?: boolean;
}

/**
 * The profile's check as Verify does it (a fresh token the way the target gets it, then the SMTP
 * login), answering a diagnosis instead of throwing: the Exchange re-check loop and the
 * "current diagnosis" behind Fix it both read it. Records nothing on the profile.
 */
export async function checkProfile(ports: HandlerPorts, profile: Profile, signal?: AbortSignal): Promise<ProfileCheck> {
  const deps = { secrets: ports.secrets, profiles: ports.profiles, ...(ports.now ? { now: ports.now } : {}) };
  try {
    const token =
      profile.flow === 'delegated'
        ? await redeemStoredRefreshToken(profile, { ...deps, ...(signal ? { signal } : {}) })
        : await acquireAppOnly(profile, deps);
    const report = await verifySmtp({
      profile: { ...profile, network: await resolveNetwork(profile, ports.secrets) },
      accessToken: token.accessToken,
      tokenInspection: token.inspection,
      ...(signal ? { signal } : {}),
    });
    const claims = profile.flow === 'app-only' ? decodeJwtPayload(token.accessToken) : null;
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
