// Exchange Online SMTP AUTH over a bare socket: EHLO shape, STARTTLS, XOAUTH2 and exact replies (§7).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from './index';
import { RawSmtp, xoauth2 } from './raw-smtp';
import { appOnlyToken, delegatedTokens } from './test-helpers';
import { AEM_APP, AEM_SECRET, DAEMON_APP, DAEMON_SECRET, MAILBOXES, USERS } from './fixtures/ids';

let emu: Emulator;
let aliceToken: string;
let daemonToken: string;

beforeAll(async () => {
  emu = await startEmulator();
  const t = await delegatedTokens(emu, {
    clientId: AEM_APP,
    secret: AEM_SECRET,
    scope: 'https://outlook.office.com/SMTP.Send offline_access openid',
    user: USERS.alice,
  });
  aliceToken = String(t.access_token);
  daemonToken = await appOnlyToken(emu, DAEMON_APP, DAEMON_SECRET);
});
afterAll(() => emu.close());

const secured = (): Promise<RawSmtp> => RawSmtp.openSecured(emu.smtp.port, emu.caPem);

describe('§7.2 session shape', () => {
  it('greets like Exchange and advertises STARTTLS but no AUTH before TLS', async () => {
    const { client, greeting } = await RawSmtp.open(emu.smtp.port, emu.caPem);
    expect(greeting).toMatch(/^220 \S+ Microsoft ESMTP MAIL Service ready at /);
    const ehlo = await client.command('EHLO client.example');
    expect(ehlo).toContain('250-STARTTLS');
    expect(ehlo).toContain('SIZE 157286400');
    expect(ehlo).toContain('ENHANCEDSTATUSCODES');
    expect(ehlo).not.toMatch(/AUTH/);
    client.close();
  });

  it('answers STARTTLS with "220 2.0.0 SMTP server ready" and then advertises exactly AUTH LOGIN XOAUTH2', async () => {
    const { client } = await RawSmtp.open(emu.smtp.port, emu.caPem);
    await client.command('EHLO client.example');
    expect(await client.startTls()).toBe('220 2.0.0 SMTP server ready');
    const ehlo = await client.command('EHLO client.example');
    expect(ehlo).toContain('250-AUTH LOGIN XOAUTH2');
    expect(ehlo).not.toContain('STARTTLS');
    expect(ehlo).not.toMatch(/PLAIN|OAUTHBEARER/);
    client.close();
  });

  it("answers unknown commands and AUTH before TLS in Exchange's words; QUIT with 221 2.0.0", async () => {
    const { client } = await RawSmtp.open(emu.smtp.port, emu.caPem);
    const ehlo = await client.command('EHLO client.example');
    expect(ehlo.split('\n')[0]).toBe('250-EMU01.outlook.office365.com Hello [127.0.0.1]');
    expect(await client.command('FOO bar')).toBe("500 5.3.3 Unrecognized command 'foo' [EMU01.outlook.office365.com]");
    expect(await client.command(`AUTH XOAUTH2 ${xoauth2(USERS.alice.upn, aliceToken)}`)).toBe(
      '504 5.7.4 Unrecognized authentication type [EMU01.outlook.office365.com]',
    );
    expect(await client.command('QUIT')).toBe('221 2.0.0 Service closing transmission channel');
    client.close();
  });

  it('refuses MAIL before AUTH with 530 5.7.57 (before and after TLS)', async () => {
    const { client } = await RawSmtp.open(emu.smtp.port, emu.caPem);
    await client.command('EHLO client.example');
    expect(await client.command('MAIL FROM:<alice@contoso.com>')).toBe(
      '530 5.7.57 Client not authenticated to send mail',
    );
    client.close();
    const tls = await secured();
    expect(await tls.command('MAIL FROM:<alice@contoso.com>')).toBe('530 5.7.57 Client not authenticated to send mail');
    tls.close();
  });
});

describe('§7.3 XOAUTH2', () => {
  it('accepts a delegated SMTP.Send token as a one-line AUTH and sends with Exchange replies', async () => {
    const c = await secured();
    expect(await c.command(`AUTH XOAUTH2 ${xoauth2(USERS.alice.upn, aliceToken)}`)).toBe(
      '235 2.7.0 Authentication successful',
    );
    expect(await c.command('MAIL FROM:<alice@contoso.com>')).toBe('250 2.1.0 Sender OK');
    expect(await c.command('RCPT TO:<bob@contoso.com>')).toBe('250 2.1.5 Recipient OK');
    expect(await c.command('DATA')).toBe('354 Start mail input; end with <CRLF>.<CRLF>');
    const done = await c.command(
      'From: alice@contoso.com\r\nTo: bob@contoso.com\r\nSubject: raw hello\r\n\r\nbody\r\n.',
    );
    expect(done).toMatch(/^250 2\.0\.0 OK <[^>]+> \[Hostname=[^\]]+\]$/);
    c.close();
    expect(
      emu.messages('bob@contoso.com').some((m) => m.subject === 'raw hello' && m.authUser === 'alice@contoso.com'),
    ).toBe(true);
  });

  it('accepts the two-step form (AUTH XOAUTH2, 334, then the base64 string)', async () => {
    const c = await secured();
    expect(await c.command('AUTH XOAUTH2')).toMatch(/^334/);
    expect(await c.command(xoauth2(MAILBOXES.noreply, daemonToken))).toBe('235 2.7.0 Authentication successful');
    c.close();
  });

  it('rejects a tampered token with 535 5.7.3 Authentication unsuccessful [host]', async () => {
    const c = await secured();
    const tampered = aliceToken.slice(0, -4) + (aliceToken.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(await c.command(`AUTH XOAUTH2 ${xoauth2(USERS.alice.upn, tampered)}`)).toMatch(
      /^535 5\.7\.3 Authentication unsuccessful \[[^\]]+\]$/,
    );
    c.close();
  });

  it('rejects a token once the emulator clock passes its exp (535 5.7.3)', async () => {
    emu.clock.advance(2 * 3600_000);
    try {
      const c = await secured();
      expect(await c.command(`AUTH XOAUTH2 ${xoauth2(USERS.alice.upn, aliceToken)}`)).toMatch(/^535 5\.7\.3 /);
      c.close();
    } finally {
      emu.clock.advance(-2 * 3600_000);
    }
  });

  it('§7.6: AUTH LOGIN with a password is Basic auth and is refused (550 5.7.30)', async () => {
    const c = await secured();
    expect(await c.command('AUTH LOGIN')).toMatch(/^334/);
    expect(await c.command(Buffer.from(USERS.alice.upn).toString('base64'))).toMatch(/^334/);
    expect(await c.command(Buffer.from(USERS.alice.password).toString('base64'))).toBe(
      '550 5.7.30 Basic authentication is not supported for Client Submission.',
    );
    c.close();
  });

  it('§7.7: the fourth concurrent authenticated session on one mailbox gets 432 4.3.2', async () => {
    const open: RawSmtp[] = [];
    for (let i = 0; i < 3; i++) {
      const c = await secured();
      expect(await c.command(`AUTH XOAUTH2 ${xoauth2(MAILBOXES.noreply, daemonToken)}`)).toBe(
        '235 2.7.0 Authentication successful',
      );
      open.push(c);
    }
    const fourth = await secured();
    expect(await fourth.command(`AUTH XOAUTH2 ${xoauth2(MAILBOXES.noreply, daemonToken)}`)).toBe(
      '432 4.3.2 Concurrent connections limit exceeded.',
    );
    fourth.close();
    open.forEach((c) => c.close());
    await expect.poll(() => emu.smtp.sessionsFor(MAILBOXES.noreply)).toBe(0);
    const again = await secured();
    expect(await again.command(`AUTH XOAUTH2 ${xoauth2(MAILBOXES.noreply, daemonToken)}`)).toBe(
      '235 2.7.0 Authentication successful',
    );
    again.close();
  });

  it('§7.4: app-only token on a mailbox without FullAccess gets 430 4.2.0 STOREDRV; mailbox logon failure', async () => {
    const c = await secured();
    expect(await c.command(`AUTH XOAUTH2 ${xoauth2(MAILBOXES.unpermitted, daemonToken)}`)).toBe(
      '430 4.2.0 STOREDRV; mailbox logon failure',
    );
    c.close();
  });

  it('§7.6: From another address without Send As fails after DATA with 554 5.2.252 SendAsDenied', async () => {
    const c = await secured();
    await c.command(`AUTH XOAUTH2 ${xoauth2(USERS.alice.upn, aliceToken)}`);
    expect(await c.command('MAIL FROM:<bob@contoso.com>')).toBe('250 2.1.0 Sender OK');
    expect(await c.command('RCPT TO:<erin@contoso.com>')).toBe('250 2.1.5 Recipient OK');
    await c.command('DATA');
    const reply = await c.command('From: bob@contoso.com\r\nSubject: spoof\r\n\r\nx\r\n.');
    expect(reply).toMatch(
      /^554 5\.2\.252 SendAsDenied; alice@contoso\.com not allowed to send as bob@contoso\.com; STOREDRV\.Submission\.Exception:SendAsDeniedException\.MapiExceptionSendAsDenied; /,
    );
    c.close();
  });

  it('fault dropSmtpMidAuth: the server hangs up when the credentials arrive', async () => {
    emu.faults.set({ dropSmtpMidAuth: true });
    try {
      const c = await secured();
      expect(await c.command(`AUTH XOAUTH2 ${xoauth2(USERS.alice.upn, aliceToken)}`)).toBe('');
      expect(c.isClosed).toBe(true);
    } finally {
      emu.faults.clear();
    }
  });
});
