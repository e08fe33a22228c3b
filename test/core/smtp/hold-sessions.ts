import SMTPConnection from 'nodemailer/lib/smtp-connection';
import XOAuth2 from 'nodemailer/lib/xoauth2';
import type { Emulator } from '../../emulator';

/** Opens `count` authenticated SMTP sessions for `mailbox` and keeps them open (to fill Exchange's 3-per-mailbox limit). */
export async function holdSessions(
  emu: Emulator,
  mailbox: string,
  token: string,
  count: number,
): Promise<{ release(n?: number): void }> {
  const open: SMTPConnection[] = [];
  for (let i = 0; i < count; i += 1) {
    const conn = new SMTPConnection({
      host: emu.smtp.host,
      port: emu.smtp.port,
      secure: false,
      requireTLS: true,
      tls: { ca: emu.caPem },
    });
    conn.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => conn.connect((err) => (err ? reject(err) : resolve())));
    await new Promise<void>((resolve, reject) =>
      conn.login({ user: mailbox, oauth2: new XOAuth2({ user: mailbox, accessToken: token }) }, (err) =>
        err ? reject(err) : resolve(),
      ),
    );
    open.push(conn);
  }
  return {
    release(n = open.length) {
      for (const conn of open.splice(0, n)) conn.close();
    },
  };
}
