import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { NetworkFailure, classifySocketError } from './network-failure';
import { proxyFor } from './proxy';
import { HTTP_RETRY, httpRetryDelayMs, sleep as abortableSleep, type RetryPolicy } from './retry-policy';
import { secureContextFor } from './trust-store';
import { openTunnel } from './tunnel';

/**
 * The one HTTPS client core uses to reach the identity provider: the networks people
 * really have need an extra trusted CA (TLS inspection), a proxy, a timeout and polite
 * retries. Bodies are strings; callers parse. Nothing here logs bodies or headers.
 */

export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
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
  /** Proxy address (`host:port`, `http://…`, `https://…`); empty means HTTPS_PROXY from the environment. */
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
/** Idle kept-alive connections are closed before a server's usual 5 s keep-alive timeout would. */
const IDLE_SOCKET_MS = 4_000;
/** A kept-alive connection the server closed just as it was reused: the request never reached it. */
const STALE = Symbol('stale connection');

export function createHttpClient(opts: HttpClientOptions = {}): HttpClient {
  const secureContext = secureContextFor(opts.extraCaPem ?? '');
  // Keep-alive: a refresh right after discovery reuses the connection, as a browser would.
  const agent = new https.Agent({
    keepAlive: true,
    maxSockets: 4,
    timeout: IDLE_SOCKET_MS,
    ...(secureContext ? { secureContext } : {}),
  });
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const policy = opts.retry ?? HTTP_RETRY;
  const sleep = opts.sleep ?? abortableSleep;
  const pause = (ms: number, signal?: AbortSignal): Promise<void> =>
    sleep(ms, signal).catch((e: unknown) => {
      throw signal?.aborted ? new NetworkFailure('aborted', '') : e;
    });

  async function once(req: HttpRequest): Promise<Omit<HttpResponse, 'attempts'> | typeof STALE> {
    const url = new URL(req.url);
    if (url.protocol !== 'https:') throw new NetworkFailure('tls-other', url.host, { code: 'HTTPS_REQUIRED' });
    const port = Number(url.port || 443);
    const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const hostPort = `${url.hostname}:${port}`;
    const perRequestTimeout = req.timeoutMs ?? timeoutMs;
    const proxy = proxyFor(hostname, opts.proxyUrl ?? '', opts.env ?? process.env);
    const tunnel = proxy
      ? await openTunnel(proxy, hostname, port, {
          timeoutMs: perRequestTimeout,
          ...(req.signal ? { signal: req.signal } : {}),
          ...(secureContext ? { secureContext } : {}),
        })
      : undefined;
    const tlsSocket = tunnel
      ? tls.connect({
          socket: tunnel,
          // SNI takes names only; an IP address is checked against the certificate's IP entries.
          ...(net.isIP(hostname) ? {} : { servername: hostname }),
          ...(secureContext ? { secureContext } : {}),
        })
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
      r.once('error', (e: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        tlsSocket?.destroy();
        if (r.reusedSocket && e.code === 'ECONNRESET' && !req.signal?.aborted) return resolve(STALE);
        reject(req.signal?.aborted ? new NetworkFailure('aborted', hostPort) : classifySocketError(e, hostPort));
      });
      r.end(req.body);
    });
  }

  return {
    async request(req) {
      for (let attempt = 1, stale = 0; ; attempt++) {
        const res = await once(req);
        // Sent again at once, and not counted as an attempt: the server never saw it.
        if (res === STALE) {
          if (++stale > 2) throw new NetworkFailure('reset', new URL(req.url).host, { code: 'ECONNRESET' });
          attempt--;
          continue;
        }
        const wait = httpRetryDelayMs(res.status, res.headers['retry-after'], attempt, policy);
        if (wait === null) return { ...res, attempts: attempt };
        await pause(wait, req.signal);
      }
    },
    close: () => agent.destroy(),
  };
}
