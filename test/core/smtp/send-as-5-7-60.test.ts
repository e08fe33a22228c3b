import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySmtp } from '../../../src/core/smtp/verify-smtp';
import { startEmulator, type Emulator } from '../../emulator';
import { MAILBOXES, USERS } from '../../emulator/fixtures/ids';
import { RawSmtp, xoauth2 } from '../../emulator/raw-smtp';
import { emulatorProfile, userToken } from './emulator-tokens';

/**
 * §7.6 documents `5.7.60 SMTP; Client does not have permissions to send as this sender` but
 * leaves its reply line and moment unconfirmed, so the emulator can answer that way instead
 * of the observed 554 5.2.252 after DATA. Whichever Exchange sends, the user gets the fix.
 */

let emu: Emulator;
let aliceToken: string;
beforeAll(async () => {
  emu = await startEmulator({ behaviour: { sendAsDeniedReply: '5.7.60-at-mail-from' } });
  aliceToken = await userToken(emu, USERS.alice.upn, USERS.alice.password);
});
afterAll(() => emu.close());

describe('Send As refused with 5.7.60 at MAIL FROM (behaviour sendAsDeniedReply)', () => {
  it('the emulator answers MAIL FROM for a foreign address with 550 5.7.60 and still takes the own one', async () => {
    const client = await RawSmtp.openSecured(emu.smtp.port, emu.caPem);
    try {
      expect(await client.command(`AUTH XOAUTH2 ${xoauth2(USERS.alice.upn, aliceToken)}`)).toBe(
        '235 2.7.0 Authentication successful',
      );
      expect(await client.command(`MAIL FROM:<${MAILBOXES.unpermitted}>`)).toBe(
        '550 5.7.60 SMTP; Client does not have permissions to send as this sender',
      );
      expect(await client.command('RSET')).toMatch(/^250 /);
      expect(await client.command(`MAIL FROM:<${USERS.alice.upn}>`)).toBe('250 2.1.0 Sender OK');
    } finally {
      client.close();
    }
  });

  it('verify with a test message diagnoses it with the Add-RecipientPermission command, and nothing is delivered', async () => {
    const before = emu.messages().length;
    const r = await verifySmtp({
      profile: emulatorProfile(emu, { fromAddress: MAILBOXES.unpermitted }),
      accessToken: aliceToken,
      send: { to: USERS.alice.upn },
    });
    expect(r.ok).toBe(false);
    expect(r.problem?.code).toBe('SMTP_550_5.7.60');
    expect(r.problem?.commands).toContain(
      `Add-RecipientPermission -Identity ${MAILBOXES.unpermitted} -Trustee ${USERS.alice.upn} -AccessRights SendAs`,
    );
    expect(r.transcript.some((l) => l.startsWith('S: 550 5.7.60'))).toBe(true);
    // nodemailer pipelines MAIL, RCPT and DATA; the server never invites the message body.
    expect(r.transcript.some((l) => l.startsWith('S: 354'))).toBe(false);
    expect(emu.messages().length).toBe(before);
  });

  it('a From the login has Send As on still sends (alice on the shared mailbox)', async () => {
    const r = await verifySmtp({
      profile: emulatorProfile(emu, { fromAddress: MAILBOXES.shared }),
      accessToken: aliceToken,
      send: { to: USERS.alice.upn },
    });
    expect(r.problem).toBeUndefined();
    expect(emu.messages().at(-1)).toMatchObject({ from: MAILBOXES.shared, authUser: USERS.alice.upn });
  });
});
