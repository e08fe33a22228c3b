import type net from 'node:net';
import type tls from 'node:tls';
import type { ProxyAddress } from '../../shared/proxy-address';
import { connectSocket, hostPortOf } from './connect-socket';
import { NetworkFailure } from './network-failure';

/**
 * The one HTTP CONNECT tunnel, for sign-in (TLS to the identity provider inside it) and the
 * SMTP check (SMTP, then STARTTLS, inside it): the proxy only ever sees the host and port.
 * The answer is read in paused mode and whatever came after its blank line is put back on
 * the socket: a mail server speaks first, and its greeting may share a packet with the 200.
 */
export interface TunnelOptions {
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** Trust store for TLS to an https:// proxy (undefined: Node's own). */
  readonly secureContext?: tls.SecureContext;
}

/** A proxy answer head longer than this is not an HTTP proxy talking. */
const MAX_HEAD_BYTES = 16_384;

function connectRequest(proxy: ProxyAddress, target: string): string {
  const auth = proxy.username
    ? `Proxy-Authorization: Basic ${Buffer.from(`${proxy.username}:${proxy.password}`).toString('base64')}\r\n`
    : '';
  return `CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n${auth}\r\n`;
}

export async function openTunnel(
  proxy: ProxyAddress,
  host: string,
  port: number,
  opts: TunnelOptions,
): Promise<net.Socket> {
  const proxyHost = hostPortOf(proxy.hostname, proxy.port);
  const deadline = Date.now() + opts.timeoutMs;
  let socket: net.Socket;
  try {
    socket = await connectSocket({
      host: proxy.hostname,
      port: proxy.port,
      timeoutMs: opts.timeoutMs,
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(proxy.protocol === 'https:' ? { tls: opts.secureContext ? { secureContext: opts.secureContext } : {} } : {}),
    });
  } catch (e) {
    const f = e as NetworkFailure;
    // Not reaching the proxy is the proxy's problem to report, whatever the socket said.
    throw f.kind === 'refused' || f.kind === 'dns' || f.kind === 'reset'
      ? new NetworkFailure('proxy-unreachable', proxyHost, { ...(f.code ? { code: f.code } : {}), cause: f })
      : f;
  }
  const target = hostPortOf(host, port);
  return new Promise((resolve, reject) => {
    let head = Buffer.alloc(0);
    const done = (err?: NetworkFailure, rest?: Buffer): void => {
      clearTimeout(timer);
      socket.off('readable', onReadable);
      socket.off('error', onError);
      socket.off('close', onClose);
      opts.signal?.removeEventListener('abort', onAbort);
      if (err) {
        socket.destroy();
        return reject(err);
      }
      if (rest && rest.length > 0) socket.unshift(rest);
      resolve(socket);
    };
    const onReadable = (): void => {
      for (let chunk: unknown = socket.read(); chunk !== null; chunk = socket.read()) {
        if (!Buffer.isBuffer(chunk)) continue;
        head = Buffer.concat([head, chunk]);
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) {
          if (head.length > MAX_HEAD_BYTES)
            return done(new NetworkFailure('proxy-refused', proxyHost, { code: 'PROXY_ANSWER_TOO_LARGE' }));
          continue;
        }
        const status = Number(/^HTTP\/\d(?:\.\d)? (\d{3})/.exec(head.subarray(0, end).toString('latin1'))?.[1] ?? 0);
        if (status === 200) return done(undefined, head.subarray(end + 4));
        const kind = status === 407 ? 'proxy-auth' : 'proxy-refused';
        return done(new NetworkFailure(kind, proxyHost, status ? { status } : { code: 'PROXY_ANSWER_UNREADABLE' }));
      }
    };
    const onError = (e: NodeJS.ErrnoException): void =>
      done(new NetworkFailure('proxy-unreachable', proxyHost, { ...(e.code ? { code: e.code } : {}), cause: e }));
    const onClose = (): void =>
      done(new NetworkFailure('proxy-refused', proxyHost, { code: 'PROXY_CLOSED_BEFORE_TUNNEL' }));
    const onAbort = (): void => done(new NetworkFailure('aborted', proxyHost, { code: 'EABORT' }));
    const timer = setTimeout(
      () => done(new NetworkFailure('timeout', proxyHost, { code: 'PROXY_NO_CONNECT_ANSWER' })),
      Math.max(0, deadline - Date.now()),
    );
    socket.on('readable', onReadable);
    socket.once('error', onError);
    socket.once('close', onClose);
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    socket.write(connectRequest(proxy, target));
  });
}
