import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openSmtpSocket, SocketOpenError } from '../../../src/core/smtp/open-socket';

const servers: net.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

function listen(onConnection: (socket: net.Socket) => void): Promise<number> {
  const server = net.createServer(onConnection);
  servers.push(server);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)),
  );
}

/** A minimal HTTP CONNECT proxy answering with `status`, tunnelling on 200. */
function proxy(status: number, seen: string[] = []): Promise<number> {
  return listen((client) => {
    client.once('data', (chunk: Buffer) => {
      const head = chunk.toString('latin1');
      seen.push(head);
      if (status !== 200) {
        client.end(`HTTP/1.1 ${status} No\r\n\r\n`);
        return;
      }
      const [, host, port] = /^CONNECT ([^:]+):(\d+)/.exec(head) ?? [];
      const upstream = net.connect(Number(port), host, () => {
        client.write('HTTP/1.1 200 Connection established\r\n\r\n');
        client.pipe(upstream).pipe(client);
      });
    });
  });
}

const freePort = async (): Promise<number> => {
  const port = await listen(() => undefined);
  await new Promise((r) => servers.pop()?.close(r));
  return port;
};

describe('openSmtpSocket', () => {
  it('reports a refused direct connection as ECONNREFUSED at the connect stage', async () => {
    const port = await freePort();
    const err = await openSmtpSocket({ host: '127.0.0.1', port, proxyUrl: '', timeoutMs: 2000 }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SocketOpenError);
    expect(err).toMatchObject({ code: 'ECONNREFUSED', stage: 'connect' });
  });

  it('tunnels through an HTTP CONNECT proxy and keeps the greeting that arrives with the 200', async () => {
    const smtpPort = await listen((s) => s.end('220 fake ESMTP\r\n'));
    const seen: string[] = [];
    const proxyPort = await proxy(200, seen);
    const socket = await openSmtpSocket({
      host: '127.0.0.1',
      port: smtpPort,
      proxyUrl: `http://u:p%40ss@127.0.0.1:${proxyPort}`,
      timeoutMs: 2000,
    });
    const greeting = await new Promise<string>((r) => socket.once('data', (d: Buffer) => r(d.toString())));
    socket.destroy();
    expect(greeting).toBe('220 fake ESMTP\r\n');
    expect(seen[0]).toContain(`CONNECT 127.0.0.1:${smtpPort} HTTP/1.1`);
    expect(seen[0]).toContain(`Proxy-Authorization: Basic ${Buffer.from('u:p@ss').toString('base64')}`);
  });

  it('keeps the proxy status when it refuses the tunnel', async () => {
    const proxyPort = await proxy(407);
    const err = await openSmtpSocket({
      host: '127.0.0.1',
      port: 587,
      proxyUrl: `http://127.0.0.1:${proxyPort}`,
      timeoutMs: 2000,
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'EPROXY', stage: 'proxy', proxyStatus: 407 });
  });

  it('stops connecting when the signal aborts', async () => {
    const ac = new AbortController();
    ac.abort();
    const err = await openSmtpSocket({
      host: '127.0.0.1',
      port: 1,
      proxyUrl: '',
      timeoutMs: 2000,
      signal: ac.signal,
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'EABORT' });
  });
});
