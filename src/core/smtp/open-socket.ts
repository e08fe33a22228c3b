import net from 'node:net';
import { bypassesProxy, environmentProxy, withoutCredentials } from '../net/proxy';

/**
 * Opens the TCP connection nodemailer then speaks SMTP over (its `getSocket` hook). Doing it
 * ourselves gives three things nodemailer's own connect does not: the socket dies with the
 * caller's AbortSignal, failures say whether the proxy or the mail server failed (the fix is
 * different), and an HTTP CONNECT proxy's refusal keeps its status code.
 */

export type SocketStage = 'connect' | 'proxy';

export class SocketOpenError extends Error {
  readonly code: string;
  readonly stage: SocketStage;
  /** HTTP status the proxy answered CONNECT with, when it answered. */
  readonly proxyStatus?: number;

  constructor(message: string, code: string, stage: SocketStage, proxyStatus?: number) {
    super(message);
    this.name = 'SocketOpenError';
    this.code = code;
    this.stage = stage;
    if (proxyStatus !== undefined) this.proxyStatus = proxyStatus;
  }
}

export interface OpenSocketOptions {
  readonly host: string;
  readonly port: number;
  /** `http://[user:pass@]proxy:port`; empty for a direct connection. */
  readonly proxyUrl: string;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

const isLoopback = (host: string): boolean => host === 'localhost' || host === '::1' || /^127\./.test(host);

/** The proxy to use: the profile's, else HTTPS_PROXY unless NO_PROXY or a loopback host excludes it. */
export function effectiveProxy(configured: string, host: string, env: NodeJS.ProcessEnv = process.env): string {
  if (configured.trim()) return configured.trim();
  if (isLoopback(host)) return '';
  return bypassesProxy(host, env) ? '' : environmentProxy(env);
}

function connectTcp(
  host: string,
  port: number,
  stage: SocketStage,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new SocketOpenError('Cancelled before connecting', 'EABORT', stage));
    const socket = net.connect({ host, port });
    const fail = (err: SocketOpenError): void => {
      cleanup();
      socket.destroy();
      reject(err);
    };
    const onError = (err: NodeJS.ErrnoException): void =>
      fail(new SocketOpenError(err.message, err.code ?? 'ESOCKET', stage));
    const onTimeout = (): void =>
      fail(new SocketOpenError(`No answer from ${host}:${port} within ${timeoutMs} ms`, 'ETIMEDOUT', stage));
    const onAbort = (): void => fail(new SocketOpenError('Cancelled while connecting', 'EABORT', stage));
    const timer = setTimeout(onTimeout, timeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      socket.off('error', onError);
      signal?.removeEventListener('abort', onAbort);
    };
    socket.once('error', onError);
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => {
      cleanup();
      resolve(socket);
    });
  });
}

function tunnel(socket: net.Socket, proxy: URL, host: string, port: number, timeoutMs: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const target = `${host.includes(':') ? `[${host}]` : host}:${port}`;
    const auth = proxy.username
      ? `Proxy-Authorization: Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}\r\n`
      : '';
    let head = Buffer.alloc(0);
    const done = (err?: SocketOpenError, rest?: Buffer): void => {
      clearTimeout(timer);
      socket.off('readable', onReadable);
      socket.off('error', onError);
      socket.off('close', onClose);
      if (err) {
        socket.destroy();
        reject(err);
        return;
      }
      // The mail server speaks first: its greeting may share a packet with the proxy's 200.
      // Read in paused mode ('readable'), so nothing flows away before nodemailer listens.
      if (rest && rest.length > 0) socket.unshift(rest);
      resolve(socket);
    };
    const onReadable = (): void => {
      let chunk: unknown;
      while ((chunk = socket.read()) !== null) {
        if (!Buffer.isBuffer(chunk)) continue;
        head = Buffer.concat([head, chunk]);
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) {
          if (head.length > 16_384) return done(new SocketOpenError('Proxy answer too large', 'EPROXY', 'proxy'));
          continue;
        }
        const status = Number(/^HTTP\/\d(?:\.\d)? (\d{3})/.exec(head.subarray(0, end).toString('latin1'))?.[1] ?? 0);
        if (status === 200) return done(undefined, head.subarray(end + 4));
        return done(
          new SocketOpenError(
            `Proxy refused CONNECT ${target} with HTTP ${status || '(unreadable answer)'}`,
            'EPROXY',
            'proxy',
            status || undefined,
          ),
        );
      }
    };
    const onError = (err: NodeJS.ErrnoException): void =>
      done(new SocketOpenError(err.message, err.code ?? 'ESOCKET', 'proxy'));
    const onClose = (): void =>
      done(new SocketOpenError('Proxy closed the connection before the tunnel was open', 'EPROXY', 'proxy'));
    const timer = setTimeout(
      () => done(new SocketOpenError('Proxy did not answer CONNECT in time', 'ETIMEDOUT', 'proxy')),
      timeoutMs,
    );
    socket.on('readable', onReadable);
    socket.once('error', onError);
    socket.once('close', onClose);
    socket.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n${auth}\r\n`);
  });
}

/** Connects directly or through an HTTP CONNECT proxy; the caller owns the socket afterwards. */
export async function openSmtpSocket(opts: OpenSocketOptions): Promise<net.Socket> {
  const proxyUrl = effectiveProxy(opts.proxyUrl, opts.host);
  if (!proxyUrl) return connectTcp(opts.host, opts.port, 'connect', opts.timeoutMs, opts.signal);
  let proxy: URL;
  try {
    proxy = new URL(proxyUrl);
  } catch {
    throw new SocketOpenError(`Proxy address is not a URL: ${withoutCredentials(proxyUrl)}`, 'EPROXYURL', 'proxy');
  }
  if (proxy.protocol !== 'http:')
    throw new SocketOpenError(
      `Only http:// proxies are supported for SMTP, not ${proxy.protocol}`,
      'EPROXYURL',
      'proxy',
    );
  const socket = await connectTcp(proxy.hostname, Number(proxy.port || 80), 'proxy', opts.timeoutMs, opts.signal);
  return tunnel(socket, proxy, opts.host, opts.port, opts.timeoutMs);
}
