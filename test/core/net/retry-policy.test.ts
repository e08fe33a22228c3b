import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  HTTP_RETRY,
  httpRetryDelayMs,
  isTemporarySmtpReply,
  sleep,
  SMTP_RETRY,
} from '../../../src/core/net/retry-policy';

describe('the one retry policy', () => {
  it('doubles the delay per failed attempt and never exceeds the cap', () => {
    const policy = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 3000 };
    expect(backoffDelay(policy, 1, () => 0.999999)).toBe(1000);
    expect(backoffDelay(policy, 2, () => 0.999999)).toBe(2000);
    expect(backoffDelay(policy, 3, () => 0.999999)).toBe(3000);
    expect(backoffDelay(policy, 9, () => 0.999999)).toBe(3000);
  });

  it('jitters between half and all of the delay, for HTTP and SMTP alike', () => {
    expect(backoffDelay(SMTP_RETRY, 1, () => 0)).toBe(1000);
    expect(backoffDelay(SMTP_RETRY, 1, () => 0.5)).toBe(1500);
    expect(backoffDelay(HTTP_RETRY, 1, () => 0)).toBe(200);
    expect(backoffDelay(HTTP_RETRY, 2, () => 0.999999)).toBe(800);
  });

  it('retries HTTP 429 and 5xx, honours Retry-After in seconds or as a date, and stops at the cap or the last attempt', () => {
    const now = Date.parse('2026-12-01T10:00:00Z');
    expect(httpRetryDelayMs(503, '2', 1, HTTP_RETRY, now)).toBe(2000);
    expect(httpRetryDelayMs(429, 'Tue, 01 Dec 2026 10:00:05 GMT', 1, HTTP_RETRY, now)).toBe(5000);
    expect(httpRetryDelayMs(429, '3600', 1, HTTP_RETRY, now)).toBeNull();
    expect(httpRetryDelayMs(502, undefined, 3, HTTP_RETRY, now)).toBeNull();
    expect(httpRetryDelayMs(400, undefined, 1, HTTP_RETRY, now)).toBeNull();
    const backoff = httpRetryDelayMs(500, undefined, 1, HTTP_RETRY, now) ?? 0;
    expect(backoff).toBeGreaterThanOrEqual(200);
    expect(backoff).toBeLessThanOrEqual(400);
  });

  it('treats only 4xx SMTP replies as temporary', () => {
    expect(isTemporarySmtpReply(432)).toBe(true);
    expect(isTemporarySmtpReply(421)).toBe(true);
    expect(isTemporarySmtpReply(535)).toBe(false);
    expect(isTemporarySmtpReply(undefined)).toBe(false);
  });

  it('stops sleeping with an AbortError as soon as the signal aborts', async () => {
    const ac = new AbortController();
    const slept = sleep(60_000, ac.signal).then(
      () => 'woke',
      (e: unknown) => (e as Error).name,
    );
    ac.abort();
    expect(await slept).toBe('AbortError');
    expect(await sleep(60_000, AbortSignal.abort()).catch((e: unknown) => (e as Error).name)).toBe('AbortError');
  });
});
