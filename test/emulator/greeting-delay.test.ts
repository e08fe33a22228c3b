// The benchmark switch that removes smtp-server's 100 ms early-talker wait: everything else stays Exchange's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from './index';
import { RawSmtp, xoauth2 } from './raw-smtp';
import { appOnlyToken } from './test-helpers';
import { DAEMON_APP, DAEMON_SECRET, MAILBOXES } from './fixtures/ids';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ behaviour: { smtpGreetingDelay: false } });
});
afterAll(() => emu.close());

describe('smtpGreetingDelay: false', () => {
  it('still greets like Exchange, hides AUTH before TLS and logs an app in with XOAUTH2', async () => {
    const { client, greeting } = await RawSmtp.open(emu.smtp.port, emu.caPem);
    expect(greeting).toMatch(/^220 \S+ Microsoft ESMTP MAIL Service ready at /);
    expect(await client.command('EHLO client.example')).not.toMatch(/AUTH/);
    client.close();
    const c = await RawSmtp.openSecured(emu.smtp.port, emu.caPem);
    const token = await appOnlyToken(emu, DAEMON_APP, DAEMON_SECRET);
    expect(await c.command(`AUTH XOAUTH2 ${xoauth2(MAILBOXES.noreply, token)}`)).toBe(
      '235 2.7.0 Authentication successful',
    );
    c.close();
  });
});
