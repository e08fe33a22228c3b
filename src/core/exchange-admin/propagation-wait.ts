import { setTimeout as wait } from 'node:timers/promises';
import { problem, type Problem } from '../../shared/problem';

/**
 * After an Exchange change, check SMTP again on a schedule until it accepts or the propagation bound
 * passes (reference §7.4: "up to about an hour"; third parties report 30 minutes to 2 hours). The
 * clock is injected: the app waits in real time, tests move the emulator's clock instead.
 */

export interface Scheduler {
  now(): number;
  /** Resolves after `ms`, or rejects as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realScheduler: Scheduler = {
  now: () => Date.now(),
  sleep: (ms, signal) => wait(ms, undefined, signal ? { signal } : {}),
};

/** One SMTP check: the existing verify (fresh token, XOAUTH2 login) boiled down. */
export interface Recheck {
  readonly ok: boolean;
  readonly problem?: Problem;
}

export interface RecheckProgress {
  readonly attempt: number;
  readonly elapsedMs: number;
  readonly ok: boolean;
  readonly problem?: Problem;
  /** When the next check is due, unless this one passed or the bound is reached. */
  readonly nextInMs?: number;
}

export type WaitResult =
  | { readonly ok: true; readonly attempts: number; readonly elapsedMs: number }
  | { readonly ok: false; readonly attempts: number; readonly elapsedMs: number; readonly problem: Problem };

export const ONE_HOUR = 60 * 60_000;

/** Checks soon after the change (small changes often land within minutes), then every 5 minutes. */
export const RECHECK_DELAYS_MS: readonly number[] = [30_000, 60_000, 120_000, 180_000, 300_000];

/**
 * Exchange refusals that an admin change still on its way explains: the 535s (including the
 * token-shaped ones App RBAC produces without the SMTP.SendAsApp claim), 430 mailbox logon, Send As.
 * Not: a wrong audience, another cloud, an expired token (a fresh check gets a fresh token anyway),
 * security defaults or Conditional Access.
 */
export function waitingExplains(p: Problem | undefined): boolean {
  if (!p) return false;
  // Security defaults and Conditional Access are Entra policies: no Exchange change lifts them.
  if (/_(WRONG_AUDIENCE|OTHER_CLOUD|TOKEN_EXPIRED|SECURITY_DEFAULTS|CONDITIONAL_ACCESS|BASIC_AUTH)$/.test(p.code))
    return false;
  return /^SMTP_(535|430|554_5\.2\.252|550_5\.7\.60)/.test(p.code);
}

export interface WaitOptions {
  readonly recheck: (signal?: AbortSignal) => Promise<Recheck>;
  readonly scheduler?: Scheduler;
  readonly boundMs?: number;
  readonly delaysMs?: readonly number[];
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: RecheckProgress) => void;
  /** Which failures are worth waiting out; others end the wait at once. */
  readonly keepWaiting?: (p: Problem | undefined) => boolean;
}

export async function waitUntilSmtpAccepts(o: WaitOptions): Promise<WaitResult> {
  const s = o.scheduler ?? realScheduler;
  const bound = o.boundMs ?? ONE_HOUR;
  const delays = o.delaysMs ?? RECHECK_DELAYS_MS;
  const keepWaiting = o.keepWaiting ?? waitingExplains;
  const start = s.now();
  for (let attempt = 1; ; attempt++) {
    o.signal?.throwIfAborted();
    const check = await o.recheck(o.signal);
    const elapsedMs = s.now() - start;
    const delay = delays[Math.min(attempt - 1, delays.length - 1)] ?? 300_000;
    const more = !check.ok && keepWaiting(check.problem) && elapsedMs + delay <= bound;
    o.onProgress?.({
      attempt,
      elapsedMs,
      ok: check.ok,
      ...(check.problem ? { problem: check.problem } : {}),
      ...(more ? { nextInMs: delay } : {}),
    });
    if (check.ok) return { ok: true, attempts: attempt, elapsedMs };
    if (!more)
      return {
        ok: false,
        attempts: attempt,
        elapsedMs,
        problem: stillRefused(check.problem, elapsedMs, keepWaiting(check.problem)),
      };
    await s.sleep(delay, o.signal);
  }
}

function stillRefused(last: Problem | undefined, elapsedMs: number, propagation: boolean): Problem {
  if (!propagation && last) return last;
  const minutes = Math.round(elapsedMs / 60_000);
  return problem({
    code: 'EXCHANGE_PROPAGATION_TIMEOUT',
    title:
      minutes < 1
        ? 'Exchange has not applied the change to mail sending yet'
        : `Exchange still refuses the login after ${minutes} minutes`,
    explanation: `The change was made in Exchange, but mail sending has not picked it up yet. Exchange usually applies such changes within an hour; some tenants take up to two. The last answer: ${last?.title ?? 'refused'}.`,
    fixSteps: ['Verify again later; nothing needs to be run again.', ...(last?.fixSteps ?? [])],
    commands: last?.commands ? [...last.commands] : [],
    retryable: true,
    ...(last?.detail ? { detail: last.detail } : {}),
  });
}
