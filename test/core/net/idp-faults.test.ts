import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { acquireAppOnly } from '../../../src/core/oauth/app-only';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store';
import { secretKeys } from '../../../src/core/secrets/secret-keys';
import { ProblemError } from '../../../src/core/problem-error';
import type { Profile } from '../../../src/shared/profile';
import { startEmulator, type Emulator } from '../../emulator';
import { DAEMON_APP, DAEMON_SECRET } from '../../emulator/fixtures/ids';
import { emulatorProfile } from '../oauth/emulator-profile';
import { startProxy } from '../../support/connect-proxy';

/** The networks people really have, against the emulator's fault switches: through MSAL and our client. */
let emu: Emulator;
const secrets = new MemorySecretStore();
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu?.close();
});
afterEach(() => emu.faults.clear());

async function daemon(over: Partial<Profile> = {}): Promise<Profile> {
  const p = emulatorProfile(emu, {
    flow: 'app-only',
    clientId: DAEMON_APP,
    scopes: ['https://outlook.office365.com/.default'],
    ...over,
  });
  await secrets.set(secretKeys.clientSecret(p.id), DAEMON_SECRET);
  return p;
}
const tokenCalls = () => emu.requestLog.filter((r) => r.path.endsWith('/oauth2/v2.0/token')).length;
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'none',
    (e: unknown) => (e instanceof ProblemError ? e.problem.code : `not a problem: ${String(e)}`),
  );

describe('identity provider faults', () => {
  it('retries a 503 with Retry-After and then gets the token', async () => {
    emu.faults.set({ http503: true, retryAfter: 1, pathIncludes: '/token', count: 1 });
    const before = tokenCalls();
    const t0 = Date.now();
    const out = await acquireAppOnly(await daemon(), { secrets });
    expect(out.inspection.verdict.fit).toBe('yes');
    expect(tokenCalls() - before).toBe(2);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
  });

  it('retries 429 twice and then gets the token', async () => {
    emu.faults.set({ http429: true, retryAfter: 0, pathIncludes: '/token', count: 2 });
    const before = tokenCalls();
    await acquireAppOnly(await daemon(), { secrets });
    expect(tokenCalls() - before).toBe(3);
  });

  it('gives up on a lasting 500 with a retryable diagnosis', async () => {
    emu.faults.set({ http500: true, pathIncludes: '/token' });
    const before = tokenCalls();
    const err = await acquireAppOnly(await daemon(), { secrets }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProblemError);
    expect((err as ProblemError).problem.retryable).toBe(true);
    expect(tokenCalls() - before).toBe(3);
  });

  it('names an unreadable answer and a server that is too slow', async () => {
    emu.faults.set({ malformedJson: true, pathIncludes: '/token' });
    expect(await codeOf(acquireAppOnly(await daemon(), { secrets }))).toBe('IDP_BAD_RESPONSE');
    emu.faults.clear();
    emu.faults.set({ slowMs: 1500, pathIncludes: '/token' });
    expect(
      await codeOf(
        acquireAppOnly(await daemon({ network: { proxyUrl: '', extraCaPem: emu.caPem, timeoutMs: 300 } }), { secrets }),
      ),
    ).toBe('IDP_TIMEOUT');
  });

  it('goes through an HTTPS proxy set on the profile', async () => {
    const proxy = await startProxy();
    try {
      const out = await acquireAppOnly(
        await daemon({ network: { proxyUrl: proxy.url, extraCaPem: emu.caPem, timeoutMs: 10_000 } }),
        { secrets },
      );
      expect(out.inspection.verdict.fit).toBe('yes');
      expect(proxy.connects.length).toBeGreaterThanOrEqual(1);
      expect(new Set(proxy.connects)).toEqual(new Set([emu.host]));
    } finally {
      await proxy.close();
    }
  });
});
