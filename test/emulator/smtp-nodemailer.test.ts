// nodemailer (XOAUTH2 over STARTTLS) against the Exchange stand-in: it must see Exchange's exact
// reply for each failing case (§7.3, §7.6, §7.7).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import { startEmulator, type Emulator } from './index';
import { appOnlyToken, delegatedTokens } from './test-helpers';
import { RawSmtp, xoauth2 } from './raw-smtp';
import * as ids from './fixtures/ids';
import { findApp, findTenant, findUser } from './directory';

const { USERS, MAILBOXES } = ids;
let emu: Emulator;

beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

function transport(user: string, accessToken: string) {
  return nodemailer.createTransport({
    host: emu.smtp.host,
    port: emu.smtp.port,
    secure: false,
    requireTLS: true,
    tls: { ca: emu.caPem },
    auth: { type: 'OAuth2', user, accessToken },
  });
}

async function rejection(p: Promise<unknown>): Promise<{ code?: string; responseCode?: number; response?: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code?: string; responseCode?: number; response?: string };
  }
  throw new Error('expected a rejection');
}

const SMTP_SEND = 'https://outlook.office.com/SMTP.Send offline_access openid profile';
const aemToken = async (user: { upn: string; password: string }, scope = SMTP_SEND): Promise<string> =>
  String((await delegatedTokens(emu, { clientId: ids.AEM_APP, secret: ids.AEM_SECRET, scope, user })).access_token);

describe('accepted logins', () => {
  it('§7.3 delegated SMTP.Send: verify() logs in and sendMail() stores the message with parsed headers', async () => {
    const t = transport(USERS.alice.upn, await aemToken(USERS.alice));
    await expect(t.verify()).resolves.toBe(true);
    const info = await t.sendMail({
      from: USERS.alice.upn,
      to: 'someone@example.com',
      subject: 'Wizard test ✓',
      text: 'hello',
    });
    expect(info.response).toMatch(/^250 2\.0\.0 OK </);
    const [msg] = emu.messages('someone@example.com');
    expect(msg).toMatchObject({
      from: USERS.alice.upn,
      to: ['someone@example.com'],
      subject: 'Wizard test ✓',
      authUser: USERS.alice.upn,
    });
  });

  it('§7.4 app-only SMTP.SendAsApp on a mailbox the service principal has FullAccess to', async () => {
    const t = transport(MAILBOXES.noreply, await appOnlyToken(emu, ids.DAEMON_APP, ids.DAEMON_SECRET));
    await t.sendMail({ from: MAILBOXES.noreply, to: USERS.alice.upn, subject: 'app-only', text: 'x' });
    expect(emu.messages(USERS.alice.upn).map((m) => m.subject)).toContain('app-only');
  });

  it('§7.3 shared mailbox: a delegate with FullAccess + Send As logs in as the shared address and sends as it', async () => {
    const t = transport(MAILBOXES.shared, await aemToken(USERS.alice));
    await t.sendMail({ from: MAILBOXES.shared, to: USERS.bob.upn, subject: 'from shared', text: 'x' });
    expect(
      emu
        .messages(USERS.bob.upn)
        .some((m) => m.subject === 'from shared' && m.from === MAILBOXES.shared && m.authUser === MAILBOXES.shared),
    ).toBe(true);
    expect(emu.messages(MAILBOXES.shared)).toEqual([]);
  });
});

describe('Exchange replies nodemailer reports', () => {
  it('§7.6 shared mailbox without Send As: 554 5.2.252 SendAsDenied after DATA', async () => {
    const t = transport(MAILBOXES.shared, await aemToken(USERS.erin));
    const err = await rejection(t.sendMail({ from: MAILBOXES.shared, to: USERS.bob.upn, subject: 'x', text: 'x' }));
    expect(err.responseCode).toBe(554);
    expect(err.response).toMatch(
      /^554 5\.2\.252 SendAsDenied; shared@contoso\.com not allowed to send as shared@contoso\.com; STOREDRV\.Submission\.Exception:SendAsDeniedException\.MapiExceptionSendAsDenied;/,
    );
  });

  it('§6 audience rule: Graph scope first gives a Graph token, and SMTP answers 535 5.7.3', async () => {
    const token = await aemToken(
      USERS.alice,
      'https://graph.microsoft.com/User.Read https://outlook.office.com/SMTP.Send offline_access',
    );
    const err = await rejection(transport(USERS.alice.upn, token).verify());
    expect(err.code).toBe('EAUTH');
    expect(err.response).toBe('535 5.7.3 Authentication unsuccessful [EMU01.outlook.office365.com]');
  });

  it('§7.3 token without SMTP.Send in scp: 535 5.7.3', async () => {
    const app = findApp(emu.directory, ids.AEM_APP)!.app;
    const saved = [...app.delegatedPermissions];
    app.delegatedPermissions = saved.filter((p) => !p.endsWith('/SMTP.Send'));
    try {
      const token = await aemToken(USERS.alice, 'https://outlook.office.com/Mail.Send offline_access');
      const err = await rejection(transport(USERS.alice.upn, token).verify());
      expect(err.response).toBe('535 5.7.3 Authentication unsuccessful [EMU01.outlook.office365.com]');
    } finally {
      app.delegatedPermissions = saved;
    }
  });

  it('§7.3 user= a mailbox the signed-in user may not use: 535 5.7.3', async () => {
    const err = await rejection(transport(USERS.bob.upn, await aemToken(USERS.alice)).verify());
    expect(err.response).toBe('535 5.7.3 Authentication unsuccessful [EMU01.outlook.office365.com]');
  });

  it('§7.4 app whose service principal is not registered in Exchange: 535 5.7.3', async () => {
    const token = await appOnlyToken(emu, ids.UNREGISTERED_DAEMON_APP, ids.UNREGISTERED_DAEMON_SECRET);
    const err = await rejection(transport(MAILBOXES.noreply, token).verify());
    expect(err.response).toBe('535 5.7.3 Authentication unsuccessful [EMU01.outlook.office365.com]');
  });

  it('§7.4 app-only without FullAccess on the mailbox: 430 4.2.0 STOREDRV; mailbox logon failure', async () => {
    const err = await rejection(
      transport(MAILBOXES.unpermitted, await appOnlyToken(emu, ids.DAEMON_APP, ids.DAEMON_SECRET)).verify(),
    );
    expect(err.responseCode).toBe(430);
    expect(err.response).toBe('430 4.2.0 STOREDRV; mailbox logon failure');
  });

  it('§7.3 expired access token (emulator clock): 535 5.7.3', async () => {
    const token = await aemToken(USERS.alice);
    emu.clock.advance(3 * 3600_000);
    try {
      const err = await rejection(transport(USERS.alice.upn, token).verify());
      expect(err.response).toBe('535 5.7.3 Authentication unsuccessful [EMU01.outlook.office365.com]');
    } finally {
      emu.clock.advance(-3 * 3600_000);
    }
  });

  it('§7.6 mailbox SMTP AUTH disabled: 535 5.7.139 ... disabled for the Mailbox', async () => {
    const err = await rejection(transport(USERS.dave.upn, await aemToken(USERS.dave)).verify());
    expect(err.response).toBe(
      '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information. [EMU01.outlook.office365.com]',
    );
  });

  it('§7.5/§7.6 mailbox "inherit" follows the tenant switch: 535 5.7.139 ... disabled for the Tenant', async () => {
    const token = await aemToken(USERS.bob); // bob's mailbox inherits; the driver approves his MFA step
    const contoso = findTenant(emu.directory, ids.CONTOSO)!;
    contoso.smtpAuthDisabled = true;
    try {
      const err = await rejection(transport(USERS.bob.upn, token).verify());
      expect(err.response).toBe(
        '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [EMU01.outlook.office365.com]',
      );
      // An explicitly enabled mailbox overrides the tenant switch.
      await expect(transport(USERS.alice.upn, await aemToken(USERS.alice)).verify()).resolves.toBe(true);
    } finally {
      contoso.smtpAuthDisabled = false;
    }
  });

  it("§7.5 security defaults: 535 5.7.139 ... locked by your organization's security defaults policy", async () => {
    const token = String(
      (
        await delegatedTokens(emu, {
          clientId: ids.FABRIKAM_APP,
          secret: ids.FABRIKAM_SECRET,
          scope: SMTP_SEND,
          user: USERS.frank,
          tenant: ids.FABRIKAM,
        })
      ).access_token,
    );
    const err = await rejection(transport(USERS.frank.upn, token).verify());
    expect(err.response).toBe(
      "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator.",
    );
  });

  it('§7.6 Conditional Access block after issuance: 535 5.7.139 ... did not meet the criteria', async () => {
    const token = await aemToken(USERS.alice);
    const alice = findUser(emu.directory, USERS.alice.upn)!.user;
    alice.blockedByConditionalAccess = true;
    try {
      const err = await rejection(transport(USERS.alice.upn, token).verify());
      expect(err.response).toBe(
        '535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator.',
      );
    } finally {
      alice.blockedByConditionalAccess = false;
    }
  });

  it('§7.7 fourth concurrent session on one mailbox: 432 4.3.2 Concurrent connections limit exceeded.', async () => {
    const token = await appOnlyToken(emu, ids.DAEMON_APP, ids.DAEMON_SECRET);
    const holders: RawSmtp[] = [];
    for (let i = 0; i < 3; i++) {
      const client = await RawSmtp.openSecured(emu.smtp.port, emu.caPem, 'holder');
      expect(await client.command(`AUTH XOAUTH2 ${xoauth2(MAILBOXES.noreply, token)}`)).toMatch(/^235/);
      holders.push(client);
    }
    try {
      const err = await rejection(transport(MAILBOXES.noreply, token).verify());
      expect(err.response).toBe('432 4.3.2 Concurrent connections limit exceeded.');
    } finally {
      holders.forEach((h) => h.close());
    }
  });

  it('§7.7 recipient rate limit (lowered to 3/day by a behaviour knob): 554 5.2.0 STOREDRV...', async () => {
    const e = await startEmulator({ behaviour: { smtpRecipientsPerDay: 3 } });
    try {
      const daemon = async () =>
        nodemailer.createTransport({
          host: e.smtp.host,
          port: e.smtp.port,
          secure: false,
          requireTLS: true,
          tls: { ca: e.caPem },
          auth: {
            type: 'OAuth2',
            user: MAILBOXES.noreply,
            accessToken: await appOnlyToken(e, ids.DAEMON_APP, ids.DAEMON_SECRET),
          },
        });
      const t = await daemon();
      await t.sendMail({ from: MAILBOXES.noreply, to: ['a@example.com', 'b@example.com'], subject: 'two', text: 'x' });
      const err = await rejection(
        t.sendMail({ from: MAILBOXES.noreply, to: ['c@example.com', 'd@example.com'], subject: 'two more', text: 'x' }),
      );
      expect(err.response).toMatch(/^554 5\.2\.0 STOREDRV\.Submission\.Exception:SubmissionQuotaExceededException/);
      e.clock.advance(86_400_000);
      await expect(
        (await daemon()).sendMail({ from: MAILBOXES.noreply, to: 'c@example.com', subject: 'next day', text: 'x' }),
      ).resolves.toBeTruthy();
    } finally {
      await e.close();
    }
  });

  it('§7.6 sending without logging in: 530 5.7.57 Client not authenticated to send mail', async () => {
    const t = nodemailer.createTransport({
      host: emu.smtp.host,
      port: emu.smtp.port,
      secure: false,
      requireTLS: true,
      tls: { ca: emu.caPem },
    });
    const err = await rejection(t.sendMail({ from: USERS.alice.upn, to: USERS.bob.upn, subject: 'x', text: 'x' }));
    expect(err.response).toBe('530 5.7.57 Client not authenticated to send mail');
  });

  it('§7.6 Basic auth (user + password -> AUTH LOGIN): 550 5.7.30', async () => {
    const t = nodemailer.createTransport({
      host: emu.smtp.host,
      port: emu.smtp.port,
      secure: false,
      requireTLS: true,
      tls: { ca: emu.caPem },
      auth: { user: USERS.alice.upn, pass: USERS.alice.password },
    });
    const err = await rejection(t.verify());
    expect(err.response).toBe('550 5.7.30 Basic authentication is not supported for Client Submission.');
  });

  it('fault dropSmtpMidAuth: nodemailer sees the connection drop during AUTH', async () => {
    const token = await aemToken(USERS.alice);
    emu.faults.set({ dropSmtpMidAuth: true });
    try {
      const err = await rejection(transport(USERS.alice.upn, token).verify());
      expect(err.code).toMatch(/ECONNECTION|ESOCKET|ETIMEDOUT/);
    } finally {
      emu.faults.clear();
    }
  });
});
