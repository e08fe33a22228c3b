import http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';

export interface ProxyOptions {
  /** "user:password": answer 407 unless that Basic login comes along. */
  readonly requireAuth?: string;
  /** Speak TLS to the client (an `https://` proxy) with this certificate. */
  readonly tls?: { readonly certPem: string; readonly keyPem: string };
  /**
   * Send the 200 and the upstream's first bytes (an SMTP greeting) in one write, as a busy
   * proxy may: the client must keep what came after the proxy's blank line.
   */
  readonly coalesceFirstReply?: boolean;
}

/**
 * A minimal HTTP CONNECT proxy on 127.0.0.1 that records what it was asked to tunnel to;
 * `url` is `http://127.0.0.1:PORT` (or `https://` with `tls`).
 */
export async function startProxy(opts: ProxyOptions = {}) {
  const connects: string[] = [];
  const sockets = new Set<net.Socket>();
  const proxy = opts.tls ? https.createServer({ cert: opts.tls.certPem, key: opts.tls.keyPem }) : http.createServer();
  proxy.on('connect', (req: http.IncomingMessage, sock: net.Socket, head: Buffer) => {
    connects.push(req.url ?? '');
    sockets.add(sock);
    if (
      opts.requireAuth &&
      req.headers['proxy-authorization'] !== `Basic ${Buffer.from(opts.requireAuth).toString('base64')}`
    ) {
      sock.end('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n');
      return;
    }
    const [h, p] = (req.url ?? '').split(':');
    const established = 'HTTP/1.1 200 Connection Established\r\n\r\n';
    const up = net.connect(Number(p), h, () => {
      sockets.add(up);
      up.write(head);
      const pipeBoth = (): void => {
        up.pipe(sock);
        sock.pipe(up);
      };
      if (!opts.coalesceFirstReply) {
        sock.write(established);
        return pipeBoth();
      }
      up.once('data', (first: Buffer) => {
        sock.write(Buffer.concat([Buffer.from(established, 'latin1'), first]));
        pipeBoth();
      });
    });
    up.on('error', () => sock.destroy());
    sock.on('error', () => up.destroy());
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  const url = `${opts.tls ? 'https' : 'http'}://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  return {
    url,
    connects,
    close: () =>
      new Promise<void>((r) => {
        sockets.forEach((x) => x.destroy());
        proxy.closeAllConnections();
        proxy.close(() => r());
      }),
  };
}
