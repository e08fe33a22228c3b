import { describe, expect, it } from 'vitest';
import { diagnoseSmtp, type SmtpDiagnosisContext } from '../../../src/core/diagnose/smtp';
import { isExchangeOnline, serverIdentityFrom } from '../../../src/core/diagnose/smtp-context';
import { smtpRules } from '../../../src/core/diagnose/smtp-rules';
import type { Profile } from '../../../src/shared/profile';
import { appOnlyClaims, delegatedClaims, inspect, makeProfile, smtpReplyError } from '../smtp/fixtures';

const reply = smtpReplyError;

const EXCHANGE = {
  greeting: '220 SN4PR0601CA0001.outlook.office365.com Microsoft ESMTP MAIL Service ready at Mon, 23 Nov 2026',
  ehlo: ['250-SN4PR0601CA0001.outlook.office365.com Hello [203.0.113.5]', '250 AUTH LOGIN XOAUTH2'],
};
const DOVECOT = { greeting: '220 mail.example.org Dovecot ready.', ehlo: ['250-mail.example.org', '250 AUTH XOAUTH2'] };

function ctx(profile: Profile, claims?: Record<string, unknown>, server = EXCHANGE): SmtpDiagnosisContext {
  return {
    profile,
    authUser: profile.mailbox,
    fromAddress: profile.fromAddress,
    server,
    ...(claims ? { tokenInspection: inspect(claims, profile) } : {}),
  };
}
const alice = makeProfile();
const daemon = makeProfile({ flow: 'app-only', mailbox: 'noreply@contoso.com', fromAddress: 'noreply@contoso.com' });
const expired = delegatedClaims({ exp: 1_000 });

describe('which server it is', () => {
  it('knows Exchange Online by its greeting or EHLO, and says nothing when it saw neither', () => {
    expect(isExchangeOnline(EXCHANGE)).toBe(true);
    expect(isExchangeOnline({ ehlo: ['250-BN8PR12CA0001.outlook.office365.com Hello [1.2.3.4]'] })).toBe(true);
    expect(isExchangeOnline(DOVECOT)).toBe(false);
    expect(isExchangeOnline(undefined)).toBeUndefined();
    expect(isExchangeOnline({ ehlo: [] })).toBeUndefined();
  });

  it('reads greeting and EHLO out of a transcript', () => {
    const s = serverIdentityFrom(['* Connected', `S: ${DOVECOT.greeting}`, 'C: EHLO x', 'S: 250-mail.example.org']);
    expect(s).toEqual({ greeting: DOVECOT.greeting, ehlo: ['250-mail.example.org'] });
  });
});

describe('issue 11.15: a server that is not Exchange Online', () => {
  it('535 5.7.8 from Dovecot: says it is not Exchange, quotes the reply, generic causes, no Exchange step', () => {
    const p = diagnoseSmtp(reply('535 5.7.8 Authentication failed'), ctx(daemon, appOnlyClaims(), DOVECOT));
    expect(p.code).toBe('SMTP_AUTH_REFUSED_NOT_EXCHANGE');
    expect(p.title).toMatch(/is not Exchange Online/);
    expect(p.explanation).toContain('“535 5.7.8 Authentication failed”');
    expect(p.explanation).toContain('Dovecot ready');
    expect(p.fixSteps[0]).toMatch(/trust the token’s issuer and Microsoft’s signing keys/);
    expect(p.fixSteps[1]).toMatch(/user .* matches the login/);
    const text = JSON.stringify(p);
    for (const exchangeOnly of ['New-ServicePrincipal', 'Add-MailboxPermission', 'unlicensed', 'Set-CASMailbox'])
      expect(text).not.toContain(exchangeOnly);
    expect(p.remedy).toBeUndefined();
  });

  it('the same 535 5.7.8 from Exchange keeps the Exchange diagnosis', () => {
    const p = diagnoseSmtp(reply('535 5.7.8 Authentication failed'), ctx(daemon, appOnlyClaims()));
    expect(p.code).toBe('SMTP_535_5.7.3_APP_NOT_ALLOWED');
    expect(p.remedy?.kind).toBe('exchange');
  });

  it('Exchange-only replies are not read into another server’s words', () => {
    const p = diagnoseSmtp(
      reply('432 4.3.2 Too many connections', 'MAIL FROM'),
      ctx(alice, delegatedClaims(), DOVECOT),
    );
    expect(p.title).toBe('The server answered 432 4.3.2, which this app does not recognise');
    expect(p.explanation).toContain('(not Exchange Online)');
  });
});

describe('issue 11.16: a 4xx does not hide what the token check knows', () => {
  it('an expired token answered with 454 4.7.0 is an expired token, not “try again later”', () => {
    const p = diagnoseSmtp(reply('454 4.7.0 Temporary authentication failure'), ctx(alice, expired));
    expect(p.code).toBe('SMTP_TOKEN_EXPIRED');
    expect(p.title).toBe('The access token has expired');
    expect(p.remedy).toEqual({ kind: 'fresh-token' });
    expect(p.retryable).toBe(false);
    expect(p.detail).toBe('454 4.7.0 Temporary authentication failure');
  });

  it('a Graph token answered with 454 is named as the wrong audience', () => {
    const graph = delegatedClaims({ aud: 'https://graph.microsoft.com' });
    expect(diagnoseSmtp(reply('454 4.7.0 Temporary authentication failure'), ctx(alice, graph)).code).toBe(
      'SMTP_TOKEN_WRONG_AUDIENCE',
    );
  });

  it('a good token answered with 454 is temporary, and only that', () => {
    const p = diagnoseSmtp(reply('454 4.7.0 Temporary authentication failure'), ctx(alice, delegatedClaims()));
    expect(p.code).toBe('SMTP_454_4.7.0');
    expect(p.category).toBe('transient');
    expect(p.explanation).toContain('“454 4.7.0 Temporary authentication failure”');
    expect(p.explanation).toMatch(/temporary: the same request may work later/);
  });
});

describe('issue 16.3: a reply the rules do not know is quoted, temporary or permanent, nothing more', () => {
  it.each([
    ['451 4.4.4 Something odd happened', 'MAIL FROM', 'temporary', 'transient'],
    ['550 5.1.10 RESOLVER.ADR.RecipientNotFound', 'RCPT TO', 'permanent', 'setup'],
    ['521 Go away', 'EHLO', 'permanent', 'setup'],
  ])('%s', (response, command, word, category) => {
    const p = diagnoseSmtp(reply(response, command), ctx(alice, delegatedClaims()));
    expect(p.title).toMatch(/which this app does not recognise$/);
    expect(p.explanation).toContain(`“${response}”`);
    expect(p.explanation).toContain(`is ${word}`);
    expect(p.category).toBe(category);
    expect(p.remedy).toEqual({ kind: 'support-report' });
    expect(p.explanation).not.toMatch(/Nothing needs changing/);
  });
});

describe('the SMTP rule table', () => {
  it('every row says which replies it explains', () => {
    for (const r of smtpRules) expect(r.codes ?? r.enhanced ?? r.words).toBeDefined();
  });

  it('Exchange fixes carry their cmdlets as data and as PowerShell from the same values', () => {
    const p = diagnoseSmtp(
      reply('535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox.'),
      ctx(alice, delegatedClaims()),
    );
    expect(p.remedy).toEqual({
      kind: 'exchange',
      cmdlets: [
        {
          name: 'Set-CASMailbox',
          parameters: { Identity: 'alice@contoso.com', SmtpClientAuthenticationDisabled: false },
        },
      ],
    });
    expect(p.commands).toEqual([
      'Connect-ExchangeOnline',
      'Set-CASMailbox -Identity alice@contoso.com -SmtpClientAuthenticationDisabled $false',
    ]);
  });

  it('an unknown service principal object id is marked for look-up, not guessed', () => {
    const p = diagnoseSmtp(
      reply('535 5.7.3 Authentication unsuccessful'),
      ctx(daemon, appOnlyClaims({ oid: undefined })),
    );
    const cmdlets = p.remedy?.kind === 'exchange' ? p.remedy.cmdlets : [];
    expect(cmdlets.map((c) => c.name)).toEqual(['New-ServicePrincipal', 'Add-MailboxPermission']);
    expect(cmdlets[0]?.unknown).toEqual(['ObjectId']);
  });
});
