import type { Problem } from '../../shared/problem';
import type { Profile } from '../../shared/profile';
import type { TokenInspection } from '../../shared/token-inspection';
import type { VerifyReport } from '../../shared/verify-report';
import { resolveNetwork } from '../net/resolve-network';
import type { RetryPolicy } from '../net/retry-policy';
import { type AcquisitionDeps, nowIso, recordTokenState } from '../oauth/flow-support';
import type { TokenOutcome } from '../oauth/token-outcome';
import { isProblemError } from '../problem-error';
import type { MailboxLimiter } from '../smtp/mailbox-limiter';
import { verifySmtp } from '../smtp/verify-smtp';
import { freshToken } from './fresh-token';

/**
 * "Does this saved profile still work?", the one use case behind the window's Verify, the
 * CLI's `verify` and the helpdesk's checks: get a token the way the target will, log in to
 * SMTP with it (and send a test mail when asked), and record the result on the profile.
 * The callers only render what comes back.
 *
 * A cancel is no finding about the profile, so it is never recorded; a result that cannot
 * be recorded (read-only folder, full disk) is a warning on the report, not a failed check.
 */
export interface VerifyDeps extends AcquisitionDeps {
  readonly limiter?: MailboxLimiter;
  readonly backoff?: RetryPolicy;
  /** Told as each step starts, for progress lines. */
  readonly onStep?: (step: 'token' | 'smtp') => void;
}

export interface VerifyOptions {
  /** Present: also send a test mail to this address. */
  readonly sendTo?: string;
  readonly signal?: AbortSignal;
  /**
   * A one-off check as this mailbox (app-only profiles: the app may send as any mailbox it
   * has rights on). It logs in and sends as it, and nothing is recorded on the profile.
   */
  readonly mailbox?: string;
  /** false: record nothing on the profile (token dates, the check's result). */
  readonly record?: boolean;
}

export interface VerifyOutcome {
  /** The profile with this check recorded (as it was, when recording failed). */
  readonly profile: Profile;
  readonly inspection: TokenInspection;
  readonly report: VerifyReport;
}

/** Throws ProblemError when no token could be had (recorded as a failed check unless cancelled). */
export async function verifyProfile(
  profile: Profile,
  deps: VerifyDeps,
  opts: VerifyOptions = {},
): Promise<VerifyOutcome> {
  const { signal } = opts;
  const { now } = deps;
  const warnings: Problem[] = [];
  const oneOff = opts.mailbox !== undefined || opts.record === false;
  const { profiles: _unused, ...notRecording } = deps;
  const recording: VerifyDeps = {
    ...(oneOff ? notRecording : deps),
    onWarning: (w) => {
      warnings.push(w);
      deps.onWarning?.(w);
    },
  };
  const cancelled = (): boolean => signal?.aborted === true;

  deps.onStep?.('token');
  let token: TokenOutcome;
  try {
    token = await freshToken(profile, recording, signal);
  } catch (e) {
    if (isProblemError(e) && !cancelled())
      await recordTokenState(recording, profile, {
        lastVerify: { at: nowIso(deps), ok: false, code: e.problem.code, title: e.problem.title },
      });
    throw e;
  }

  deps.onStep?.('smtp');
  const as = opts.mailbox !== undefined ? { mailbox: opts.mailbox, fromAddress: opts.mailbox } : {};
  const checked = await verifySmtp({
    profile: { ...profile, ...as, network: await resolveNetwork(profile, deps.secrets) },
    accessToken: token.accessToken,
    tokenInspection: token.inspection,
    ...(signal ? { signal } : {}),
    ...(opts.sendTo !== undefined ? { send: { to: opts.sendTo } } : {}),
    ...(deps.limiter ? { limiter: deps.limiter } : {}),
    ...(deps.backoff ? { backoff: deps.backoff } : {}),
    ...(now ? { now: () => new Date(now()) } : {}),
  });
  const updated = cancelled()
    ? undefined
    : await recordTokenState(recording, profile, {
        lastVerify: {
          at: nowIso(deps),
          ok: checked.ok,
          ...(checked.problem ? { code: checked.problem.code, title: checked.problem.title } : {}),
        },
      });
  const report = warnings.length > 0 ? { ...checked, warnings: [...checked.warnings, ...warnings] } : checked;
  return { profile: updated ?? profile, inspection: token.inspection, report };
}
