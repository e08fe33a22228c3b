import { describe, expect, it } from 'vitest';
import { adminConsentLink } from '../../src/renderer/wizard/admin-consent-link';

const base = {
  cloud: 'global' as const,
  customAuthorityHost: '',
  tenant: 'contoso.com',
  clientId: 'aaaaaaaa-0000-4000-8000-000000000001',
  redirectUri: 'http://localhost',
};

describe('the admin-consent link sent to the client’s admin', () => {
  it('asks the v2 endpoint of the tenant for the delegated SMTP scopes, without the OpenID ones', () => {
    const link = new URL(
      adminConsentLink({
        ...base,
        flow: 'delegated',
        scopes: ['openid', 'offline_access', 'https://outlook.office365.com/SMTP.Send'],
      }) ?? '',
    );
    expect(link.origin + link.pathname).toBe('https://login.microsoftonline.com/contoso.com/v2.0/adminconsent');
    expect(link.searchParams.get('scope')).toBe('https://outlook.office365.com/SMTP.Send');
    expect(link.searchParams.get('redirect_uri')).toBe('http://localhost');
  });

  it('uses /.default of the cloud for app-only and never the common tenant', () => {
    const link = new URL(
      adminConsentLink({
        ...base,
        cloud: 'gcc-high',
        tenant: 'common',
        flow: 'app-only',
        scopes: [],
        redirectUri: '',
      }) ?? '',
    );
    expect(link.origin + link.pathname).toBe('https://login.microsoftonline.us/organizations/v2.0/adminconsent');
    expect(link.searchParams.get('scope')).toBe('https://outlook.office365.us/.default');
    expect(link.searchParams.has('redirect_uri')).toBe(false);
  });

  it('is not offered until the client ID is a GUID and the authority is https', () => {
    expect(adminConsentLink({ ...base, clientId: 'not-a-guid', flow: 'delegated', scopes: [] })).toBeUndefined();
    expect(
      adminConsentLink({
        ...base,
        cloud: 'custom',
        customAuthorityHost: 'http://login.example.test',
        flow: 'delegated',
        scopes: [],
      }),
    ).toBeUndefined();
  });
});
