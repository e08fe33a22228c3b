import { setTimeout as wait } from 'node:timers/promises';

/**
 * The one retry rule for every "not now" answer: Entra's 429 and 5xx (throttling, regional
 * blips) and Exchange's 4xx SMTP replies (432 concurrent connections, 421, 451). A bounded
 * number of attempts, exponential back-off with jitter so clients hit by the same outage do
 * not retry in lock-step, and a server's own Retry-After honoured when it gives one.
 */
export interface RetryPolicy {
  /** Total attempts including the first. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** Token and discovery requests: quick, the user is waiting at the screen. */
export const HTTP_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 400, maxDelayMs: 10_000 };

/** Exchange's temporary SMTP refusals: 2 s then 4 s, since its connection limits clear slowly. */
export const SMTP_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 2_000, maxDelayMs: 15_000 };

/** Delay before attempt `failedAttempts + 1`; `random` in [0, 1). */
export function backoffDelay(policy: RetryPolicy, failedAttempts: number, random: () => number = Math.random): number {
  const exp = policy.baseDelayMs * 2 ** Math.max(0, failedAttempts - 1);
  const capped = Math.min(exp, policy.maxDelayMs);
  // Jitter in [50%, 100%] of the delay: never zero, never over the cap.
  return Math.round(capped * (0.5 + random() / 2));
}

const RETRYABLE_HTTP = new Set([429, 500, 502, 503, 504]);

/**
 * Milliseconds to wait before the next HTTP attempt, or null to stop and return this response.
 * A Retry-After longer than the cap is not slept through: the user is better told to come back later.
 */
export function httpRetryDelayMs(
  status: number,
  retryAfter: string | undefined,
  attempt: number,
  policy: RetryPolicy,
  now = Date.now(),
): number | null {
  if (!RETRYABLE_HTTP.has(status) || attempt >= policy.maxAttempts) return null;
  const hinted = parseRetryAfter(retryAfter, now);
  if (hinted !== null) return hinted <= policy.maxDelayMs ? hinted : null;
  return backoffDelay(policy, attempt);
}

/** `Retry-After` is either seconds or an HTTP date. */
function parseRetryAfter(value: string | undefined, now: number): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** An SMTP reply Exchange means as "not now": 4xx. Network failures are not retried. */
export function isTemporarySmtpReply(responseCode: number | undefined): boolean {
  return responseCode !== undefined && responseCode >= 400 && responseCode < 500;
}

/** Waits `ms`, or rejects with an AbortError as soon as `signal` aborts (the user's Cancel). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return wait(ms, undefined, signal ? { signal } : {});
}
