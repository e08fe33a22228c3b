import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src/main/handlers';
import { dispatch } from '../../../src/main/ipc/dispatch';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store';
import { secretKeys } from '../../../src/core/secrets/secret-keys';
import type { ProfileSaveRequest } from '../../../src/shared/ipc-contract';
import { createBrowserTestPorts } from '../../support/browser-ports';

const dir = mkdtempSync(join(tmpdir(), 'sow-handlers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function setup() {
  const secrets = new MemorySecretStore();
  const ports = createBrowserTestPorts({
    secrets,
    profilesFile: join(dir, `${Math.random().toString(36).slice(2)}.json`),
  });
  const handlers = createHandlers(ports);
  const call = (channel: string, request: unknown) =>
    dispatch(handlers, channel, request, { signal: new AbortController().signal, progress: () => undefined });
  return { secrets, ports, call };
}

const SECRET = 'Xy8Q~a-real-looking-secret-value-0001';
const draft = (over: Partial<ProfileSaveRequest['draft']> = {}): ProfileSaveRequest['draft'] => ({
  name: 'Contoso',
  targetId: 'aem',
  flow: 'delegated',
  cloud: 'global',
  customAuthorityHost: '',
  tenant: 'contoso.com',
  clientId: 'aaaaaaaa-0000-4000-8000-000000000001',
  credential: { kind: 'secret' },
  redirectUri: 'http://localhost',
  scopes: ['https://outlook.office365.com/SMTP.Send', 'offline_access'],
  mailbox: 'alice@contoso.com',
  fromAddress: 'alice@contoso.com',
  smtpHost: 'smtp.office365.com',
  smtpPort: 587,
  ...over,
});

describe('profile handlers', () => {
  it('saves the secret to the keychain only and tells the window that one is stored, never its value', async () => {
    const { call, secrets } = setup();
    const r = await call('profiles:save', { draft: draft(), secrets: { clientSecret: SECRET } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(JSON.stringify(r.value)).not.toContain(SECRET);
    expect(r.value).toMatchObject({ stored: { clientSecret: true, certificate: false, refreshToken: false } });
    const id = (r.value as { profile: { id: string } }).profile.id;
    expect(await secrets.get(secretKeys.clientSecret(id))).toBe(SECRET);
  });

  it('checks again in main: a secret ID pasted as the secret is refused with the field named, whatever the window did', async () => {
    const { call } = setup();
    const r = await call('profiles:save', {
      draft: draft(),
      secrets: { clientSecret: '0b0b0b0b-1111-4111-8111-000000000001' },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem).toMatchObject({ code: 'PROFILE_INVALID', field: 'clientSecret' });
    expect(r.problem.explanation).toContain('looks like the secret’s ID');
  });

  it('keeps the stored secret when an edit sends none, and refuses a certificate choice without a file', async () => {
    const { call, secrets } = setup();
    const first = await call('profiles:save', { draft: draft(), secrets: { clientSecret: SECRET } });
    const id = first.ok ? (first.value as { profile: { id: string } }).profile.id : '';
    const edited = await call('profiles:save', { id, draft: draft({ name: 'Contoso (renamed)' }), secrets: {} });
    expect(edited.ok).toBe(true);
    expect(await secrets.get(secretKeys.clientSecret(id))).toBe(SECRET);
    const cert = await call('profiles:save', {
      draft: draft({ flow: 'app-only', targetId: 'app-only', redirectUri: '', credential: { kind: 'certificate' } }),
      secrets: {},
    });
    expect(cert.ok ? undefined : cert.problem.field).toBe('certificate');
  });
});

describe('certificate file picker', () => {
  it('refuses a certificate without its private key, and a file that is neither PEM nor PFX, in plain words', async () => {
    const { call, ports } = setup();
    ports.nextCertificateFile = {
      fileName: 'app.cer',
      bytes: Buffer.from('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'),
    };
    const noKey = await call('certificate:pick', undefined);
    expect(noKey.ok ? undefined : noKey.problem).toMatchObject({
      code: 'CERTIFICATE_FILE_UNUSABLE',
      explanation: 'app.cer: it holds no private key.',
    });
    ports.nextCertificateFile = { fileName: 'notes.txt', bytes: Buffer.from('hello') };
    const other = await call('certificate:pick', undefined);
    expect(other.ok ? undefined : other.problem.explanation).toBe(
      'notes.txt: it is neither PEM text nor a PFX (PKCS#12) file.',
    );
    ports.nextCertificateFile = undefined;
    expect(await call('certificate:pick', undefined)).toEqual({ ok: true, value: { cancelled: true } });
  });
});

describe('support report', () => {
  it('carries versions, profile and diagnosis but redacts the profile’s secrets and any token the window sends along', async () => {
    const { call } = setup();
    const saved = await call('profiles:save', { draft: draft(), secrets: { clientSecret: SECRET } });
    const profileId = saved.ok ? (saved.value as { profile: { id: string } }).profile.id : '';
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
    const r = await call('support:report', {
      profileId,
      problem: {
        code: 'SMTP_535',
        category: 'setup',
        title: 'Login refused',
        explanation: `secret was ${SECRET}`,
        fixSteps: ['Fix it'],
        commands: ['Set-CASMailbox -Identity alice@contoso.com'],
        retryable: false,
      },
      transcript: [
        'C: EHLO x',
        `C: AUTH XOAUTH2 ${Buffer.from(`user=alice\x01auth=Bearer ${jwt}\x01\x01`).toString('base64')}`,
        `S: echo ${jwt}`,
      ],
    });
    expect(r.ok).toBe(true);
    const text = r.ok ? (r.value as { text: string }).text : '';
    expect(text).toContain('== Diagnosis ==');
    expect(text).toContain('Set-CASMailbox -Identity alice@contoso.com');
    expect(text).toContain('"mailbox": "alice@contoso.com"');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(jwt);
    expect(text).not.toMatch(/dXNlcj1hbGljZQ/); // base64 of "user=alice"
  });
});

describe('token:acquire by device code', () => {
  it('refuses a profile with a client secret before asking Entra for a code, and says why', async () => {
    const { call } = setup();
    const saved = await call('profiles:save', { draft: draft(), secrets: { clientSecret: SECRET } });
    const profileId = saved.ok ? (saved.value as { profile: { id: string } }).profile.id : '';
    const r = await call('token:acquire', { profileId, method: 'device-code', operationId: 'device-1' });
    expect(r.ok ? undefined : r.problem).toMatchObject({ code: 'DEVICE_CODE_PUBLIC_ONLY', field: 'credential' });
  });

  it('saves a delegated profile with no credential (public client) and refuses an unknown sign-in method', async () => {
    const { call, secrets } = setup();
    const saved = await call('profiles:save', { draft: draft({ credential: { kind: 'none' } }), secrets: {} });
    expect(saved.ok ? (saved.value as { profile: { credential: unknown } }).profile.credential : saved.problem).toEqual(
      { kind: 'none' },
    );
    const profileId = saved.ok ? (saved.value as { profile: { id: string } }).profile.id : '';
    expect(await secrets.get(secretKeys.clientSecret(profileId))).toBeNull();
    const r = await call('token:acquire', { profileId, method: 'password', operationId: 'device-2' });
    expect(r.ok).toBe(false);
  });
});
