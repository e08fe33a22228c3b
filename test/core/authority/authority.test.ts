import { describe, expect, it } from 'vitest';
import { authorityFor } from '../../../src/core/authority/authority';
import { ProblemError } from '../../../src/core/problem-error';
import { appOnlyScope, clouds, defaultSmtpHost, delegatedSmtpScopes } from '../../../src/shared/clouds';

describe('authorities and cloud facts', () => {
  it('builds the endpoints of Microsoft’s clouds without knownAuthorities (MSAL knows them)', () => {
    const a = authorityFor({ cloud: 'global', customAuthorityHost: '', tenant: 'contoso.com' });
    expect(a).toMatchObject({
      authority: 'https://login.microsoftonline.com/contoso.com',
      tokenEndpoint: 'https://login.microsoftonline.com/contoso.com/oauth2/v2.0/token',
      deviceCodeEndpoint: 'https://login.microsoftonline.com/contoso.com/oauth2/v2.0/devicecode',
      knownAuthorities: [],
    });
    expect(authorityFor({ cloud: 'gcc-high', customAuthorityHost: '', tenant: 'organizations' }).host).toBe(
      'https://login.microsoftonline.us',
    );
    expect(authorityFor({ cloud: 'china', customAuthorityHost: '', tenant: 'x.cn' }).host).toBe(
      'https://login.partner.microsoftonline.cn',
    );
  });

  it('trusts a custom authority by host:port and refuses http', () => {
    expect(
      authorityFor({ cloud: 'custom', customAuthorityHost: 'https://127.0.0.1:8443/', tenant: 't' }).knownAuthorities,
    ).toEqual(['127.0.0.1:8443']);
    expect(() => authorityFor({ cloud: 'custom', customAuthorityHost: 'http://127.0.0.1:8080', tenant: 't' })).toThrow(
      ProblemError,
    );
    expect(() => authorityFor({ cloud: 'custom', customAuthorityHost: 'nonsense', tenant: 't' })).toThrow(ProblemError);
  });

  it('gives per-cloud SMTP hosts, flags the unconfirmed ones and uses smtp-mail.outlook.com for personal accounts', () => {
    expect(defaultSmtpHost('global', 'contoso.com')).toMatchObject({
      host: 'smtp.office365.com',
      port: 587,
      confirmed: true,
    });
    expect(defaultSmtpHost('gcc-high', 'x')).toMatchObject({ host: 'smtp.office365.us', confirmed: false });
    expect(defaultSmtpHost('global', 'consumers').host).toBe('smtp-mail.outlook.com');
    expect(clouds.china.smtpHosts.every((h) => !h.confirmed)).toBe(true);
  });

  it('gives the Exchange scopes per cloud', () => {
    expect(delegatedSmtpScopes('global')).toEqual(['https://outlook.office.com/SMTP.Send', 'offline_access']);
    expect(appOnlyScope('global')).toBe('https://outlook.office365.com/.default');
    expect(appOnlyScope('dod')).toBe('https://outlook-dod.office365.us/.default');
  });
});
