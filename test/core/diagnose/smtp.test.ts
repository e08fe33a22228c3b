import { describe, expect, it } from 'vitest';
import { diagnoseSmtp, parseReply, type SmtpDiagnosisContext } from '../../../src/core/diagnose/smtp';
import type { Profile } from '../../../src/shared/profile';
import { appOnlyClaims, delegatedClaims, inspect, makeProfile, smtpReplyError } from '../smtp/fixtures';

const reply = smtpReplyError;

function ctx(
  profile: Profile,
  claims?: Record<string, unknown>,
  extra: Partial<SmtpDiagnosisContext> = {},
): SmtpDiagnosisContext {
  return {
    profile,
    authUser: profile.mailbox,
    fromAddress: profile.fromAddress,
    ...(claims ? { tokenInspection: inspect(claims, profile) } : {}),
    ...extra,
  };
}

const alice = makeProfile();
const daemon = makeProfile({
  flow: 'app-only',
  mailbox: 'noreply@contoso.com',
  fromAddress: 'noreply@contoso.com',
  clientId: 'aaaaaaaa-0000-4000-8000-000000000002',
});
const E573 =
  '535 5.7.3 Authentication unsuccessful [SN4PR0601CA0001.namprd06.prod.outlook.com 2026-11-23T15:00:00.000Z 08DC1234]';

describe('parseReply', () => {
  it('splits code, enhanced code and text', () => {
    expect(parseReply('535 5.7.139 Authentication unsuccessful, x')).toEqual({
      code: 535,
      enhanced: '5.7.139',
      text: 'Authentication unsuccessful, x',
    });
  });
});

describe('diagnoseSmtp: 535 5.7.3 ranked by the token', () => {
  it('names a Graph token as "for Graph, not Exchange"', () => {
    const p = diagnoseSmtp(
      reply(E573),
      ctx(alice, delegatedClaims({ aud: 'https://graph.microsoft.com', scp: 'User.Read SMTP.Send' })),
    );
    expect(p.code).toBe('SMTP_535_5.7.3_WRONG_AUDIENCE');
    expect(p.title).toBe('The token is for Microsoft Graph, not Exchange');
    expect(p.detail).toBe(E573);
  });

  it('names a missing SMTP.Send scope', () => {
    const p = diagnoseSmtp(reply(E573), ctx(alice, delegatedClaims({ scp: 'Mail.Read' })));
    expect(p.code).toBe('SMTP_535_5.7.3_MISSING_SCOPE');
    expect(p.field).toBe('scopes');
  });

  it('names a signed-in user who is not the mailbox, with Add-MailboxPermission filled in', () => {
    const shared = makeProfile({ mailbox: 'shared@contoso.com', fromAddress: 'shared@contoso.com' });
    const p = diagnoseSmtp(reply(E573), ctx(shared, delegatedClaims({ upn: 'erin@contoso.com' })));
    expect(p.code).toBe('SMTP_535_5.7.3_USER_NOT_MAILBOX');
    expect(p.commands).toContain(
      'Add-MailboxPermission -Identity shared@contoso.com -User erin@contoso.com -AccessRights FullAccess',
    );
  });

  it('names an expired token before anything else', () => {
    const p = diagnoseSmtp(
      reply(E573),
      ctx(alice, delegatedClaims({ exp: 1_000, aud: 'https://graph.microsoft.com' })),
    );
    expect(p.code).toBe('SMTP_535_5.7.3_TOKEN_EXPIRED');
    // The same token cannot work later; a fresh one can.
    expect(p.retryable).toBe(false);
    expect(p.remedy).toEqual({ kind: 'fresh-token' });
  });

  it('names an app-only token without SMTP.SendAsApp', () => {
    const p = diagnoseSmtp(reply(E573), ctx(daemon, appOnlyClaims({ roles: ['Mail.Send'] })));
    expect(p.code).toBe('SMTP_535_5.7.3_MISSING_APP_ROLE');
  });

  it('for a right-looking app-only token, fills in New-ServicePrincipal and Add-MailboxPermission', () => {
    const p = diagnoseSmtp(
      reply(E573),
      ctx(daemon, appOnlyClaims(), { servicePrincipalObjectId: '5a5a5a5a-0000-4000-8000-000000000002' }),
    );
    expect(p.code).toBe('SMTP_535_5.7.3_APP_NOT_ALLOWED');
    expect(p.commands).toEqual([
      'Connect-ExchangeOnline',
      'New-ServicePrincipal -AppId aaaaaaaa-0000-4000-8000-000000000002 -ObjectId 5a5a5a5a-0000-4000-8000-000000000002',
      'Add-MailboxPermission -Identity noreply@contoso.com -User 5a5a5a5a-0000-4000-8000-000000000002 -AccessRights FullAccess',
    ]);
  });

  it('without token facts, lists the causes in order', () => {
    const p = diagnoseSmtp(reply(E573), ctx(alice));
    expect(p.code).toBe('SMTP_535_5.7.3');
    expect(p.fixSteps[0]).toMatch(/not for Microsoft Graph/);
  });
});

describe('diagnoseSmtp: 535 5.7.139 variants', () => {
  it('tenant-wide switch off -> Set-TransportConfig (and the per-mailbox alternative)', () => {
    const p = diagnoseSmtp(
      reply(
        '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.',
      ),
      ctx(alice, delegatedClaims()),
    );
    expect(p.code).toBe('SMTP_535_5.7.139_TENANT_DISABLED');
    expect(p.commands).toContain('Set-TransportConfig -SmtpClientAuthenticationDisabled $false');
    expect(p.commands).toContain('Set-CASMailbox -Identity alice@contoso.com -SmtpClientAuthenticationDisabled $false');
  });

  it('mailbox switch off -> Set-CASMailbox with the mailbox', () => {
    const dave = makeProfile({ mailbox: 'dave@contoso.com', fromAddress: 'dave@contoso.com' });
    const p = diagnoseSmtp(
      reply(
        '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information.',
      ),
      ctx(dave),
    );
    expect(p.code).toBe('SMTP_535_5.7.139_MAILBOX_DISABLED');
    expect(p.commands).toEqual([
      'Connect-ExchangeOnline',
      'Set-CASMailbox -Identity dave@contoso.com -SmtpClientAuthenticationDisabled $false',
    ]);
  });

  it('security defaults', () => {
    const p = diagnoseSmtp(
      reply(
        "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator.",
      ),
      ctx(alice),
    );
    expect(p.code).toBe('SMTP_535_5.7.139_SECURITY_DEFAULTS');
  });

  it('conditional access ("did not meet the criteria")', () => {
    const p = diagnoseSmtp(
      reply(
        '535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator.',
      ),
      ctx(alice),
    );
    expect(p.code).toBe('SMTP_535_5.7.139_CONDITIONAL_ACCESS');
  });
});

describe('diagnoseSmtp: other replies', () => {
  it('5.7.57: sent without logging in', () => {
    const p = diagnoseSmtp(reply('530 5.7.57 Client not authenticated to send mail. [host]', 'MAIL FROM'), ctx(alice));
    expect(p.code).toBe('SMTP_530_5.7.57');
  });

  it('5.7.60: no permission to send as the sender, with Add-RecipientPermission', () => {
    const p = diagnoseSmtp(
      reply('550 5.7.60 SMTP; Client does not have permissions to send as this sender', 'MAIL FROM'),
      ctx(makeProfile({ fromAddress: 'shared@contoso.com' })),
    );
    expect(p.code).toBe('SMTP_550_5.7.60');
    expect(p.commands).toContain(
      'Add-RecipientPermission -Identity shared@contoso.com -Trustee alice@contoso.com -AccessRights SendAs',
    );
  });

  it('554 5.2.252 SendAsDenied -> Add-RecipientPermission with From and mailbox', () => {
    const p = diagnoseSmtp(
      reply(
        '554 5.2.252 SendAsDenied; erin@contoso.com not allowed to send as shared@contoso.com; STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied',
        'DATA',
      ),
      ctx(makeProfile({ mailbox: 'erin@contoso.com', fromAddress: 'shared@contoso.com' })),
    );
    expect(p.code).toBe('SMTP_554_5.2.252');
    expect(p.commands).toContain(
      'Add-RecipientPermission -Identity shared@contoso.com -Trustee erin@contoso.com -AccessRights SendAs',
    );
    expect(p.field).toBe('fromAddress');
  });

  it('430 4.2.0 mailbox logon failure for an app -> Add-MailboxPermission for the service principal', () => {
    const p = diagnoseSmtp(
      reply('430 4.2.0 STOREDRV; mailbox logon failure; MapiExceptionLogonFailed', 'MAIL FROM'),
      ctx(
        makeProfile({ flow: 'app-only', mailbox: 'unpermitted@contoso.com', fromAddress: 'unpermitted@contoso.com' }),
        appOnlyClaims(),
        { servicePrincipalObjectId: '5a5a5a5a-0000-4000-8000-000000000002' },
      ),
    );
    expect(p.code).toBe('SMTP_430_4.2.0');
    expect(p.commands).toContain(
      'Add-MailboxPermission -Identity unpermitted@contoso.com -User 5a5a5a5a-0000-4000-8000-000000000002 -AccessRights FullAccess',
    );
  });

  it('432 4.3.2 concurrent connections: retry later', () => {
    const p = diagnoseSmtp(
      reply(
        '432 4.3.2 Concurrent connections limit exceeded. Visit https://aka.ms/concurrent_sending for more information.',
      ),
      ctx(alice),
    );
    expect(p.code).toBe('SMTP_432_4.3.2');
    expect(p.retryable).toBe(true);
  });

  it('550 5.7.30 basic auth retired', () => {
    const p = diagnoseSmtp(
      reply('550 5.7.30 Basic authentication is not supported for Client Submission.'),
      ctx(alice),
    );
    expect(p.code).toBe('SMTP_550_5.7.30');
    expect(p.title).toMatch(/Basic authentication/);
  });

  it('an unknown 5xx keeps the server text and is not retryable', () => {
    const p = diagnoseSmtp(reply('550 5.1.10 RESOLVER.ADR.RecipientNotFound', 'RCPT TO'), ctx(alice));
    expect(p.code).toBe('SMTP_550_5.1.10');
    expect(p.retryable).toBe(false);
    expect(p.detail).toContain('RecipientNotFound');
  });
});

describe('diagnoseSmtp: national clouds', () => {
  it('a global Exchange token sent with a GCC High profile -> token for another cloud', () => {
    const gcc = makeProfile({ cloud: 'gcc-high', smtpHost: 'smtp.office365.us' });
    const p = diagnoseSmtp(reply(E573), ctx(gcc, delegatedClaims({ aud: 'https://outlook.office.com' })));
    expect(p.code).toBe('SMTP_535_5.7.3_OTHER_CLOUD');
    expect(p.fixSteps[0]).toContain('https://outlook.office365.us/SMTP.Send');
  });

  it('an unknown host names the cloud’s hosts, unconfirmed ones as "commonly used"', () => {
    const china = makeProfile({ cloud: 'china', smtpHost: 'smtp.partner.outlook.con' });
    const p = diagnoseSmtp(
      Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND', stage: 'connect' }),
      ctx(china),
    );
    expect(p.fixSteps[0]).toContain('smtp.partner.outlook.cn:587 (commonly used');
  });
});
