import net from 'node:net';
import tls from 'node:tls';
import { NetworkFailure, classifySocketError } from './network-failure';

/**
 * Opens one TCP connection (or TLS, for an https:// proxy) that dies with the caller's
 * AbortSignal and gives up after `timeoutMs`. Failures are NetworkFailures naming `host:port`,
 * with Node's own code kept (ECONNREFUSED, ENOTFOUND, SELF_SIGNED_CERT_IN_CHAIN…).
 */
export interface ConnectOptions {
  readonly host: string;
  readonly port: number;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** Present: speak TLS to `host` with this trust store (undefined: Node's own). */
  readonly tls?: { readonly secureContext?: tls.SecureContext };
}

export const hostPortOf = (host: string, port: number): string => `${host.includes(':') ? `[${host}]` : host}:${port}`;

export function connectSocket(opts: ConnectOptions): Promise<net.Socket> {
  const where = hostPortOf(opts.host, opts.port);
  return new Promise((resolve, reject) => {
    const { signal } = opts;
    if (signal?.aborted) return reject(new NetworkFailure('aborted', where, { code: 'EABORT' }));
    const socket = opts.tls
      ? tls.connect({
          host: opts.host,
          port: opts.port,
          // SNI takes names only; an IP address is checked against the certificate's IP entries.
          ...(net.isIP(opts.host) ? {} : { servername: opts.host }),
          ...(opts.tls.secureContext ? { secureContext: opts.tls.secureContext } : {}),
        })
      : net.connect({ host: opts.host, port: opts.port });
    const fail = (f: NetworkFailure): void => {
      cleanup();
      socket.destroy();
      reject(f);
    };
    const onError = (e: Error): void => fail(classifySocketError(e, where));
    const onAbort = (): void => fail(new NetworkFailure('aborted', where, { code: 'EABORT' }));
    const timer = setTimeout(
      () => fail(new NetworkFailure('timeout', where, { code: `NO_ANSWER_IN_${opts.timeoutMs}MS` })),
      opts.timeoutMs,
    );
    const cleanup = (): void => {
      clearTimeout(timer);
      socket.off('error', onError);
      signal?.removeEventListener('abort', onAbort);
    };
    socket.once('error', onError);
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once(opts.tls ? 'secureConnect' : 'connect', () => {
      cleanup();
      resolve(socket);
    });
  });
}
