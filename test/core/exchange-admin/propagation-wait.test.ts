// The re-check loop on an injected clock: it checks at once, then on its schedule, stops on success,
// on a failure no propagation explains, at the bound, or when cancelled.
import { describe, expect, it } from 'vitest';
import {
  RECHECK_DELAYS_MS,
  waitingExplains,
  waitUntilSmtpAccepts,
  type Recheck,
  type Scheduler,
} from '../../../src/core/exchange-admin/propagation-wait';

function fakeClock(): Scheduler & { t: number; slept: number[] } {
  const c = {
    t: 0,
    slept: [] as number[],
    now: () => c.t,
    async sleep(ms: number, signal?: AbortSignal) {
      signal?.throwIfAborted();
      c.slept.push(ms);
      c.t += ms;
    },
  };
  return c;
}

const refused = (code = 'SMTP_535_5.7.3'): Recheck => ({
  ok: false,
  problem: {
    code,
    category: 'setup',
    title: 'refused',
    explanation: '',
    fixSteps: ['Wait.'],
    commands: [],
    retryable: false,
  },
});

describe('waitUntilSmtpAccepts', () => {
  it('checks at once and returns after the first success', async () => {
    const clock = fakeClock();
    const answers = [refused(), refused('SMTP_430_4.2.0'), { ok: true }];
    const result = await waitUntilSmtpAccepts({ recheck: async () => answers.shift()!, scheduler: clock });
    expect(result).toEqual({ ok: true, attempts: 3, elapsedMs: RECHECK_DELAYS_MS[0]! + RECHECK_DELAYS_MS[1]! });
    expect(clock.slept).toEqual([30_000, 60_000]);
  });

  it('keeps to 5-minute checks after the first few and gives up at the bound', async () => {
    const clock = fakeClock();
    const progress: (number | undefined)[] = [];
    const result = await waitUntilSmtpAccepts({
      recheck: async () => refused(),
      scheduler: clock,
      boundMs: 30 * 60_000,
      onProgress: (p) => progress.push(p.nextInMs),
    });
    expect(result).toMatchObject({ ok: false, problem: { code: 'EXCHANGE_PROPAGATION_TIMEOUT' } });
    expect(clock.slept).toEqual([30_000, 60_000, 120_000, 180_000, 300_000, 300_000, 300_000, 300_000]);
    expect(clock.t).toBeLessThanOrEqual(30 * 60_000);
    expect(progress.at(-1)).toBeUndefined();
  });

  it('stops at once on a failure waiting cannot fix, with that diagnosis', async () => {
    const clock = fakeClock();
    const result = await waitUntilSmtpAccepts({ recheck: async () => refused('AADSTS7000215'), scheduler: clock });
    expect(result).toMatchObject({ ok: false, attempts: 1, problem: { code: 'AADSTS7000215' } });
    expect(clock.slept).toEqual([]);
  });

  it('rejects when cancelled while waiting', async () => {
    const stop = new AbortController();
    const clock = fakeClock();
    const run = waitUntilSmtpAccepts({
      recheck: async () => {
        stop.abort();
        return refused();
      },
      scheduler: clock,
      signal: stop.signal,
    });
    await expect(run).rejects.toThrow();
  });

  it('waits out the refusals an Exchange change explains, not token mistakes', () => {
    for (const code of [
      'SMTP_535_5.7.3',
      'SMTP_535_5.7.3_MISSING_APP_ROLE',
      'SMTP_430_4.2.0',
      'SMTP_535_5.7.139_MAILBOX_DISABLED',
    ])
      expect(waitingExplains(refused(code).problem)).toBe(true);
    for (const code of [
      'SMTP_535_5.7.3_WRONG_AUDIENCE',
      'SMTP_535_5.7.139_SECURITY_DEFAULTS',
      'SMTP_CONNECTION_REFUSED',
      'AADSTS700016',
    ])
      expect(waitingExplains(refused(code).problem)).toBe(false);
  });
});
