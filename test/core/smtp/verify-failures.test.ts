import net from 'node:net';
import nodemailer from 'nodemailer';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { diagnoseSmtp } from '../../../src/core/diagnose/smtp';
import { createMailboxLimiter, type MailboxLimiter } from '../../../src/core/smtp/mailbox-limiter';
import { verifySmtp } from '../../../src/core/smtp/verify-smtp';
import { startEmulator, type Emulator } from '../../emulator';
import {
  AEM_APP,
  CONTOSO,
  MAILBOXES,
  UNREGISTERED_DAEMON_APP,
  UNREGISTERED_DAEMON_SECRET,
  USERS,
} from '../../emulator/fixtures/ids';
import { daemonToken, emulatorProfile, userToken } from './emulator-tokens';
import { holdSessions } from './hold-sessions';

/**
 * Each Exchange failure the emulator reproduces, through the real verify (nodemailer, STARTTLS,
 * XOAUTH2) and the real diagnosis: one test each.
 */

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
});
afterEach(() => emu.faults.clear());

const contoso = () => {
  const t = emu.directory.tenants.find((x) => x.id === CONTOSO);
  if (!t) throw new Error('no Contoso');
  return t;
};
const alice = () => userToken(emu, USERS.alice.upn, USERS.alice.password);
const appOnly = (mailbox: string) =>
  emulatorProfile(emu, {
    flow: 'app-only',
    mailbox,
    fromAddress: mailbox,
    clientId: 'aaaaaaaa-0000-4000-8000-000000000002',
  });

describe('535 5.7.3, ranked by the token', () => {
  it('a Graph token -> "token is for Graph, not Exchange"', async () => {
    const token = await userToken(emu, USERS.alice.upn, USERS.alice.password, 'https://graph.microsoft.com/User.Read');
    const r = await verifySmtp({ profile: emulatorProfile(emu), accessToken: token });
    expect(r.ok).toBe(false);
    expect(r.problem?.code).toBe('SMTP_535_5.7.3_WRONG_AUDIENCE');
    expect(r.problem?.title).toBe('The token is for Microsoft Graph, not Exchange');
    expect(r.problem?.detail).toMatch(/^535 5\.7\.3 Authentication unsuccessful/);
  });

  it('an Exchange token without SMTP.Send -> missing scope', async () => {
    // Entra puts every consented scope of the resource in the token: take SMTP.Send's consent away.
    const aem = contoso().apps.find((a) => a.clientId === AEM_APP);
    if (!aem) throw new Error('no AEM app');
    const granted = aem.delegatedPermissions;
    aem.delegatedPermissions = granted.filter((p) => !p.endsWith('/SMTP.Send'));
    try {
      const token = await userToken(emu, USERS.alice.upn, USERS.alice.password, 'https://outlook.office.com/Mail.Read');
      const r = await verifySmtp({ profile: emulatorProfile(emu), accessToken: token });
      expect(r.problem?.code).toBe('SMTP_535_5.7.3_MISSING_SCOPE');
    } finally {
      aem.delegatedPermissions = granted;
    }
  });

  it('a user with no rights on the mailbox -> user is not the mailbox, Add-MailboxPermission filled in', async () => {
    const r = await verifySmtp({
      profile: emulatorProfile(emu, { mailbox: MAILBOXES.unpermitted, fromAddress: MAILBOXES.unpermitted }),
      accessToken: await alice(),
    });
    expect(r.problem?.code).toBe('SMTP_535_5.7.3_USER_NOT_MAILBOX');
    expect(r.problem?.commands).toContain(
      'Add-MailboxPermission -Identity unpermitted@contoso.com -User alice@contoso.com -AccessRights FullAccess',
    );
  });

  it('an expired token -> expired, retryable with a fresh one', async () => {
    emu.clock.set(Date.now() - 3 * 3600_000);
    const token = await alice();
    emu.clock.set(Date.now());
    const r = await verifySmtp({ profile: emulatorProfile(emu), accessToken: token });
    expect(r.problem?.code).toBe('SMTP_535_5.7.3_TOKEN_EXPIRED');
  });

  it('an app without an Exchange service principal -> New-ServicePrincipal and Add-MailboxPermission filled in', async () => {
    const token = await daemonToken(emu, UNREGISTERED_DAEMON_APP, UNREGISTERED_DAEMON_SECRET);
    const r = await verifySmtp({ profile: appOnly(MAILBOXES.noreply), accessToken: token });
    expect(r.problem?.code).toBe('SMTP_535_5.7.3_APP_NOT_ALLOWED');
    expect(r.problem?.commands).toContain(
      'New-ServicePrincipal -AppId aaaaaaaa-0000-4000-8000-000000000006 -ObjectId 5a5a5a5a-0000-4000-8000-000000000006',
    );
    expect(r.problem?.commands).toContain(
      'Add-MailboxPermission -Identity noreply@contoso.com -User 5a5a5a5a-0000-4000-8000-000000000006 -AccessRights FullAccess',
    );
  });
});

describe('535 5.7.139 variants', () => {
  it('SMTP AUTH off for the tenant -> Set-TransportConfig', async () => {
    const token = await alice();
    const mbx = contoso().mailboxes.find((m) => m.address === 'alice@contoso.com');
    if (!mbx) throw new Error('no mailbox');
    mbx.smtpAuth = 'inherit';
    contoso().smtpAuthDisabled = true;
    try {
      const r = await verifySmtp({ profile: emulatorProfile(emu), accessToken: token });
      expect(r.problem?.code).toBe('SMTP_535_5.7.139_TENANT_DISABLED');
      expect(r.problem?.commands).toContain('Set-TransportConfig -SmtpClientAuthenticationDisabled $false');
    } finally {
      mbx.smtpAuth = 'enabled';
      contoso().smtpAuthDisabled = false;
    }
  });

  it('SMTP AUTH off for the mailbox -> Set-CASMailbox with the mailbox', async () => {
    const token = await userToken(emu, USERS.dave.upn, USERS.dave.password);
    const r = await verifySmtp({
      profile: emulatorProfile(emu, { mailbox: 'dave@contoso.com', fromAddress: 'dave@contoso.com' }),
      accessToken: token,
    });
    expect(r.problem?.code).toBe('SMTP_535_5.7.139_MAILBOX_DISABLED');
    expect(r.problem?.commands).toContain(
      'Set-CASMailbox -Identity dave@contoso.com -SmtpClientAuthenticationDisabled $false',
    );
  });

  it('security defaults', async () => {
    const token = await alice();
    emu.directory.securityDefaults = true;
    try {
      const r = await verifySmtp({ profile: emulatorProfile(emu), accessToken: token });
      expect(r.problem?.code).toBe('SMTP_535_5.7.139_SECURITY_DEFAULTS');
    } finally {
      emu.directory.securityDefaults = false;
    }
  });

  it('conditional access ("did not meet the criteria")', async () => {
    const carol = contoso().users.find((u) => u.upn === USERS.carol.upn);
    const mbx = {
      address: 'carol@contoso.com',
      owner: 'carol@contoso.com',
      smtpAuth: 'enabled' as const,
      sendAs: [],
      fullAccessServicePrincipals: [],
    };
    if (!carol) throw new Error('no carol');
    carol.blockedByConditionalAccess = false;
    const token = await userToken(emu, USERS.carol.upn, USERS.carol.password);
    carol.blockedByConditionalAccess = true;
    contoso().mailboxes.push(mbx);
    try {
      const r = await verifySmtp({
        profile: emulatorProfile(emu, { mailbox: mbx.address, fromAddress: mbx.address }),
        accessToken: token,
      });
      expect(r.problem?.code).toBe('SMTP_535_5.7.139_CONDITIONAL_ACCESS');
    } finally {
      contoso().mailboxes.pop();
    }
  });
});

describe('after login', () => {
  it('554 5.2.252 SendAsDenied after DATA -> Add-RecipientPermission', async () => {
    const r = await verifySmtp({
      profile: emulatorProfile(emu, { fromAddress: MAILBOXES.unpermitted }),
      accessToken: await alice(),
      send: { to: 'alice@contoso.com' },
    });
    expect(r.problem?.code).toBe('SMTP_554_5.2.252');
    expect(r.problem?.commands).toContain(
      'Add-RecipientPermission -Identity unpermitted@contoso.com -Trustee alice@contoso.com -AccessRights SendAs',
    );
    expect(r.transcript.some((l) => l.startsWith('C: DATA'))).toBe(true);
  });

  it('430 4.2.0 mailbox logon failure for an app -> Add-MailboxPermission for its service principal', async () => {
    const r = await verifySmtp({ profile: appOnly(MAILBOXES.unpermitted), accessToken: await daemonToken(emu) });
    expect(r.problem?.code).toBe('SMTP_430_4.2.0');
    expect(r.problem?.commands).toContain(
      'Add-MailboxPermission -Identity unpermitted@contoso.com -User 5a5a5a5a-0000-4000-8000-000000000002 -AccessRights FullAccess',
    );
  });
});

describe('432 4.3.2 and the per-mailbox limit', () => {
  it('backs off and gives up after the bounded retries, saying "try later"', async () => {
    const token = await daemonToken(emu);
    const held = await holdSessions(emu, MAILBOXES.noreply, token, 3);
    try {
      const r = await verifySmtp({
        profile: appOnly(MAILBOXES.noreply),
        accessToken: token,
        limiter: createMailboxLimiter(10),
        backoff: { maxAttempts: 2, baseDelayMs: 20, maxDelayMs: 40 },
      });
      expect(r.problem?.code).toBe('SMTP_432_4.3.2');
      expect(r.problem?.retryable).toBe(true);
      expect(r.attempts).toBe(2);
      expect(r.transcript.some((l) => /waiting \d+ ms before attempt 2 of 2/.test(l))).toBe(true);
    } finally {
      held.release();
    }
  });

  it('succeeds on a retry once a connection frees up', async () => {
    const token = await daemonToken(emu);
    const held = await holdSessions(emu, MAILBOXES.noreply, token, 3);
    // Free one of the held sessions exactly when the retry starts.
    const inner = createMailboxLimiter(10);
    let calls = 0;
    const limiter: MailboxLimiter = {
      ...inner,
      run: async (mailbox, task, signal) => {
        calls += 1;
        if (calls === 2) {
          held.release(1);
          await expect.poll(() => emu.smtp.sessionsFor(MAILBOXES.noreply)).toBeLessThan(3);
        }
        return inner.run(mailbox, task, signal);
      },
    };
    try {
      const r = await verifySmtp({
        profile: appOnly(MAILBOXES.noreply),
        accessToken: token,
        limiter,
        backoff: { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 40 },
      });
      expect(r.problem).toBeUndefined();
      expect(r.attempts).toBe(2);
      expect(r.transcript.some((l) => l.includes('4.3.2 Concurrent connections limit exceeded'))).toBe(true);
    } finally {
      held.release();
    }
  });

  it('never trips the limit itself: 6 parallel checks of one mailbox all pass', async () => {
    const token = await daemonToken(emu);
    const limiter = createMailboxLimiter();
    const reports = await Promise.all(
      Array.from({ length: 6 }, () =>
        verifySmtp({
          profile: appOnly(MAILBOXES.noreply),
          accessToken: token,
          limiter,
          backoff: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
        }),
      ),
    );
    expect(reports.map((r) => r.problem?.code ?? 'ok')).toEqual(Array(6).fill('ok'));
  });
});

describe('replies to other clients, diagnosed', () => {
  it('550 5.7.30: a password (Basic) login', async () => {
    const t = nodemailer.createTransport({
      host: emu.smtp.host,
      port: emu.smtp.port,
      secure: false,
      requireTLS: true,
      tls: { ca: emu.caPem },
      auth: { user: 'alice@contoso.com', pass: 'alice-pw' },
    });
    const err = await t.verify().catch((e: unknown) => e);
    const p = diagnoseSmtp(err, {
      profile: emulatorProfile(emu),
      authUser: 'alice@contoso.com',
      fromAddress: 'alice@contoso.com',
    });
    expect(p.code).toBe('SMTP_550_5.7.30');
  });

  it('5.7.57: mail without logging in', async () => {
    const t = nodemailer.createTransport({
      host: emu.smtp.host,
      port: emu.smtp.port,
      secure: false,
      requireTLS: true,
      tls: { ca: emu.caPem },
    });
    const err = await t
      .sendMail({ from: 'alice@contoso.com', to: 'alice@contoso.com', subject: 'x', text: 'x' })
      .catch((e: unknown) => e);
    const p = diagnoseSmtp(err, {
      profile: emulatorProfile(emu),
      authUser: 'alice@contoso.com',
      fromAddress: 'alice@contoso.com',
    });
    expect(p.code).toBe('SMTP_530_5.7.57');
  });
});

describe('network and TLS', () => {
  it('a connection dropped during AUTH', async () => {
    emu.faults.set({ dropSmtpMidAuth: true });
    const r = await verifySmtp({ profile: emulatorProfile(emu), accessToken: await alice() });
    expect(r.problem?.code).toBe('SMTP_CONNECTION_DROPPED');
  });

  it('an untrusted certificate (TLS inspection) -> trust the CA', async () => {
    const r = await verifySmtp({
      profile: emulatorProfile(emu, { network: { proxyUrl: '', extraCaPem: '', timeoutMs: 20_000 } }),
      accessToken: await alice(),
    });
    expect(r.problem?.code).toBe('SMTP_TLS_UNTRUSTED');
  });

  it('a refused port', async () => {
    const server = net.createServer();
    const port = await new Promise<number>((r) =>
      server.listen(0, '127.0.0.1', () => r((server.address() as net.AddressInfo).port)),
    );
    await new Promise((r) => server.close(r));
    const r = await verifySmtp({ profile: emulatorProfile(emu, { smtpPort: port }), accessToken: await alice() });
    expect(r.problem?.code).toBe('SMTP_CONNECTION_REFUSED');
  });

  it('through an HTTP CONNECT proxy, and a proxy that refuses port 587', async () => {
    let allow = true;
    const proxy = net.createServer((client) => {
      client.once('data', (chunk: Buffer) => {
        const [, host, port] = /^CONNECT ([^:]+):(\d+)/.exec(chunk.toString('latin1')) ?? [];
        if (!allow) return void client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
        const up = net.connect(Number(port), host, () => {
          client.write('HTTP/1.1 200 Connection established\r\n\r\n');
          client.pipe(up).pipe(client);
        });
        up.on('error', () => client.destroy());
        client.on('error', () => up.destroy());
      });
    });
    const proxyPort = await new Promise<number>((r) =>
      proxy.listen(0, '127.0.0.1', () => r((proxy.address() as net.AddressInfo).port)),
    );
    const profile = emulatorProfile(emu, {
      network: { proxyUrl: `http://127.0.0.1:${proxyPort}`, extraCaPem: emu.caPem, timeoutMs: 20_000 },
    });
    try {
      const token = await alice();
      expect((await verifySmtp({ profile, accessToken: token })).ok).toBe(true);
      allow = false;
      expect((await verifySmtp({ profile, accessToken: token })).problem?.code).toBe('PROXY_REFUSED');
    } finally {
      proxy.close();
    }
  });

  it('a cancelled check stops and says so', async () => {
    const ac = new AbortController();
    const pending = verifySmtp({ profile: emulatorProfile(emu), accessToken: await alice(), signal: ac.signal });
    ac.abort();
    const r = await pending;
    expect(r.problem?.code).toBe('SMTP_CANCELLED');
  });
});
