import { describe, expect, it } from 'vitest';
import { createTokenSource } from '../../../src/core/bulk/token-source';
import type { TokenOutcome } from '../../../src/core/oauth/token-outcome';

/** A JWT-shaped token expiring at `exp` (seconds); only its claims matter here. */
function outcome(n: number, exp: number): TokenOutcome {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return {
    accessToken: `${b64({ alg: 'none' })}.${b64({ exp, n })}.sig`,
    inspection: {
      kind: 'jwt',
      claims: { scp: [], roles: ['SMTP.SendAsApp'], exp },
      verdict: { fit: 'yes', summary: '', checks: [] },
    },
    refreshTokenStored: false,
  };
}

describe('one access token shared by a bulk run', () => {
  it('fetches once for many concurrent callers and reuses the token while it is fresh', async () => {
    let now = 1_000_000_000;
    let calls = 0;
    const source = createTokenSource({ acquire: async () => outcome(++calls, now / 1000 + 3600), now: () => now });
    const tokens = await Promise.all(Array.from({ length: 20 }, () => source.get()));
    expect(new Set(tokens.map((t) => t.accessToken)).size).toBe(1);
    now += 30 * 60_000;
    await source.get();
    expect(source.acquisitions).toBe(1);
  });

  it('fetches a new one inside the margin before expiry, and when told the token is spent', async () => {
    let now = 1_000_000_000;
    let calls = 0;
    const source = createTokenSource({
      acquire: async () => outcome(++calls, now / 1000 + 3600),
      now: () => now,
      refreshMarginMs: 120_000,
    });
    const first = await source.get();
    now += 3600_000 - 119_000;
    const second = await source.get();
    expect(second.accessToken).not.toBe(first.accessToken);
    source.invalidate(first.accessToken); // an older token: no effect
    expect((await source.get()).accessToken).toBe(second.accessToken);
    source.invalidate(second.accessToken);
    await source.get();
    expect(source.acquisitions).toBe(3);
  });

  it('lets a failed fetch fail every waiting caller and tries again on the next call', async () => {
    let fail = true;
    const source = createTokenSource({
      acquire: async () => {
        if (fail) throw new Error('refused');
        return outcome(1, Date.now() / 1000 + 3600);
      },
    });
    await expect(Promise.all([source.get(), source.get()])).rejects.toThrow('refused');
    fail = false;
    await expect(source.get()).resolves.toBeTruthy();
    expect(source.acquisitions).toBe(2);
  });
});
