import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { matchRedirect, type RedirectMatch } from './redirect-match';
import { signInCancelled, signInTimedOut } from './login-ports';

/**
 * The system-browser path: an HTTP listener on 127.0.0.1 (never all interfaces: that
 * raises a Windows firewall prompt and exposes the code to the LAN) on a random port.
 * Entra ignores the port of http://localhost redirects, so the registered
 * `http://localhost[/path]` works. Handles query and form_post answers.
 *
 * Anything on this computer can reach the port before the browser does: a tab's favicon
 * request, a scanner, a page that guesses ports, a local process with a forged code. So
 * the listener waits for the one request that is the redirect path carrying our state
 * (a code, or Entra's error for this very attempt) and answers every other one 404 without
 * ending the sign-in; a Host that is not the loopback name (a DNS-rebinding page) is
 * refused; and a connection that dawdles over its request is dropped after `slowRequestMs`,
 * so it cannot hold the listener.
 */
export interface LoopbackListener {
  /** `http://localhost:PORT/path` to send as redirect_uri. */
  readonly redirectUri: string;
  readonly port: number;
  /** Resolves with the redirect URL (and the form body for form_post). */
  waitForRedirect(
    expectedState: string,
    opts: { signal?: AbortSignal; timeoutMs: number },
  ): Promise<{ url: string; formBody?: string }>;
  close(): Promise<void>;
}

export interface LoopbackOptions {
  /** Longest a connection may take to send its whole request. Default 10 s. */
  readonly slowRequestMs?: number;
}

const page = (
  title: string,
  text: string,
) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32em;margin:4em auto}</style></head>
<body><h1>${title}</h1><p>${text}</p><script>history.replaceState(null,'',location.pathname)</script></body></html>`;

const MAX_BODY = 64 * 1024;
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1']);

/** Is this the answer to our request: a code with our state, or Entra's error that carries it? */
function isOurAnswer(m: RedirectMatch, expectedState: string): boolean {
  if (m.kind === 'code') return true;
  // state_mismatch and invalid_response are someone else's request, not Entra's answer.
  return m.kind === 'error' && m.state === expectedState && m.error !== 'state_mismatch';
}

/** The Host header names this listener (a browser sends `localhost:PORT`). */
function hostIsOurs(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const m = /^([^:]+|\[[^\]]+\]):(\d+)$/.exec(host.trim().toLowerCase());
  return m !== null && LOOPBACK_NAMES.has(m[1] as string) && Number(m[2]) === port;
}

export async function startLoopbackListener(path = '/', options: LoopbackOptions = {}): Promise<LoopbackListener> {
  let deliver: ((r: { url: string; formBody?: string }) => void) | undefined;
  let expected: string | undefined;
  const slowMs = options.slowRequestMs ?? 10_000;
  const server = http.createServer(
    {
      headersTimeout: slowMs,
      requestTimeout: slowMs,
      // How often Node looks for connections over those limits (its default is 30 s).
      connectionsCheckingInterval: Math.max(100, Math.min(1_000, Math.round(slowMs / 4))),
      keepAliveTimeout: 1_000,
    },
    (req, res) => {
      const notFound = (status = 404, text = 'Not found') => {
        res.writeHead(status, { 'content-type': 'text/plain', 'cache-control': 'no-store' }).end(text);
      };
      if (!hostIsOurs(req.headers.host, port)) return notFound(421, 'Misdirected request');
      const url = `http://localhost:${port}${req.url ?? '/'}`;
      const finish = (formBody?: string) => {
        const m = expected === undefined ? undefined : matchRedirect(url, redirectUri, expected, formBody);
        if (!m || expected === undefined || !isOurAnswer(m, expected) || !deliver) return notFound();
        // Codes must not stay in the browser's cache or history.
        res.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'cache-control': 'no-store',
          'referrer-policy': 'no-referrer',
        });
        res.end(
          m.kind === 'code'
            ? page('Signed in', 'You can close this tab and return to SMTP OAuth Wizard.')
            : page(
                'Sign-in did not finish',
                'Return to SMTP OAuth Wizard: it explains what went wrong. You can close this tab.',
              ),
        );
        deliver({ url, ...(formBody !== undefined ? { formBody } : {}) });
      };
      if (req.method === 'GET') return finish();
      const form = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
      if (req.method !== 'POST' || form !== 'application/x-www-form-urlencoded') return notFound();
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => {
        body += c;
        if (body.length > MAX_BODY) req.destroy();
      });
      req.on('end', () => finish(body));
    },
  );
  // A connection that goes quiet (no request at all, or a stalled body) is dropped too.
  server.setTimeout(slowMs);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const redirectUri = `http://localhost:${port}${path.startsWith('/') ? path : `/${path}`}`;

  const close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });

  return {
    redirectUri,
    port,
    close,
    waitForRedirect(expectedState, { signal, timeoutMs }) {
      expected = expectedState;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(signInTimedOut(Math.round(timeoutMs / 60_000))), timeoutMs);
        const onAbort = () => {
          clearTimeout(timer);
          reject(signInCancelled());
        };
        if (signal?.aborted) return onAbort();
        signal?.addEventListener('abort', onAbort, { once: true });
        deliver = (r) => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          deliver = undefined;
          resolve(r);
        };
      });
    },
  };
}
