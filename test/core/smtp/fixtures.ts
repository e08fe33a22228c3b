import { profileSchema, type Profile } from '../../../src/shared/profile';
import { inspectAccessToken, type TokenInspection } from '../../../src/shared/token-inspection';

/** An unsigned JWT with the given claims: enough for the diagnosis, which never checks signatures. */
export function fakeJwt(claims: Readonly<Record<string, unknown>>): string {
  const enc = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${enc({ typ: 'JWT', alg: 'RS256' })}.${enc(claims)}.c2lnbmF0dXJlLW5vdC1jaGVja2Vk`;
}

const inOneHour = (): number => Math.floor(Date.now() / 1000) + 3600;

export const delegatedClaims = (over: Readonly<Record<string, unknown>> = {}): Record<string, unknown> => ({
  aud: 'https://outlook.office.com',
  scp: 'SMTP.Send',
  upn: 'alice@contoso.com',
  appid: 'aaaaaaaa-0000-4000-8000-000000000001',
  oid: '0a0a0a0a-0000-4000-8000-00000000a11c',
  exp: inOneHour(),
  ver: '1.0',
  ...over,
});

export const appOnlyClaims = (over: Readonly<Record<string, unknown>> = {}): Record<string, unknown> => ({
  aud: 'https://outlook.office365.com',
  roles: ['SMTP.SendAsApp'],
  appid: 'aaaaaaaa-0000-4000-8000-000000000002',
  oid: '5a5a5a5a-0000-4000-8000-000000000002',
  idtyp: 'app',
  exp: inOneHour(),
  ver: '1.0',
  ...over,
});

export function makeProfile(over: Partial<Profile> = {}): Profile {
  return profileSchema.parse({
    id: 'p-test',
    name: 'Contoso alerts',
    targetId: 'generic',
    flow: 'delegated',
    cloud: 'global',
    tenant: '11111111-1111-4111-8111-111111111111',
    clientId: 'aaaaaaaa-0000-4000-8000-000000000001',
    credential: { kind: 'none' },
    redirectUri: 'http://localhost',
    scopes: ['https://outlook.office.com/SMTP.Send', 'offline_access'],
    mailbox: 'alice@contoso.com',
    fromAddress: 'alice@contoso.com',
    smtpHost: 'smtp.office365.com',
    smtpPort: 587,
    createdAt: '2026-11-23T00:00:00Z',
    updatedAt: '2026-11-23T00:00:00Z',
    ...over,
  });
}

export function inspect(claims: Readonly<Record<string, unknown>>, profile: Profile): TokenInspection {
  return inspectAccessToken(fakeJwt(claims), { flow: profile.flow, cloud: profile.cloud, mailbox: profile.mailbox });
}

/** An error shaped the way nodemailer reports a server reply. */
export const smtpReplyError = (response: string, command = 'AUTH XOAUTH2'): Error =>
  Object.assign(new Error(`Invalid login: ${response}`), {
    code: 'EAUTH',
    response,
    responseCode: Number(response.slice(0, 3)),
    command,
  });
