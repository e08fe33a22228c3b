// Discovery documents, JWKS and tenant resolution (§4.1, §4.3, §1.1, §9.2).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfidentialClientApplication } from '@azure/msal-node';
import { startEmulator, type Emulator } from './index';
import { claims, getJson, msalConfig, appOnlyToken } from './test-helpers';
import * as ids from './fixtures/ids';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

const config = (tenant: string) => getJson(emu, `${emu.authority(tenant)}/v2.0/.well-known/openid-configuration`);

describe('§4.1 openid-configuration', () => {
  it.each([ids.CONTOSO, 'contoso.com', 'CONTOSO.ONMICROSOFT.COM', 'common', 'organizations', 'consumers'])(
    "is served for %s with MSAL's required fields on the same host",
    async (tenant) => {
      const res = await config(tenant);
      expect(res.status).toBe(200);
      for (const f of [
        'authorization_endpoint',
        'token_endpoint',
        'issuer',
        'jwks_uri',
        'device_authorization_endpoint',
        'end_session_endpoint',
      ]) {
        expect(String(res.json[f]).startsWith(emu.authorityHost)).toBe(true);
      }
      expect(res.json.token_endpoint).toBe(`${emu.authorityHost}/${tenant.toLowerCase()}/oauth2/v2.0/token`);
    },
  );

  it("carries the tenant GUID in a tenant document's issuer and the {tenantid} placeholder for common", async () => {
    expect((await config('contoso.com')).json.issuer).toBe(`${emu.authorityHost}/${ids.CONTOSO}/v2.0`);
    expect((await config('common')).json.issuer).toBe(`${emu.authorityHost}/{tenantid}/v2.0`);
  });

  it("answers an unknown tenant with 400 invalid_tenant AADSTS90002 in Microsoft's error shape (§1.7)", async () => {
    const res = await config('nowhere.example.com');
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('invalid_tenant');
    expect(res.json.error_codes).toEqual([90002]);
    expect(String(res.json.error_description)).toMatch(
      /^AADSTS90002: Tenant 'nowhere\.example\.com' not found\. .*\r\nTrace ID: [0-9a-f-]{36}\r\nCorrelation ID: [0-9a-f-]{36}\r\nTimestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/s,
    );
    expect(res.json.timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);
    expect(res.json.trace_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.json.correlation_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.json.error_uri).toBe(`${emu.authorityHost}/error?code=90002`);
  });

  it('answers a malformed tenant label with AADSTS900023', async () => {
    const res = await config('not_a_tenant!');
    expect(res.status).toBe(400);
    expect(res.json.error_codes).toEqual([900023]);
  });
});

describe('§4.3 JWKS', () => {
  it('publishes the key whose kid signs access tokens, with x5t and x5c', async () => {
    const keys = (await getJson(emu, `${emu.authority()}/discovery/v2.0/keys`)).json.keys as Array<
      Record<string, unknown>
    >;
    const token = await appOnlyToken(emu, ids.DAEMON_APP, ids.DAEMON_SECRET);
    const header = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as Record<string, unknown>;
    expect(header.alg).toBe('RS256');
    expect(keys[0]).toMatchObject({ kty: 'RSA', use: 'sig', kid: header.kid, x5t: header.kid, e: 'AQAB' });
    expect((keys[0]!.x5c as string[]).length).toBe(1);
    expect(claims(token).tid).toBe(ids.CONTOSO);
  });
});

describe('MSAL against the emulator', () => {
  it('resolves a domain authority with only knownAuthorities and the CA, in one discovery round trip', async () => {
    const before = emu.requestLog.length;
    const cca = new ConfidentialClientApplication(
      msalConfig(emu, { clientId: ids.DAEMON_APP, clientSecret: ids.DAEMON_SECRET }, 'contoso.com'),
    );
    const r = await cca.acquireTokenByClientCredential({ scopes: ['https://outlook.office365.com/.default'] });
    expect(claims(r?.accessToken).aud).toBe('https://outlook.office365.com');
    const calls = emu.requestLog.slice(before).map((e) => `${e.method} ${e.path}`);
    expect(calls).toEqual([
      'GET /contoso.com/v2.0/.well-known/openid-configuration',
      'POST /contoso.com/oauth2/v2.0/token',
    ]);
  });

  it('fails for an unknown tenant (discovery answers AADSTS90002)', async () => {
    const cca = new ConfidentialClientApplication(
      msalConfig(emu, { clientId: ids.DAEMON_APP, clientSecret: ids.DAEMON_SECRET }, 'nowhere.example.com'),
    );
    await expect(
      cca.acquireTokenByClientCredential({ scopes: ['https://outlook.office365.com/.default'] }),
    ).rejects.toThrow();
    expect(emu.requestLog.at(-1)).toMatchObject({
      path: '/nowhere.example.com/v2.0/.well-known/openid-configuration',
      status: 400,
    });
  });
});
