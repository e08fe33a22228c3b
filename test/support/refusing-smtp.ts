import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { makeTestTls } from './test-tls';

/**
 * A mail server (real smtp-server, STARTTLS with a throw-away CA) that refuses every XOAUTH2
 * login with `535 <text>`: for tests of what a hostile or chatty server's reply does to our
 * diagnosis, transcript and terminal output.
 */
export interface RefusingSmtp {
  readonly port: number;
  readonly caPem: string;
  close(): Promise<void>;
}

export async function startRefusingSmtp(text: (accessToken: string) => string): Promise<RefusingSmtp> {
  const tls = makeTestTls();
  const server = new SMTPServer({
    secure: false,
    key: tls.keyPem,
    cert: tls.certPem,
    authMethods: ['XOAUTH2'],
    logger: false,
    closeTimeout: 50,
    onAuth: (auth, _session, cb) => cb(Object.assign(new Error(text(auth.accessToken ?? '')), { responseCode: 535 })),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.server.address() as AddressInfo).port,
    caPem: tls.caPem,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
