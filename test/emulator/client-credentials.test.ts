// client_credentials (§2): secrets and certificate assertions, app-only token claims, and the
// client-authentication errors of §5.1 — raw HTTPS first, then real MSAL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfidentialClientApplication, type ServerError } from '@azure/msal-node';
import { startEmulator, type Emulator } from './index';
import { aadstsOf, claims, clientAssertion, msalConfig, postToken } from './test-helpers';
import * as ids from './fixtures/ids';
import keys from './fixtures/keys.json';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

const EXO = 'https://outlook.office365.com/.default';
const cc = (form: Record<string, string>, tenant?: string, headers?: Record<string, string>) =>
  postToken(emu, tenant, { grant_type: 'client_credentials', scope: EXO, ...form }, headers);

function assertion(alg: 'RS256' | 'PS256', over: { keyPem?: string; aud?: string } = {}): string {
  const c = emu.certificates.app2;
  return clientAssertion({
    clientId: ids.DAEMON_APP,
    aud: over.aud ?? emu.tokenEndpoint(),
    keyPem: over.keyPem ?? c.keyPem,
    alg,
    certThumbSha1: Buffer.from(c.thumbprintSha1Hex, 'hex'),
    certThumbSha256: Buffer.from(c.thumbprintSha256Hex, 'hex'),
  });
}
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

describe('raw HTTPS', () => {
  it('§2/§6 secret: v1 app-only token with aud, roles, appid, appidacr 1 and no scp', async () => {
    const res = await cc({ client_id: ids.DAEMON_APP, client_secret: ids.DAEMON_SECRET });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store, no-cache');
    expect(res.json).toMatchObject({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599 });
    expect(res.json.refresh_token).toBeUndefined();
    const c = claims(res.json.access_token);
    expect(c).toMatchObject({
      aud: 'https://outlook.office365.com',
      roles: ['SMTP.SendAsApp'],
      appid: ids.DAEMON_APP,
      appidacr: '1',
      tid: ids.CONTOSO,
      ver: '1.0',
      oid: ids.DAEMON_SP,
      iss: `https://sts.windows.net/${ids.CONTOSO}/`,
    });
    expect(c.scp).toBeUndefined();
  });

  it('§1.4 accepts the secret by HTTP Basic auth too', async () => {
    const basic = Buffer.from(`${ids.DAEMON_APP}:${encodeURIComponent(ids.DAEMON_SECRET)}`).toString('base64');
    const res = await postToken(
      emu,
      undefined,
      { grant_type: 'client_credentials', scope: EXO },
      { Authorization: `Basic ${basic}` },
    );
    expect(res.status).toBe(200);
  });

  it.each(['RS256', 'PS256'] as const)(
    '§2 certificate assertion %s is verified against the registered certificate (appidacr 2)',
    async (alg) => {
      const res = await cc({
        client_id: ids.DAEMON_APP,
        client_assertion_type: ASSERTION_TYPE,
        client_assertion: assertion(alg),
      });
      expect(res.status).toBe(200);
      expect(claims(res.json.access_token).appidacr).toBe('2');
    },
  );

  it('§2 assertion signed by another key: 401 invalid_client AADSTS700027', async () => {
    const res = await cc({
      client_id: ids.DAEMON_APP,
      client_assertion_type: ASSERTION_TYPE,
      client_assertion: assertion('PS256', { keyPem: keys.caKeyPem }),
    });
    expect([res.status, res.json.error, res.json.error_codes]).toEqual([401, 'invalid_client', [700027]]);
  });

  it('§2 assertion for another audience: AADSTS700027', async () => {
    const res = await cc({
      client_id: ids.DAEMON_APP,
      client_assertion_type: ASSERTION_TYPE,
      client_assertion: assertion('RS256', { aud: 'https://elsewhere.example/token' }),
    });
    expect(res.json.error_codes).toEqual([700027]);
  });

  it.each([
    ['wrong secret', { client_id: ids.DAEMON_APP, client_secret: 'nope' }, 401, 'invalid_client', 7000215],
    [
      'secret ID pasted as the value',
      { client_id: ids.AEM_APP, client_secret: ids.AEM_SECRET_ID },
      401,
      'invalid_client',
      7000215,
    ],
    [
      'expired secret',
      { client_id: ids.AEM_APP, client_secret: ids.AEM_EXPIRED_SECRET },
      401,
      'invalid_client',
      7000222,
    ],
    ['no credential from a web app', { client_id: ids.DAEMON_APP }, 401, 'invalid_client', 7000218],
    ['secret from a public client', { client_id: ids.PUBLIC_APP, client_secret: 'x' }, 401, 'invalid_client', 700025],
    [
      'unknown app',
      { client_id: '99999999-0000-4000-8000-000000000000', client_secret: 'x' },
      400,
      'unauthorized_client',
      700016,
    ],
    [
      'app of another tenant',
      { client_id: ids.FABRIKAM_APP, client_secret: ids.FABRIKAM_SECRET },
      400,
      'unauthorized_client',
      700016,
    ],
    [
      'two resources',
      {
        client_id: ids.DAEMON_APP,
        client_secret: ids.DAEMON_SECRET,
        scope: `${EXO} https://graph.microsoft.com/.default`,
      },
      400,
      'invalid_scope',
      700022,
    ],
    [
      'a scope without /.default',
      {
        client_id: ids.DAEMON_APP,
        client_secret: ids.DAEMON_SECRET,
        scope: 'https://outlook.office365.com/SMTP.SendAsApp',
      },
      400,
      'invalid_scope',
      1002012,
    ],
    [
      'an unknown resource',
      { client_id: ids.DAEMON_APP, client_secret: ids.DAEMON_SECRET, scope: 'https://nothing.example.com/.default' },
      400,
      'invalid_resource',
      500011,
    ],
    [
      'no scope',
      { client_id: ids.DAEMON_APP, client_secret: ids.DAEMON_SECRET, scope: '' },
      400,
      'invalid_request',
      900144,
    ],
  ] as const)('§5.1 %s', async (_name, form, status, error, code) => {
    const res = await cc({ ...form });
    expect([res.status, res.json.error, res.json.error_codes]).toEqual([status, error, [code]]);
    expect(String(res.json.error_description)).toMatch(new RegExp(`^AADSTS${code}: `));
  });

  it('§2 the common authority cannot identify the tenant: AADSTS50059', async () => {
    const res = await cc({ client_id: ids.DAEMON_APP, client_secret: ids.DAEMON_SECRET }, 'common');
    expect(res.json.error_codes).toEqual([50059]);
  });

  it('§8 an Origin header on a confidential client: AADSTS9002326', async () => {
    const res = await cc({ client_id: ids.DAEMON_APP, client_secret: ids.DAEMON_SECRET }, undefined, {
      Origin: 'https://spa.example',
    });
    expect(res.json.error_codes).toEqual([9002326]);
  });

  it('§2 without admin consent the token carries no roles', async () => {
    const app = emu.directory.tenants[0]!.apps.find((a) => a.clientId === ids.DAEMON_APP)!;
    app.adminConsent = false;
    try {
      const res = await cc({ client_id: ids.DAEMON_APP, client_secret: ids.DAEMON_SECRET });
      expect(claims(res.json.access_token).roles).toBeUndefined();
    } finally {
      app.adminConsent = true;
    }
  });

  it('echoes client-request-id as correlation_id (§1.7)', async () => {
    const id = '0d5b5a1c-1111-4222-8333-944444444444';
    const res = await cc({ client_id: ids.DAEMON_APP, client_secret: 'nope' }, undefined, { 'client-request-id': id });
    expect(res.json.correlation_id).toBe(id);
  });
});

describe('MSAL ConfidentialClientApplication', () => {
  const scopes = [EXO];

  it('client secret', async () => {
    const cca = new ConfidentialClientApplication(
      msalConfig(emu, { clientId: ids.DAEMON_APP, clientSecret: ids.DAEMON_SECRET }),
    );
    const r = await cca.acquireTokenByClientCredential({ scopes });
    expect(claims(r?.accessToken).roles).toEqual(['SMTP.SendAsApp']);
  });

  it('certificate by SHA-256 thumbprint (PS256 + x5t#S256)', async () => {
    const c = emu.certificates.app2;
    const cca = new ConfidentialClientApplication(
      msalConfig(emu, {
        clientId: ids.DAEMON_APP,
        clientCertificate: { thumbprintSha256: c.thumbprintSha256Hex, privateKey: c.keyPem },
      }),
    );
    const r = await cca.acquireTokenByClientCredential({ scopes });
    expect(claims(r?.accessToken).appidacr).toBe('2');
  });

  it('certificate by SHA-1 thumbprint (RS256 + x5t)', async () => {
    const c = emu.certificates.app2;
    const cca = new ConfidentialClientApplication(
      msalConfig(emu, {
        clientId: ids.DAEMON_APP,
        clientCertificate: { thumbprint: c.thumbprintSha1Hex, privateKey: c.keyPem },
      }),
    );
    const r = await cca.acquireTokenByClientCredential({ scopes });
    expect(claims(r?.accessToken).appidacr).toBe('2');
  });

  it.each([
    ['wrong secret', 'nope', 7000215],
    ['secret ID instead of the value', ids.AEM_SECRET_ID, 7000215],
    ['expired secret', ids.AEM_EXPIRED_SECRET, 7000222],
  ] as const)('%s -> ServerError invalid_client with the AADSTS code', async (_n, secret, code) => {
    const clientId = secret === 'nope' ? ids.DAEMON_APP : ids.AEM_APP;
    const cca = new ConfidentialClientApplication(msalConfig(emu, { clientId, clientSecret: secret }));
    const err = await cca.acquireTokenByClientCredential({ scopes }).then(
      () => undefined,
      (e: unknown) => e as ServerError,
    );
    expect(err?.errorCode).toBe('invalid_client');
    expect(aadstsOf(err)).toBe(code);
  });

  it('two resources -> AADSTS700022', async () => {
    const cca = new ConfidentialClientApplication(
      msalConfig(emu, { clientId: ids.DAEMON_APP, clientSecret: ids.DAEMON_SECRET }),
    );
    const err = await cca
      .acquireTokenByClientCredential({ scopes: [EXO, 'https://graph.microsoft.com/.default'] })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(aadstsOf(err)).toBe(700022);
  });
});
