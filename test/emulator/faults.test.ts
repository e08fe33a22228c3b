// Fault switches and the request log (issue 3 "For tests"): raw HTTPS, then how MSAL reacts.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfidentialClientApplication } from '@azure/msal-node';
import { startEmulator, type Emulator } from './index';
import { msalConfig } from './test-helpers';
import { httpsRequest } from './sign-in-driver';
import * as ids from './fixtures/ids';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterEach(() => emu.faults.clear());
afterAll(() => emu.close());

const ccBody = new URLSearchParams({
  grant_type: 'client_credentials',
  client_id: ids.DAEMON_APP,
  client_secret: ids.DAEMON_SECRET,
  scope: 'https://outlook.office365.com/.default',
}).toString();
const token = () => httpsRequest(emu.tokenEndpoint(), emu.caPem, { body: ccBody });

describe('raw HTTPS', () => {
  it.each([
    [{ http500: true }, 500, undefined],
    [{ http503: true, retryAfter: 7 }, 503, '7'],
    [{ http429: true, retryAfter: 30 }, 429, '30'],
  ] as const)('%o -> HTTP %s with Retry-After %s', async (fault, status, retryAfter) => {
    emu.faults.set(fault);
    const res = await token();
    expect(res.status).toBe(status);
    expect(res.headers['retry-after']).toBe(retryAfter);
    expect(() => JSON.parse(res.body) as unknown).not.toThrow();
  });

  it('malformedJson answers 200 with a body that does not parse', async () => {
    emu.faults.set({ malformedJson: true });
    const res = await token();
    expect(res.status).toBe(200);
    expect(() => JSON.parse(res.body) as unknown).toThrow();
  });

  it('slowMs delays the answer', async () => {
    emu.faults.set({ slowMs: 300 });
    const t0 = Date.now();
    expect((await token()).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
  });

  it('count limits a fault to the next N requests; pathIncludes to some endpoints', async () => {
    emu.faults.set({ http503: true, count: 2, pathIncludes: '/token' });
    expect((await httpsRequest(`${emu.authority()}/v2.0/.well-known/openid-configuration`, emu.caPem)).status).toBe(
      200,
    );
    expect([(await token()).status, (await token()).status, (await token()).status]).toEqual([503, 503, 200]);
  });

  it('the request log records method, path (no query), grant type, status and time', async () => {
    const before = emu.requestLog.length;
    await token();
    await httpsRequest(`${emu.authority()}/discovery/v2.0/keys?x=1`, emu.caPem);
    const [a, b] = emu.requestLog.slice(before);
    expect(a).toMatchObject({
      method: 'POST',
      path: `/${ids.CONTOSO}/oauth2/v2.0/token`,
      grantType: 'client_credentials',
      status: 200,
    });
    expect(b).toMatchObject({ method: 'GET', path: `/${ids.CONTOSO}/discovery/v2.0/keys`, status: 200 });
    expect(Math.abs((a?.at ?? 0) - emu.clock.now())).toBeLessThan(5000);
  });
});

describe('MSAL under faults', () => {
  const scopes = ['https://outlook.office365.com/.default'];
  const cca = () =>
    new ConfidentialClientApplication(msalConfig(emu, { clientId: ids.DAEMON_APP, clientSecret: ids.DAEMON_SECRET }));

  it('HTTP 503 on /token surfaces as an error, and MSAL then throttles itself for Retry-After (no new request)', async () => {
    const app = cca();
    emu.faults.set({ http503: true, retryAfter: 60, pathIncludes: '/token' });
    await expect(app.acquireTokenByClientCredential({ scopes })).rejects.toThrow();
    emu.faults.clear();
    const tokenCalls = () => emu.requestLog.filter((e) => e.path.endsWith('/token')).length;
    const before = tokenCalls();
    await expect(app.acquireTokenByClientCredential({ scopes, skipCache: true })).rejects.toThrow();
    expect(tokenCalls()).toBe(before);
  });

  it('a malformed JSON token response makes MSAL fail instead of returning a token', async () => {
    emu.faults.set({ malformedJson: true, pathIncludes: '/token' });
    await expect(cca().acquireTokenByClientCredential({ scopes })).rejects.toThrow();
  });

  it('a discovery failure (HTTP 500) stops MSAL before any token request', async () => {
    const before = emu.requestLog.filter((e) => e.path.endsWith('/token')).length;
    emu.faults.set({ http500: true, pathIncludes: 'openid-configuration' });
    await expect(cca().acquireTokenByClientCredential({ scopes })).rejects.toThrow();
    expect(emu.requestLog.filter((e) => e.path.endsWith('/token')).length).toBe(before);
  });
});
