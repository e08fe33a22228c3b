import type { TokenSnapshot } from '../../../src/core/targets';
import { type Profile, type TargetId } from '../../../src/shared/profile';
import { targetPreset } from '../../../src/shared/targets';

/** Recognisable secret values: any of them showing up in an output is a leak. */
export const fixtureTokens: TokenSnapshot = {
  clientSecret: 'Fx8Q~fixture-client-secret/value+0001',
  refreshToken: '0.ARfixture-refresh-token-value_0001-AbCdEf',
};
export const fixtureSecretValues: readonly string[] = [
  fixtureTokens.clientSecret ?? '',
  fixtureTokens.refreshToken ?? '',
];

export const fixtureCertificate: Profile['credential'] = {
  kind: 'certificate',
  source: 'pem',
  thumbprintSha1: '0123456789ABCDEF0123456789ABCDEF01234567',
  thumbprintSha256: '00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF',
  subject: 'CN=Contoso mailer',
  notAfter: '2030-01-01T00:00:00.000Z',
};

/** The one fixture profile, set up the way the wizard presets it for each target. */
export function fixtureProfile(targetId: TargetId, overrides: Partial<Profile> = {}): Profile {
  const preset = targetPreset(targetId);
  return {
    id: 'fixture-0001',
    name: 'Contoso mailer',
    targetId,
    flow: preset.flow,
    cloud: 'global',
    customAuthorityHost: '',
    tenant: '11111111-1111-4111-8111-111111111111',
    clientId: 'aaaaaaaa-0000-4000-8000-000000000001',
    credential: { kind: 'secret', secretId: '0b0b0b0b-1111-4111-8111-000000000001', expiresOn: '2099-01-01' },
    redirectUri: preset.redirect.defaultRedirectUri,
    scopes: [...preset.defaultScopes],
    mailbox: preset.flow === 'app-only' ? 'noreply@contoso.com' : 'alice@contoso.com',
    fromAddress: preset.flow === 'app-only' ? 'noreply@contoso.com' : 'alice@contoso.com',
    smtpHost: preset.smtp.host,
    smtpPort: preset.smtp.port,
    network: { proxyUrl: '', extraCaPem: '', timeoutMs: 30_000 },
    tokenState: {},
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}
