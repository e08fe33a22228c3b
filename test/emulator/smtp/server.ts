// Exchange Online's SMTP submission endpoint (§7): STARTTLS only, AUTH LOGIN XOAUTH2 advertised
// after TLS (§7.2), real token checks, Exchange reply texts, 3 concurrent sessions per mailbox (§7.7),
// SendAsDenied after DATA (§7.6).
import { randomBytes } from 'node:crypto';
import { type Socket } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { SMTPConnection } from 'smtp-server/lib/smtp-connection.js';
import { type Directory } from '../directory';
import { type Clock } from '../clock';
import { type FaultSwitch } from '../faults';
import { exchangeReplies, smtpError } from './replies';
import { checkXoauth2Login, maySendAs, type SmtpPrincipal } from './token-check';
import { addresses, decodeWords, headerBlock, type StoredMessage } from './message';

export const SMTP_HOST_NAME = 'EMU01.outlook.office365.com';

interface Deps {
  readonly limits: { readonly concurrentPerMailbox: number; readonly recipientsPerDay: number };
  readonly directory: () => Directory;
  readonly clock: Clock;
  readonly faults: FaultSwitch;
  readonly signingCertPem: string;
  readonly tls: { key: string; cert: string };
  readonly messages: StoredMessage[];
  readonly sendAsDeniedReply: '5.2.252-after-data' | '5.7.60-at-mail-from';
  /** smtp-server's 100 ms wait before the greeting (Behaviour.smtpGreetingDelay). */
  readonly greetingDelay: boolean;
}

/** smtp-server's replies in Exchange's words (§7.2); replies that carry an enhanced code keep it alone. */
class ExchangeSmtpServer extends SMTPServer {
  greetingDelay = true;

  override connect(socket: Socket, socketOptions?: null): void {
    if (this.greetingDelay) {
      super.connect(socket, socketOptions);
      const conn = [...this.connections].pop();
      if (conn) speakExchange(conn);
      return;
    }
    // SMTPServer.connect's own steps, with init()'s 100 ms early-talker timer left out (benchmarks only).
    const conn = new SMTPConnection(this, socket, socketOptions);
    this.connections.add(conn);
    conn.on('error', (err: Error) => this._onError(err));
    conn.on('connect', (data) => this._onClientConnect(data));
    speakExchange(conn);
    conn._setListeners(() => conn.connectionReady());
  }
}

function speakExchange(conn: SMTPConnection): void {
  const send = conn.send.bind(conn);
  conn.send = (code, data, context) => {
    if (typeof data === 'string') {
      if (/^[245]\.\d{1,3}\.\d{1,3} /.test(data)) return send(code, data, false);
      if (code === 220 && data === `${SMTP_HOST_NAME} ESMTP`) {
        return send(220, `${SMTP_HOST_NAME} Microsoft ESMTP MAIL Service ready at ${new Date().toUTCString()}`, false);
      }
      if (code === 220 && data === 'Ready to start TLS') return send(220, '2.0.0 SMTP server ready', false);
      if (context === 'MAIL_FROM_OK') return send(250, '2.1.0 Sender OK', false);
      if (context === 'RCPT_TO_OK') return send(250, '2.1.5 Recipient OK', false);
      if (code === 354) return send(354, 'Start mail input; end with <CRLF>.<CRLF>', false);
      if (code === 221) return send(221, '2.0.0 Service closing transmission channel', false);
      if (code === 500 && data === 'Error: command not recognized' && typeof context === 'string') {
        // AUTH is hidden until STARTTLS (§7.2); Exchange answers it as an unknown mechanism [OBS, not in the reference].
        if (context === 'AUTH') return send(504, `5.7.4 Unrecognized authentication type [${SMTP_HOST_NAME}]`, false);
        // §7.2 unknown command
        return send(500, `5.3.3 Unrecognized command '${context.toLowerCase()}' [${SMTP_HOST_NAME}]`, false);
      }
    }
    return send(code, data, context);
  };
}

type Session = SMTPServerSession & { disabledCommands?: string[] };

export async function startSmtpServer(
  deps: Deps,
): Promise<{ server: SMTPServer; port: number; sessionsFor(mailbox: string): number; authCommands(): number }> {
  /** Every AUTH the server answered (each is one login attempt in Exchange's failure count). */
  let authCommands = 0;
  const replies = exchangeReplies(SMTP_HOST_NAME);
  const principals = new Map<string, SmtpPrincipal>();
  const perMailbox = new Map<string, number>();
  /** mailbox -> send times (emulator clock) and recipient counts, for the daily recipient limit. */
  const sent = new Map<string, Array<{ at: number; recipients: number }>>();
  const recipientsToday = (mailbox: string, now: number): number =>
    (sent.get(mailbox) ?? []).filter((s) => now - s.at < 86_400_000).reduce((n, s) => n + s.recipients, 0);
  const release = (sessionId: string): void => {
    const p = principals.get(sessionId);
    if (!p) return;
    principals.delete(sessionId);
    const key = p.mailbox.address.toLowerCase();
    perMailbox.set(key, Math.max(0, (perMailbox.get(key) ?? 1) - 1));
  };

  const server = new ExchangeSmtpServer({
    secure: false,
    key: deps.tls.key,
    cert: deps.tls.cert,
    name: SMTP_HOST_NAME,
    size: 157286400,
    authMethods: ['LOGIN', 'XOAUTH2'],
    hideREQUIRETLS: true,
    hideENHANCEDSTATUSCODES: false,
    hideDSN: false,
    disableReverseLookup: true,
    heloResponse: '%s Hello %s',
    authRequiredMessage: replies.notAuthenticated.text,
    logger: false,
    // Tests close the emulator with clients still connected; don't wait the default 30 s for them.
    closeTimeout: 50,
    onConnect(session: Session, cb) {
      // §7.2: no AUTH line (and no AUTH command) before STARTTLS.
      session.disabledCommands = ['AUTH'];
      cb();
    },
    onSecure(_socket, session: Session, cb) {
      session.disabledCommands = [];
      cb();
    },
    onAuth(auth, session, cb) {
      authCommands += 1;
      if (deps.faults.current().dropSmtpMidAuth) {
        for (const c of server.connections) if (c.id === session.id) c._socket?.destroy();
        return;
      }
      if (auth.method !== 'XOAUTH2') return cb(smtpError(replies.basicAuthRetired));
      const result = checkXoauth2Login({
        directory: deps.directory(),
        now: deps.clock.now(),
        signingCertPem: deps.signingCertPem,
        replies,
        username: auth.username ?? '',
        accessToken: auth.accessToken ?? '',
      });
      if (!result.ok) {
        const f = deps.faults.current();
        if (f.smtpTemporaryAuthFailure)
          return cb(smtpError({ code: 454, text: '4.7.0 Temporary authentication failure' }));
        // smtp-server answers a failure without `user` with 334 + base64(JSON), then 535.
        if (f.smtpXoauth2Challenge)
          return cb(null, {
            data: { status: '401', schemes: 'bearer', scope: 'https://outlook.office.com/SMTP.Send' },
          });
        return cb(smtpError(result.reply));
      }
      const key = result.principal.mailbox.address.toLowerCase();
      if ((perMailbox.get(key) ?? 0) >= deps.limits.concurrentPerMailbox) return cb(smtpError(replies.concurrentLimit));
      perMailbox.set(key, (perMailbox.get(key) ?? 0) + 1);
      principals.set(session.id, result.principal);
      cb(null, { user: result.principal.mailbox.address });
    },
    onMailFrom(address, session, cb) {
      if (!session.user) return cb(smtpError(replies.notAuthenticated));
      if (deps.sendAsDeniedReply === '5.7.60-at-mail-from') {
        const principal = principals.get(session.id);
        if (address.address && (!principal || !maySendAs(principal, address.address)))
          return cb(smtpError(replies.noSendAsPermission));
      }
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const principal = principals.get(session.id);
        const headers = headerBlock(raw);
        const headerFrom = addresses(headers.get('from'))[0] ?? '';
        const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        const authUser = principal?.mailbox.address ?? String(session.user ?? '');
        for (const from of [envelopeFrom, headerFrom].filter(Boolean)) {
          if (!principal || !maySendAs(principal, from)) return cb(smtpError(replies.sendAsDenied(authUser, from)));
        }
        const now = deps.clock.now();
        const key = authUser.toLowerCase();
        const rcpts = session.envelope.rcptTo.length;
        if (recipientsToday(key, now) + rcpts > deps.limits.recipientsPerDay)
          return cb(smtpError(replies.recipientLimit));
        sent.set(key, [...(sent.get(key) ?? []), { at: now, recipients: rcpts }]);
        deps.messages.push({
          from: headerFrom || envelopeFrom,
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: decodeWords(headers.get('subject') ?? ''),
          raw,
          authUser,
        });
        const id = `${randomBytes(12).toString('hex').toUpperCase()}@${SMTP_HOST_NAME}`;
        cb(null, replies.queued(id));
      });
    },
    onClose(session) {
      release(session.id);
    },
  });
  server.greetingDelay = deps.greetingDelay;
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.server.address();
  if (addr === null || typeof addr === 'string') throw new Error('emulator: no SMTP port');
  // Tests wait on this instead of sleeping: a closed client is released only when the server sees the close.
  return {
    server,
    port: addr.port,
    sessionsFor: (mailbox) => perMailbox.get(mailbox.toLowerCase()) ?? 0,
    authCommands: () => authCommands,
  };
}
