import { describe, expect, it } from 'vitest';
import {
  scopeResource,
  tokenResourceFor,
  validateProfileDraft,
  validateRedirectUri,
  validateScopes,
  validateServicePrincipal,
  validateTenant,
} from '../../src/shared/profile-validation';
import type { ProfileDraft } from '../../src/shared/profile';

const TENANT = '11111111-1111-4111-8111-111111111111';
const CLIENT = 'aaaaaaaa-0000-4000-8000-000000000001';

const good: ProfileDraft = {
  name: 'AEM',
  targetId: 'aem',
  flow: 'delegated',
  cloud: 'global',
  customAuthorityHost: '',
  tenant: TENANT,
  clientId: CLIENT,
  credential: { kind: 'secret' },
  redirectUri: 'http://localhost',
  scopes: ['https://outlook.office.com/SMTP.Send', 'offline_access'],
  mailbox: 'alice@contoso.com',
  fromAddress: 'alice@contoso.com',
  smtpHost: 'smtp.office365.com',
  smtpPort: 587,
  network: { proxyUrl: '', extraCaPem: '', timeoutMs: 30_000 },
};

const fields = (issues: readonly { field: string }[]) => issues.map((i) => i.field);

describe('validateProfileDraft', () => {
  it('accepts a complete, correct delegated profile', () => {
    expect(validateProfileDraft(good, { clientSecret: 'Xy8Q~good-secret-value-aem-0001' })).toEqual([]);
  });

  it('says a GUID in the secret field is the secret ID and asks for its Value', () => {
    const issues = validateProfileDraft(good, { clientSecret: '0b0b0b0b-1111-4111-8111-000000000001' });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.field).toBe('clientSecret');
    expect(issues[0]?.message).toMatch(/secret’s ID; paste its Value/);
  });

  it('recognises the secret ID the user also entered even when it is not a GUID', () => {
    const issues = validateProfileDraft(
      { ...good, credential: { kind: 'secret', secretId: 'abc-123-not-a-guid' } },
      { clientSecret: 'abc-123-not-a-guid' },
    );
    expect(issues[0]?.message).toMatch(/paste its Value/);
  });

  it('refuses an email address or a URL in the client id and names the field', () => {
    for (const clientId of ['alice@contoso.com', 'https://portal.azure.com/app']) {
      const issues = validateProfileDraft({ ...good, clientId });
      expect(fields(issues)).toEqual(['clientId']);
      expect(issues[0]?.message).toMatch(/^Client ID: this is (an email address|a URL)/);
    }
  });

  it('spots tenant and client id swapped: a domain in the client id while tenant holds a GUID', () => {
    const issues = validateProfileDraft({ ...good, tenant: CLIENT, clientId: 'contoso.onmicrosoft.com' });
    expect(issues[0]?.message).toMatch(/swapped/);
  });

  it('spots the same GUID in both fields and a client id equal to a known tenant', () => {
    expect(validateProfileDraft({ ...good, clientId: TENANT })[0]?.message).toMatch(/same GUID as the tenant/);
    const other = '33333333-3333-4333-8333-333333333333';
    expect(validateProfileDraft({ ...good, clientId: other }, {}, { knownTenantIds: [other] })[0]?.message).toMatch(
      /swapped/,
    );
  });

  it('reports malformed GUIDs as incomplete ids', () => {
    expect(validateProfileDraft({ ...good, clientId: 'aaaaaaaa-0000-4000-8000-00000000001' })[0]?.message).toMatch(
      /not a complete ID/,
    );
    expect(validateProfileDraft({ ...good, tenant: '1111111-1111-4111-8111-111111111111' })[0]?.message).toMatch(
      /Tenant: this is not a complete ID/,
    );
  });

  it('accepts domains and the tenant keywords', () => {
    for (const tenant of ['contoso.com', 'organizations', 'common', 'consumers']) {
      expect(fields(validateProfileDraft({ ...good, tenant }))).not.toContain('tenant');
    }
  });

  it('needs a credential and a specific tenant for app-only', () => {
    const issues = validateProfileDraft({
      ...good,
      flow: 'app-only',
      tenant: 'common',
      credential: { kind: 'none' },
      scopes: ['https://outlook.office365.com/.default'],
    });
    expect(fields(issues).sort()).toEqual(['credential', 'tenant']);
  });

  it('flags an expired secret from the date the user copied', () => {
    const issues = validateProfileDraft(
      { ...good, credential: { kind: 'secret', expiresOn: '2020-01-01' } },
      { clientSecret: 'Xy8Q~good-secret-value-aem-0001' },
    );
    expect(issues[0]?.message).toMatch(/expired on 2020-01-01/);
  });
});

describe('validateRedirectUri', () => {
  it('allows http only for localhost', () => {
    expect(validateRedirectUri('http://localhost')).toEqual([]);
    expect(validateRedirectUri('http://localhost/myapp/')).toEqual([]);
    expect(validateRedirectUri('https://example.com/callback')).toEqual([]);
    expect(validateRedirectUri('http://example.com/callback')[0]?.message).toMatch(
      /http is allowed only for localhost/,
    );
  });

  it('refuses [::1], long URIs and the characters Entra does not support', () => {
    expect(validateRedirectUri('http://[::1]:8080/')[0]?.message).toMatch(/\[::1\]/);
    expect(validateRedirectUri(`https://example.com/${'a'.repeat(250)}`)[0]?.message).toMatch(/at most 256/);
    expect(validateRedirectUri('https://example.com/cb;x')[0]?.message).toMatch(/characters ;/);
    expect(validateRedirectUri('https://example.com/(x)')[0]?.message).toMatch(/\( \)/);
  });

  it('every issue names the redirectUri field', () => {
    expect(new Set(fields(validateRedirectUri('not a url')))).toEqual(new Set(['redirectUri']));
  });
});

describe('scopes', () => {
  it('knows which resource a scope belongs to', () => {
    expect(scopeResource('https://outlook.office.com/SMTP.Send')).toBe('https://outlook.office.com');
    expect(scopeResource('User.Read')).toBe('https://graph.microsoft.com');
    expect(scopeResource('offline_access')).toBeNull();
    expect(tokenResourceFor(['openid', 'User.Read', 'https://outlook.office.com/SMTP.Send'])).toBe(
      'https://graph.microsoft.com',
    );
  });

  it('warns that Graph-first scopes give a Graph token, which SMTP refuses', () => {
    const issues = validateScopes(
      ['User.Read', 'https://outlook.office.com/SMTP.Send', 'offline_access'],
      'delegated',
      'global',
    );
    expect(issues[0]).toMatchObject({ field: 'scopes', severity: 'error' });
    expect(issues[0]?.message).toMatch(/token for that resource.*535 5\.7\.3/);
  });

  it('accepts Exchange first with a Graph scope after it, with a warning only', () => {
    const issues = validateScopes(
      ['https://outlook.office.com/SMTP.Send', 'User.Read', 'offline_access'],
      'delegated',
      'global',
    );
    expect(issues.map((i) => i.severity)).toEqual(['warning']);
  });

  it('refuses SMTP.SendAsApp as a delegated scope and anything but /.default for app-only', () => {
    expect(
      validateScopes(['https://outlook.office.com/SMTP.SendAsApp', 'offline_access'], 'delegated', 'global')[0]
        ?.message,
    ).toMatch(/application permission/);
    expect(validateScopes(['https://outlook.office.com/SMTP.Send'], 'app-only', 'global')[0]?.message).toMatch(
      /https:\/\/outlook\.office365\.com\/\.default/,
    );
    expect(validateScopes(['https://outlook.office365.us/.default'], 'app-only', 'gcc-high')).toEqual([]);
  });

  it('warns when offline_access is missing', () => {
    expect(validateScopes(['https://outlook.office.com/SMTP.Send'], 'delegated', 'global')[0]?.message).toMatch(
      /offline_access/,
    );
  });

  it('suggests <name>.onmicrosoft.com for a bare tenant name and says where the ID is (issue 14.5)', () => {
    const [issue] = validateTenant('Contoso');
    expect(issue?.suggestion).toBe('contoso.onmicrosoft.com');
    expect(issue?.message).toContain('Did you mean contoso.onmicrosoft.com?');
    expect(issue?.message).toContain('Overview page');
  });

  it('checks the Enterprise application object ID against the IDs it is confused with (issue 14.15)', () => {
    const ids = { clientId: 'aaaaaaaa-0000-4000-8000-000000000002', tenant: '11111111-1111-4111-8111-111111111111' };
    expect(validateServicePrincipal({ ...ids })).toEqual([]);
    expect(
      validateServicePrincipal({ ...ids, servicePrincipalObjectId: '5a5a5a5a-0000-4000-8000-000000000002' }),
    ).toEqual([]);
    expect(validateServicePrincipal({ ...ids, servicePrincipalObjectId: 'not-a-guid' })[0]?.message).toMatch(
      /enter a GUID/,
    );
    expect(validateServicePrincipal({ ...ids, servicePrincipalObjectId: ids.clientId })[0]?.message).toMatch(
      /this is the Application \(client\) ID/,
    );
  });
});
