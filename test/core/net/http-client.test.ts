import type http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, type HttpClient } from '../../../src/core/net/http-client';
import { NetworkFailure } from '../../../src/core/net/network-failure';
import { sharedHttpClient } from '../../../src/core/net/shared-http-client';
import { secureContextFor } from '../../../src/core/net/trust-store';
import { smtpTlsOptions } from '../../../src/core/smtp/tls-options';
import { startProxy } from '../../support/connect-proxy';
import { makeTestTls, type TestTls } from '../../support/test-tls';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

let tlsFx: TestTls;
let server: https.Server;
let base: string;
let handler: Handler = (_q, s) => s.end('ok');
const hits: string[] = [];
let handshakes = 0;

beforeAll(async () => {
  tlsFx = makeTestTls();
  server = https.createServer({ cert: tlsFx.certPem, key: tlsFx.keyPem }, (q, s) => {
    hits.push(`${q.method} ${q.url}`);
    handler(q, s);
  });
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

const clients: HttpClient[] = [];
const client = (o: Parameters<typeof createHttpClient>[0] = {}) => {
  const c = createHttpClient({ extraCaPem: tlsFx.caPem, env: {}, ...o });
  clients.push(c);
  return c;
};
afterEach(() => {
  clients.splice(0).forEach((c) => c.close());
  handler = (_q, s) => s.end('ok');
  hits.length = 0;
});

async function failure(p: Promise<unknown>): Promise<NetworkFailure> {
  try {
    await p;
  } catch (e) {
    if (e instanceof NetworkFailure) return e;
    throw e;
  }
  throw new Error('expected a NetworkFailure');
}

describe('http client', () => {
  it('posts a body and returns status, lower-case headers and text', async () => {
    handler = (q, s) => {
      let b = '';
      q.on('data', (c) => (b += c));
      q.on('end', () => {
        s.setHeader('X-Echo', 'yes');
        s.end(`got ${b}`);
      });
    };
    const r = await client().request({
      method: 'POST',
      url: `${base}/token`,
      body: 'a=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(r).toMatchObject({ status: 200, body: 'got a=1', attempts: 1 });
    expect(r.headers['x-echo']).toBe('yes');
  });

  it('trusts an extra CA and refuses the same server without it as untrusted TLS', async () => {
    expect((await client().request({ method: 'GET', url: base })).status).toBe(200);
    const f = await failure(client({ extraCaPem: '' }).request({ method: 'GET', url: base }));
    expect(f.kind).toBe('tls-untrusted');
    expect(f.host).toBe(base.replace('https://', ''));
  });

  it('retries 503 and 429 honouring Retry-After, then succeeds', async () => {
    let n = 0;
    handler = (_q, s) => {
      n++;
      if (n === 1) {
        s.statusCode = 503;
        s.setHeader('Retry-After', '2');
        s.end();
      } else if (n === 2) {
        s.statusCode = 429;
        s.end();
      } else s.end('ok');
    };
    const waits: number[] = [];
    const r = await client({
      sleep: async (ms) => {
        waits.push(ms);
      },
    }).request({ method: 'GET', url: base });
    expect(r).toMatchObject({ status: 200, attempts: 3 });
    expect(waits[0]).toBe(2000);
    expect(waits[1]).toBeGreaterThan(0);
  });

  it('really waits between attempts with the default sleep', async () => {
    let n = 0;
    handler = (_q, s) => {
      n++;
      if (n === 1) {
        s.statusCode = 500;
        s.setHeader('Retry-After', '1');
        s.end();
      } else s.end('ok');
    };
    const t0 = Date.now();
    const r = await client().request({ method: 'GET', url: base });
    expect(r.attempts).toBe(2);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
  });

  it('gives up and returns the response when Retry-After is longer than it will wait, or attempts run out', async () => {
    handler = (_q, s) => {
      s.statusCode = 429;
      s.setHeader('Retry-After', '3600');
      s.end();
    };
    expect(await client().request({ method: 'GET', url: base })).toMatchObject({ status: 429, attempts: 1 });
    handler = (_q, s) => {
      s.statusCode = 502;
      s.end();
    };
    expect(await client({ sleep: async () => {} }).request({ method: 'GET', url: base })).toMatchObject({
      status: 502,
      attempts: 3,
    });
  });

  it('sends a request again on a fresh connection when the kept-alive one it reused was closed by the server', async () => {
    const served = new WeakMap<object, number>();
    handler = (q, s) => {
      const n = (served.get(q.socket) ?? 0) + 1;
      served.set(q.socket, n);
      // The second request on a connection: the server has given up on it, as an idle timeout does.
      if (n === 2) return void q.socket.destroy();
      s.end('ok');
    };
    const c = client();
    expect(await c.request({ method: 'GET', url: `${base}/first` })).toMatchObject({ status: 200, attempts: 1 });
    expect(await c.request({ method: 'POST', url: `${base}/second`, body: 'x' })).toMatchObject({
      status: 200,
      body: 'ok',
      attempts: 1,
    });
    expect(hits).toEqual(['GET /first', 'POST /second', 'POST /second']);
  });

  it('does not retry a 400', async () => {
    handler = (_q, s) => {
      s.statusCode = 400;
      s.end('{"error":"invalid_grant"}');
    };
    expect(await client().request({ method: 'POST', url: base, body: '' })).toMatchObject({ status: 400, attempts: 1 });
    expect(hits).toHaveLength(1);
  });

  it('times out a server that never answers', async () => {
    handler = () => {};
    // Without the timeout this would hang until the test's own limit; 'timeout' is the proof.
    const f = await failure(client({ timeoutMs: 300 }).request({ method: 'GET', url: base }));
    expect(f.kind).toBe('timeout');
  });

  it('reports a closed port as refused', async () => {
    const s = net.createServer();
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const port = (s.address() as AddressInfo).port;
    await new Promise<void>((r) => s.close(() => r()));
    expect((await failure(client().request({ method: 'GET', url: `https://127.0.0.1:${port}/` }))).kind).toBe(
      'refused',
    );
  });

  it('tunnels through the proxy from the profile setting, and leaves loopback to HTTPS_PROXY and NO_PROXY alone', async () => {
    const p = await startProxy();
    try {
      expect((await client({ proxyUrl: p.url }).request({ method: 'GET', url: `${base}/a` })).status).toBe(200);
      // Scheme-less, as HTTPS_PROXY and Windows' proxy dialog write it.
      const bare = p.url.replace('http://', '');
      expect((await client({ proxyUrl: bare }).request({ method: 'GET', url: `${base}/b` })).status).toBe(200);
      expect(p.connects).toEqual([base.replace('https://', ''), base.replace('https://', '')]);
      expect(hits).toEqual(['GET /a', 'GET /b']);
      // The environment's proxy never sees this computer itself (the SMTP check follows the same rule).
      await client({ env: { HTTPS_PROXY: p.url } }).request({ method: 'GET', url: base });
      expect(p.connects).toHaveLength(2);
    } finally {
      await p.close();
    }
  });

  it('names proxy authentication and an unreachable proxy', async () => {
    const p = await startProxy({ requireAuth: 'u:pw' });
    try {
      expect((await failure(client({ proxyUrl: p.url }).request({ method: 'GET', url: base }))).kind).toBe(
        'proxy-auth',
      );
      const withAuth = p.url.replace('http://', 'http://u:pw@');
      expect((await client({ proxyUrl: withAuth }).request({ method: 'GET', url: base })).status).toBe(200);
    } finally {
      await p.close();
    }
    expect((await failure(client({ proxyUrl: p.url }).request({ method: 'GET', url: base }))).kind).toBe(
      'proxy-unreachable',
    );
  });
});

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
