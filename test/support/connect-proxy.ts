import http from 'node:http';
import net, { type AddressInfo } from 'node:net';

/**
 * A minimal HTTP CONNECT proxy on 127.0.0.1 that records what it was asked to tunnel to;
 * with `requireAuth` ("user:password") it answers 407 unless that Basic login comes along.
 */
export async function startProxy(opts: { requireAuth?: string } = {}) {
  const connects: string[] = [];
  const sockets = new Set<net.Socket>();
  const proxy = http.createServer();
  proxy.on('connect', (req, sock: net.Socket, head) => {
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
    const up = net.connect(Number(p), h, () => {
      sockets.add(up);
      sock.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      up.write(head);
      up.pipe(sock);
      sock.pipe(up);
    });
    up.on('error', () => sock.destroy());
    sock.on('error', () => up.destroy());
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
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
