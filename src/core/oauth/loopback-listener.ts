import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { matchRedirect } from './redirect-match';
import { signInCancelled, signInTimedOut } from './login-ports';

/**
 * The system-browser path: a one-shot HTTP listener on 127.0.0.1 (never all interfaces:
 * that raises a Windows firewall prompt and exposes the code to the LAN) on a random
 * port. Entra ignores the port of http://localhost redirects, so the registered
 * `http://localhost[/path]` works. Handles query and form_post answers.
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

const page = (
  title: string,
  text: string,
) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32em;margin:4em auto}</style></head>
<body><h1>${title}</h1><p>${text}</p><script>history.replaceState(null,'',location.pathname)</script></body></html>`;

const MAX_BODY = 64 * 1024;

export async function startLoopbackListener(path = '/'): Promise<LoopbackListener> {
  let deliver: ((r: { url: string; formBody?: string }) => void) | undefined;
  let expected = '';
  const server = http.createServer((req, res) => {
    const url = `http://localhost:${port}${req.url ?? '/'}`;
    const finish = (formBody?: string) => {
      const m = matchRedirect(url, redirectUri, expected, formBody);
      if (m.kind === 'no-match') {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
        return;
      }
      const ok = m.kind === 'code';
      // Codes must not stay in the browser's cache or history.
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
      });
      res.end(
        ok
          ? page('Signed in', 'You can close this tab and return to SMTP OAuth Wizard.')
          : page(
              'Sign-in did not finish',
              'Return to SMTP OAuth Wizard: it explains what went wrong. You can close this tab.',
            ),
      );
      deliver?.({ url, ...(formBody !== undefined ? { formBody } : {}) });
    };
    if (req.method === 'POST') {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => {
        body += c;
        if (body.length > MAX_BODY) req.destroy();
      });
      req.on('end', () => finish(body));
    } else {
      finish();
    }
  });
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
