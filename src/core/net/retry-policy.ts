/**
 * When to try an HTTP request again: 429 and 5xx are often momentary at Entra
 * (throttling, regional blips). Retry-After is honoured; a wait longer than the cap
 * is not slept through (the user should rather be told to come back later).
 */
export interface RetryPolicy {
  /** Total attempts including the first. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 3, baseDelayMs: 400, maxDelayMs: 10_000 };

const RETRYABLE = new Set([429, 500, 502, 503, 504]);

/** Milliseconds to wait before the next attempt, or null to stop and return this response. */
export function retryDelayMs(
  status: number,
  retryAfter: string | undefined,
  attempt: number,
  policy: RetryPolicy,
  now = Date.now(),
): number | null {
  if (!RETRYABLE.has(status) || attempt >= policy.maxAttempts) return null;
  const hinted = parseRetryAfter(retryAfter, now);
  if (hinted !== null) return hinted <= policy.maxDelayMs ? hinted : null;
  return backoffMs(attempt, policy);
}

/** Exponential wait after `attempt` failures, capped; also for waits that are not HTTP statuses (replication). */
export function backoffMs(attempt: number, policy: RetryPolicy): number {
  const backoff = policy.baseDelayMs * 2 ** (attempt - 1);
  // Jitter spreads the retries of many clients hit by the same outage.
  return Math.min(policy.maxDelayMs, Math.round(backoff * (0.75 + Math.random() * 0.5)));
}

/** `Retry-After` is either seconds or an HTTP date. */
function parseRetryAfter(value: string | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
