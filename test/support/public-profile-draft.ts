import type { ProfileDraft } from '../../src/shared/profile';

/** A public-client profile (no secret to store), for tests about the profile file itself. */
export const draftNamed = (name: string): ProfileDraft => ({
  name,
  targetId: 'generic',
  flow: 'delegated',
  cloud: 'global',
  customAuthorityHost: '',
  tenant: 'contoso.com',
  clientId: 'aaaaaaaa-0000-4000-8000-000000000001',
  credential: { kind: 'none' },
  redirectUri: 'http://localhost',
  scopes: ['https://outlook.office365.com/SMTP.Send', 'offline_access'],
  mailbox: 'alice@contoso.com',
  fromAddress: 'alice@contoso.com',
  smtpHost: 'smtp.office365.com',
  smtpPort: 587,
  network: { proxyUrl: '', extraCaPem: '', timeoutMs: 30_000 },
});
