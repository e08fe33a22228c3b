import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/core/diagnose/index';
import { diagnoseSmtp } from '../../../src/core/diagnose/smtp';
import { createHttpClient } from '../../../src/core/net/http-client';
import { proxyFor, withoutCredentials } from '../../../src/core/net/proxy';
import { openSmtpSocket } from '../../../src/core/smtp/open-socket';
import { makeProfile } from '../smtp/fixtures';

/** A password with an unescaped `@` (URL parsing accepts it) and an invalid port, so the address is refused. */
const PASSWORD = 'Pr0xy@Pass/9';
const BAD_PROXY = `http://bob:${PASSWORD}@127.0.0.1:99999`;
const hasNoPasswordPart = (text: string | undefined) => {
  for (const part of ['Pr0xy', 'Pass/9', PASSWORD]) expect(text ?? '').not.toContain(part);
};

describe('proxy credentials never reach an error or a diagnosis', () => {
  it('shows a proxy address without its user:password, even when the password holds @ or /', () => {
    expect(withoutCredentials('http://bob:p@ss@proxy:8080')).toBe('http://***@proxy:8080');
    expect(withoutCredentials('bob:pw@proxy:3128')).toBe('***@proxy:3128');
    expect(withoutCredentials('http://proxy.example.com:8080')).toBe('http://proxy.example.com:8080');
  });

  it('a sign-in request through an unusable proxy address is diagnosed without the proxy password', async () => {
    const http = createHttpClient({ proxyUrl: BAD_PROXY, timeoutMs: 2_000 });
    const failure = await http.request({ method: 'GET', url: 'https://127.0.0.1:1/' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    http.close();
    expect(failure).toBeInstanceOf(Error);
    hasNoPasswordPart((failure as Error).message);
    const p = diagnose(failure);
    expect(p.code).toBe('PROXY_UNREACHABLE');
    for (const text of [p.explanation, p.detail, ...p.fixSteps]) hasNoPasswordPart(text);
  });

  it('an SMTP check through an unusable proxy address is diagnosed without the proxy password', async () => {
    const failure = await openSmtpSocket({ host: '127.0.0.1', port: 1, proxyUrl: BAD_PROXY, timeoutMs: 2_000 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(Error);
    hasNoPasswordPart((failure as Error).message);
    // Saving refuses this address now (issue 11.10); a profile saved before that still has it.
    const profile = { ...makeProfile(), network: { proxyUrl: BAD_PROXY, extraCaPem: '', timeoutMs: 2_000 } };
    const p = diagnoseSmtp(failure, { profile, authUser: profile.mailbox, fromAddress: profile.fromAddress });
    for (const text of [p.title, p.explanation, p.detail, ...p.fixSteps]) hasNoPasswordPart(text);
  });
});

describe('the environment proxy', () => {
  it('is the same for the sign-in requests and the SMTP check, an empty HTTPS_PROXY counting as unset', () => {
    const env = { HTTPS_PROXY: '', https_proxy: 'http://proxy.contoso.com:8080' };
    expect(proxyFor('smtp.office365.com', '', env)?.shown).toBe('http://proxy.contoso.com:8080');
    expect(proxyFor('login.microsoftonline.com', '', env)?.shown).toBe('http://proxy.contoso.com:8080');
    expect(proxyFor('smtp.office365.com', '', { ...env, NO_PROXY: '.office365.com' })).toBeNull();
  });
});
