/**
 * Back-off for Exchange's temporary refusals (432 4.3.2 "concurrent connections limit",
 * 421, 451): wait, then try again a bounded number of times. Exponential with jitter so
 * several checks started together do not retry in lock-step.
 */

export interface BackoffPolicy {
  /** Total attempts including the first. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const EXCHANGE_BACKOFF: BackoffPolicy = { maxAttempts: 3, baseDelayMs: 2_000, maxDelayMs: 15_000 };

/** Delay before attempt `failedAttempts + 1`; `random` in [0, 1). */
export function backoffDelay(
  policy: BackoffPolicy,
  failedAttempts: number,
  random: () => number = Math.random,
): number {
  const exp = policy.baseDelayMs * 2 ** Math.max(0, failedAttempts - 1);
  const capped = Math.min(exp, policy.maxDelayMs);
  // Jitter in [50%, 100%] of the delay: never zero, never over the cap.
  return Math.round(capped * (0.5 + random() / 2));
}

/** A reply Exchange means as "not now": 4xx. Network failures are not retried here. */
export function isTemporaryReply(responseCode: number | undefined): boolean {
  return responseCode !== undefined && responseCode >= 400 && responseCode < 500;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(Object.assign(new Error('Aborted'), { name: 'AbortError' }));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(Object.assign(new Error('Aborted'), { name: 'AbortError' }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
