import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedHttpClient } from '../../../src/core/net/shared-http-client';
import { secureContextFor } from '../../../src/core/net/trust-store';
import { smtpTlsOptions } from '../../../src/core/smtp/tls-options';
import { makeTestTls, type TestTls } from '../../support/test-tls';

let tlsFx: TestTls;
let server: https.Server;
let base: string;
let handshakes = 0;

beforeAll(async () => {
  tlsFx = makeTestTls();
  server = https.createServer({ cert: tlsFx.certPem, key: tlsFx.keyPem }, (_q, s) => s.end('ok'));
  server.on('secureConnection', () => (handshakes += 1));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
);

describe('one HTTP client and trust store per network setting', () => {
  it('hands every caller with the same setting the same client, and its connection', async () => {
    const setting = { extraCaPem: tlsFx.caPem, proxyUrl: '', timeoutMs: 10_000 };
    const first = sharedHttpClient(setting);
    const again = sharedHttpClient({ ...setting, extraCaPem: `${tlsFx.caPem}\n` });
    expect(again).toBe(first);
    expect(sharedHttpClient({ ...setting, timeoutMs: 5_000 })).not.toBe(first);

    const before = handshakes;
    await first.request({ method: 'GET', url: `${base}/1` });
    // One caller closing its client must not cut the connection the others share.
    first.close();
    await again.request({ method: 'GET', url: `${base}/2` });
    expect(handshakes - before).toBe(1);
  });

  it('builds the trust store once per extra CA, for sign-in and SMTP alike', () => {
    const ctx = secureContextFor(tlsFx.caPem);
    expect(ctx).toBeDefined();
    expect(secureContextFor(` ${tlsFx.caPem} `)).toBe(ctx);
    expect(smtpTlsOptions(tlsFx.caPem).secureContext).toBe(ctx);
    expect(secureContextFor('')).toBeUndefined();
  });
});
