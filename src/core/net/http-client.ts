import https from 'node:https';
import tls from 'node:tls';
import { NetworkFailure, classifySocketError } from './network-failure';
import { connectThroughProxy, resolveProxy } from './proxy';
import { HTTP_RETRY, httpRetryDelayMs, sleep as abortableSleep, type RetryPolicy } from './retry-policy';

/**
 * The one HTTPS client core uses to reach the identity provider: the networks people
 * really have need an extra trusted CA (TLS inspection), a proxy, a timeout and polite
 * retries. Bodies are strings; callers parse. Nothing here logs bodies or headers.
 */

export interface HttpRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly signal?: AbortSignal;
  /** Overrides the client's timeout for this request. */
  readonly timeoutMs?: number;
}

export interface HttpResponse {
  readonly status: number;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** How many attempts it took (1 = no retry). */
  readonly attempts: number;
}

export interface HttpClientOptions {
  /** PEM of one or more extra trusted CAs, added to the system roots. */
  readonly extraCaPem?: string;
  /** Proxy URL; empty means HTTPS_PROXY from the environment. */
  readonly proxyUrl?: string;
  readonly timeoutMs?: number;
  readonly retry?: RetryPolicy;
  readonly env?: NodeJS.ProcessEnv;
  /** Injected so tests of the retry timing need not wait. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface HttpClient {
  request(req: HttpRequest): Promise<HttpResponse>;
  /** Closes kept-alive connections. */
  close(): void;
}

const MAX_BODY_BYTES = 4 * 1024 * 1024;

export function createHttpClient(opts: HttpClientOptions = {}): HttpClient {
  const ca = opts.extraCaPem?.trim() ? [...tls.rootCertificates, opts.extraCaPem] : undefined;
  // Parsing ~140 root certificates costs ~20 ms; do it once per client, not per connection.
  const secureContext = ca ? tls.createSecureContext({ ca }) : undefined;
  // Keep-alive: a refresh right after discovery reuses the connection, as a browser would.
  const agent = new https.Agent({ keepAlive: true, maxSockets: 4, ...(secureContext ? { secureContext } : {}) });
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const policy = opts.retry ?? HTTP_RETRY;
  const sleep = opts.sleep ?? abortableSleep;
  const pause = (ms: number, signal?: AbortSignal): Promise<void> =>
    sleep(ms, signal).catch((e: unknown) => {
      throw signal?.aborted ? new NetworkFailure('aborted', '') : e;
    });

  async function once(req: HttpRequest): Promise<Omit<HttpResponse, 'attempts'>> {
    const url = new URL(req.url);
    if (url.protocol !== 'https:') throw new NetworkFailure('tls-other', url.host, { code: 'HTTPS_REQUIRED' });
    const port = Number(url.port || 443);
    const hostPort = `${url.hostname}:${port}`;
    const perRequestTimeout = req.timeoutMs ?? timeoutMs;
    const proxy = resolveProxy(url, opts.proxyUrl ?? '', opts.env ?? process.env);
    const tunnel = proxy ? await connectThroughProxy(proxy, url.hostname, port, perRequestTimeout, ca) : undefined;
    const tlsSocket = tunnel
      ? tls.connect({ socket: tunnel, servername: url.hostname, ...(secureContext ? { secureContext } : {}) })
      : undefined;

    return new Promise((resolve, reject) => {
      const r = https.request(
        {
          protocol: 'https:',
          hostname: url.hostname,
          port,
          path: `${url.pathname}${url.search}`,
          method: req.method,
          headers: {
            ...req.headers,
            ...(req.body !== undefined ? { 'content-length': String(Buffer.byteLength(req.body)) } : {}),
          },
          // No `agent` with createConnection: Node would otherwise build a fresh agent and ignore the tunnel.
          ...(tlsSocket ? { createConnection: () => tlsSocket } : { agent }),
          signal: req.signal,
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (c: Buffer) => {
            size += c.length;
            if (size > MAX_BODY_BYTES)
              res.destroy(
                new NetworkFailure('bad-response', hostPort, { code: 'BODY_TOO_LARGE', status: res.statusCode }),
              );
            else chunks.push(c);
          });
          res.once('error', (e) => reject(classifySocketError(e, hostPort)));
          res.once('end', () => {
            clearTimeout(timer);
            // A tunnel serves one request; kept-alive reuse is only for direct connections.
            tlsSocket?.end();
            const headers: Record<string, string> = {};
            for (const [k, v] of Object.entries(res.headers))
              if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
            resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('utf8') });
          });
        },
      );
      const timer = setTimeout(
        () => r.destroy(new NetworkFailure('timeout', hostPort, { code: `NO_ANSWER_IN_${perRequestTimeout}MS` })),
        perRequestTimeout,
      );
      r.once('error', (e) => {
        clearTimeout(timer);
        tlsSocket?.destroy();
        reject(req.signal?.aborted ? new NetworkFailure('aborted', hostPort) : classifySocketError(e, hostPort));
      });
      r.end(req.body);
    });
  }

  return {
    async request(req) {
      for (let attempt = 1; ; attempt++) {
        const res = await once(req);
        const wait = httpRetryDelayMs(res.status, res.headers['retry-after'], attempt, policy);
        if (wait === null) return { ...res, attempts: attempt };
        await pause(wait, req.signal);
      }
    },
    close: () => agent.destroy(),
  };
}
