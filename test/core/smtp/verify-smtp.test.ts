import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySmtp } from '../../../src/core/smtp/verify-smtp';
import { startEmulator, type Emulator } from '../../emulator';
import { MAILBOXES, USERS } from '../../emulator/fixtures/ids';
import { daemonToken, emulatorProfile, userToken } from './emulator-tokens';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
});

/** Every form a leaked token could take in a transcript. */
function secretForms(token: string, user: string): string[] {
  const payload = `user=${user}\x01auth=Bearer ${token}\x01\x01`;
  const b64 = (s: string): string => Buffer.from(s).toString('base64');
  return [
    token,
    b64(token),
    Buffer.from(token).toString('base64url'),
    payload,
    b64(payload),
    b64(payload).replace(/=+$/, ''),
    ...token.split('.').filter((p) => p.length > 20),
  ];
}

describe('verifySmtp against the emulator: success', () => {
  it('logs in with a good delegated token (AUTH only) and sends nothing', async () => {
    const token = await userToken(emu, USERS.alice.upn, USERS.alice.password);
    const before = emu.messages().length;
    const report = await verifySmtp({ profile: emulatorProfile(emu), accessToken: token });
    expect(report.problem).toBeUndefined();
    expect(report.ok).toBe(true);
    expect(report.authUser).toBe('alice@contoso.com');
    expect(report.signedInAs).toBe('alice@contoso.com');
    expect(report.transcript.some((l) => l.startsWith('S: 235 2.7.0'))).toBe(true);
    expect(emu.messages().length).toBe(before);
  });

  it('sends a test message that arrives with the right From, To and subject, naming tool, profile and time', async () => {
    const token = await daemonToken(emu);
    const profile = emulatorProfile(emu, {
      flow: 'app-only',
      mailbox: MAILBOXES.noreply,
      fromAddress: MAILBOXES.noreply,
      name: 'Noreply daemon',
    });
    const report = await verifySmtp({
      profile,
      accessToken: token,
      send: { to: 'alice@contoso.com' },
      now: () => new Date('2026-11-23T15:00:00Z'),
    });
    expect(report.problem).toBeUndefined();
    expect(report.ok).toBe(true);
    expect(report.sentTo).toBe('alice@contoso.com');
    expect(report.signedInAs).toBe('app aaaaaaaa-0000-4000-8000-000000000002');
    const msg = emu.messages().find((m) => m.raw.includes(report.messageId ?? 'none'));
    expect(msg).toMatchObject({
      from: MAILBOXES.noreply,
      to: ['alice@contoso.com'],
      subject: 'SMTP OAuth test from smtp-oauth-wizard (Noreply daemon)',
      authUser: MAILBOXES.noreply,
    });
    expect(msg?.raw).toMatch(/smtp-oauth-wizard \d+\.\d+\.\d+/);
    expect(msg?.raw).toContain('Profile: Noreply daemon (p-test)');
    expect(msg?.raw).toContain('2026-11-23T15:00:00.000Z');
  });

  it('sends to the mailbox itself when no recipient is chosen', async () => {
    const token = await userToken(emu, USERS.alice.upn, USERS.alice.password);
    const report = await verifySmtp({ profile: emulatorProfile(emu), accessToken: token, send: {} });
    expect(report.ok).toBe(true);
    expect(report.sentTo).toBe('alice@contoso.com');
    expect(
      emu.messages().some((m) => m.raw.includes(report.messageId ?? 'none') && m.to.includes('alice@contoso.com')),
    ).toBe(true);
  });

  it('shared mailbox: a delegate logs in with user= the shared mailbox and sends as it', async () => {
    const token = await userToken(emu, USERS.alice.upn, USERS.alice.password);
    const profile = emulatorProfile(emu, { mailbox: MAILBOXES.shared, fromAddress: MAILBOXES.shared });
    const report = await verifySmtp({ profile, accessToken: token, send: { to: 'erin@contoso.com' } });
    expect(report.problem).toBeUndefined();
    expect(report).toMatchObject({
      ok: true,
      authUser: MAILBOXES.shared,
      signedInAs: 'alice@contoso.com',
      fromAddress: MAILBOXES.shared,
    });
    expect(emu.messages().find((m) => m.raw.includes(report.messageId ?? 'none'))).toMatchObject({
      from: MAILBOXES.shared,
      authUser: MAILBOXES.shared,
    });
    expect(report.warnings).toEqual([]);
  });

  it('shared mailbox: a delegate with Full Access only is warned before, and refused after DATA with the delegate named', async () => {
    const token = await userToken(emu, USERS.erin.upn, USERS.erin.password);
    const profile = emulatorProfile(emu, { mailbox: MAILBOXES.shared, fromAddress: MAILBOXES.shared });
    const check = await verifySmtp({ profile, accessToken: token });
    expect(check).toMatchObject({ ok: true, authUser: MAILBOXES.shared, signedInAs: 'erin@contoso.com' });
    expect(check.warnings.map((w) => w.code)).toEqual(['SMTP_DELEGATE_SEND_AS']);
    const sent = await verifySmtp({ profile, accessToken: token, send: { to: 'alice@contoso.com' } });
    expect(sent.problem?.code).toBe('SMTP_554_5.2.252');
    expect(sent.problem?.commands).toContain(
      'Add-RecipientPermission -Identity shared@contoso.com -Trustee erin@contoso.com -AccessRights SendAs',
    );
  });

  it('pre-flight: a From that differs from the login mailbox warns that Send As is needed, even when AUTH passes', async () => {
    const token = await userToken(emu, USERS.alice.upn, USERS.alice.password);
    const report = await verifySmtp({
      profile: emulatorProfile(emu, { fromAddress: MAILBOXES.shared }),
      accessToken: token,
    });
    expect(report.ok).toBe(true);
    expect(report.warnings.map((w) => w.code)).toEqual(['SMTP_FROM_DIFFERS']);
    expect(report.warnings[0]?.commands).toContain(
      'Add-RecipientPermission -Identity shared@contoso.com -Trustee alice@contoso.com -AccessRights SendAs',
    );
  });
});

describe('verifySmtp with transcript: failures (the bulk checker)', () => {
  it('gives a passing login no transcript and a failing one the whole redacted conversation', async () => {
    const good = await userToken(emu, USERS.alice.upn, USERS.alice.password);
    const bad = await userToken(emu, USERS.alice.upn, USERS.alice.password, 'https://graph.microsoft.com/User.Read');
    const passed = await verifySmtp({ profile: emulatorProfile(emu), accessToken: good, transcript: 'failures' });
    expect(passed).toMatchObject({ ok: true, transcript: [] });
    const failed = await verifySmtp({ profile: emulatorProfile(emu), accessToken: bad, transcript: 'failures' });
    expect(failed.ok).toBe(false);
    expect(failed.transcript.join('\n')).toMatch(/AUTH XOAUTH2 \[XOAUTH2 payload redacted\][\s\S]*S: 535/);
  });
});

describe('verifySmtp: the transcript holds no secret', () => {
  it('has no token, no base64 of it and no XOAUTH2 payload, for a success and a failure', async () => {
    const good = await userToken(emu, USERS.alice.upn, USERS.alice.password);
    const bad = await userToken(emu, USERS.alice.upn, USERS.alice.password, 'https://graph.microsoft.com/User.Read');
    const ok = await verifySmtp({ profile: emulatorProfile(emu), accessToken: good, send: {} });
    const failed = await verifySmtp({ profile: emulatorProfile(emu), accessToken: bad });
    expect(failed.ok).toBe(false);
    for (const [report, token] of [
      [ok, good],
      [failed, bad],
    ] as const) {
      const text = report.transcript.join('\n');
      expect(text).toMatch(/AUTH XOAUTH2 \[XOAUTH2 payload redacted\]/);
      for (const form of secretForms(token, 'alice@contoso.com')) expect(text).not.toContain(form);
      expect(JSON.stringify(report)).not.toContain(token.split('.')[2]);
    }
  });
});
