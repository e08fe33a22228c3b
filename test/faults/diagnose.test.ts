import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { verifySmtp } from '../../src/core/smtp/verify-smtp';
import type { Profile } from '../../src/shared/profile';
import { emulatorProfile, daemonToken, userToken } from '../core/smtp/emulator-tokens';
import { makeProfile } from '../core/smtp/fixtures';
import { startEmulator, type Emulator } from '../emulator';
import { MAILBOXES, USERS } from '../emulator/fixtures/ids';
import { startDovecot, type Dovecot } from '../support/dovecot';
import { makeTestTls, type TestTls } from '../support/test-tls';
import { faultScenario } from './fault-scenario';

/**
 * Issue 11.15-17: diagnoses off the beaten path, against real servers: Debian's Dovecot
 * (a submission server that is not Exchange Online and refuses tokens the RFC 7628 way),
 * a bare smtp-server with its own greeting, and the emulator's Exchange with its fault switches.
 */

const once = { maxAttempts: 3, baseDelayMs: 0, maxDelayMs: 0 };
const EXCHANGE_ONLY = ['New-ServicePrincipal', 'Add-MailboxPermission', 'unlicensed', 'Set-CASMailbox'];

let emu: Emulator;
let tls: TestTls;
let dovecot: Dovecot;
let other: SMTPServer;
let otherPort: number;
let otherAuths = 0;

beforeAll(async () => {
  tls = makeTestTls();
  [emu, dovecot] = await Promise.all([
    startEmulator(),
    startDovecot({ tls, user: 'alice@contoso.com', acceptedToken: 'dovecot-accepts-only-this-token' }),
  ]);
  // A relay that is not Exchange and answers like Postfix with Cyrus SASL.
  other = new SMTPServer({
    secure: false,
    key: tls.keyPem,
    cert: tls.certPem,
    name: 'relay.example.net',
    banner: 'Postfix (Debian/GNU)',
    authMethods: ['XOAUTH2'],
    logger: false,
    closeTimeout: 50,
    onAuth(_auth, _session, cb) {
      otherAuths += 1;
      cb(Object.assign(new Error('5.7.8 Error: authentication failed: generic failure'), { responseCode: 535 }));
    },
  });
  await new Promise<void>((r) => other.listen(0, '127.0.0.1', () => r()));
  otherPort = (other.server.address() as AddressInfo).port;
}, 120_000);

afterAll(async () => {
  await Promise.all([emu?.close(), dovecot?.stop(), new Promise<void>((r) => (other ? other.close(() => r()) : r()))]);
});

const at = (port: number): Profile =>
  makeProfile({
    smtpHost: '127.0.0.1',
    smtpPort: port,
    network: { proxyUrl: '', extraCaPem: tls.caPem, timeoutMs: 20_000 },
  });

/** Dovecot logs one "N attempts" line per closed login session. */
const dovecotAttempts = (log: string): number =>
  [...log.matchAll(/auth failed, (\d+) attempts/g)].reduce((n, m) => n + Number(m[1]), 0);

describe('fault suite: diagnoses off the beaten path (issue 11.15-17)', () => {
  faultScenario(
    '11.15',
    'unclear',
    'Dovecot refuses a Microsoft token with 535 5.7.8: “not Exchange”, its reply, generic causes',
    async () => {
      const token = await userToken(emu, USERS.alice.upn, USERS.alice.password);
      const r = await verifySmtp({ profile: at(dovecot.port), accessToken: token, backoff: once });
      expect(r.ok).toBe(false);
      const p = r.problem;
      expect(p?.code).toBe('SMTP_AUTH_REFUSED_NOT_EXCHANGE');
      expect(p?.title).toMatch(/is not Exchange Online/);
      expect(p?.explanation).toContain('“535 5.7.8 Authentication failed.”');
      expect(p?.explanation).toContain('Dovecot');
      expect(p?.fixSteps[0]).toMatch(/trust the token’s issuer and Microsoft’s signing keys/);
      for (const word of EXCHANGE_ONLY) expect(JSON.stringify(p)).not.toContain(word);
      expect(r.transcript.join('\n')).not.toContain(token);
    },
  );

  faultScenario(
    '11.15',
    'unclear',
    'the same Dovecot accepts the token it trusts: the check passes on a non-Exchange server',
    async () => {
      const r = await verifySmtp({
        profile: at(dovecot.port),
        accessToken: 'dovecot-accepts-only-this-token',
        backoff: once,
      });
      expect(r.ok).toBe(true);
    },
  );

  faultScenario(
    '11.15',
    'unclear',
    'a Postfix-like relay with its own greeting: “not Exchange”, never Exchange steps',
    async () => {
      const token = await daemonToken(emu);
      const profile = {
        ...at(otherPort),
        flow: 'app-only' as const,
        mailbox: MAILBOXES.noreply,
        fromAddress: MAILBOXES.noreply,
      };
      const r = await verifySmtp({ profile, accessToken: token, backoff: once });
      expect(r.problem?.code).toBe('SMTP_AUTH_REFUSED_NOT_EXCHANGE');
      expect(r.problem?.explanation).toContain('relay.example.net ESMTP Postfix');
      for (const word of EXCHANGE_ONLY) expect(JSON.stringify(r.problem)).not.toContain(word);
    },
  );

  faultScenario(
    '11.16',
    'unclear',
    'an expired token answered with 454 4.7.0 is “expired”, not “try again later”',
    async () => {
      // Mint a token whose life ended two hours ago, then let the emulator's clock catch up.
      emu.clock.advance(-3 * 3_600_000);
      const token = await daemonToken(emu);
      emu.clock.set(Date.now());
      emu.faults.set({ smtpTemporaryAuthFailure: true });
      const before = emu.smtp.authCommands();
      try {
        const profile = emulatorProfile(emu, {
          flow: 'app-only',
          mailbox: MAILBOXES.noreply,
          fromAddress: MAILBOXES.noreply,
        });
        const r = await verifySmtp({ profile, accessToken: token, backoff: once });
        expect(r.transcript.join('\n')).toContain('S: 454 4.7.0 Temporary authentication failure');
        expect(r.problem?.code).toBe('SMTP_TOKEN_EXPIRED');
        expect(r.problem?.title).toBe('The access token has expired');
        expect(r.problem?.remedy).toEqual({ kind: 'fresh-token' });
        expect(JSON.stringify(r.problem)).not.toMatch(/try again later|Nothing needs changing/i);
        // No retry with the same dead token, although 454 is a 4xx.
        expect(r.attempts).toBe(1);
        expect(emu.smtp.authCommands() - before).toBe(1);
      } finally {
        emu.faults.clear();
      }
    },
  );

  faultScenario(
    '11.17',
    'unclear',
    'a server that answers with a 334 challenge gets exactly one AUTH (emulator count)',
    async () => {
      const graph = await userToken(
        emu,
        USERS.alice.upn,
        USERS.alice.password,
        'https://graph.microsoft.com/User.Read',
      );
      emu.faults.set({ smtpXoauth2Challenge: true });
      const before = emu.smtp.authCommands();
      try {
        const r = await verifySmtp({ profile: emulatorProfile(emu), accessToken: graph, backoff: once });
        expect(r.ok).toBe(false);
        expect(r.transcript.filter((l) => l.startsWith('S: 334')).length).toBe(1);
        expect(r.transcript.filter((l) => /^C: AUTH XOAUTH2/.test(l)).length).toBe(1);
        expect(emu.smtp.authCommands() - before).toBe(1);
        // The token's own fault still names the cause.
        expect(r.problem?.code).toMatch(/WRONG_AUDIENCE$/);
      } finally {
        emu.faults.clear();
      }
    },
  );

  faultScenario('11.17', 'unclear', 'Exchange’s plain 535 and a refusing relay: one AUTH each', async () => {
    const graph = await userToken(emu, USERS.alice.upn, USERS.alice.password, 'https://graph.microsoft.com/User.Read');
    const before = emu.smtp.authCommands();
    await verifySmtp({ profile: emulatorProfile(emu), accessToken: graph, backoff: once });
    expect(emu.smtp.authCommands() - before).toBe(1);
    const relayBefore = otherAuths;
    await verifySmtp({ profile: at(otherPort), accessToken: graph, backoff: once });
    expect(otherAuths - relayBefore).toBe(1);
  });

  faultScenario('11.17', 'unclear', 'Dovecot counts one failed attempt per check in its own log', async () => {
    const token = await userToken(emu, USERS.alice.upn, USERS.alice.password);
    const before = dovecotAttempts(dovecot.log());
    await verifySmtp({ profile: at(dovecot.port), accessToken: token, backoff: once });
    // Dovecot writes the line when the session closes; wait for it rather than for a time.
    let after = dovecotAttempts(dovecot.log());
    for (let i = 0; i < 100 && after === before; i++) {
      await new Promise((r) => setTimeout(r, 50));
      after = dovecotAttempts(dovecot.log());
    }
    expect(after - before).toBe(1);
  });
});
