import { describe, expect, it } from 'vitest';
import { backoffDelay, EXCHANGE_BACKOFF, isTemporaryReply } from '../../../src/core/smtp/backoff';

describe('backoff', () => {
  it('doubles the delay per failed attempt and never exceeds the cap', () => {
    const policy = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 3000 };
    expect(backoffDelay(policy, 1, () => 0.999999)).toBe(1000);
    expect(backoffDelay(policy, 2, () => 0.999999)).toBe(2000);
    expect(backoffDelay(policy, 3, () => 0.999999)).toBe(3000);
    expect(backoffDelay(policy, 9, () => 0.999999)).toBe(3000);
  });

  it('jitters between half and all of the delay', () => {
    expect(backoffDelay(EXCHANGE_BACKOFF, 1, () => 0)).toBe(1000);
    expect(backoffDelay(EXCHANGE_BACKOFF, 1, () => 0.5)).toBe(1500);
  });

  it('treats only 4xx replies as temporary', () => {
    expect(isTemporaryReply(432)).toBe(true);
    expect(isTemporaryReply(421)).toBe(true);
    expect(isTemporaryReply(535)).toBe(false);
    expect(isTemporaryReply(undefined)).toBe(false);
  });
});
