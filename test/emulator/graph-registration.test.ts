// What Graph creates is real to the rest of the stand-in (reference §13.3): an application made
// through Graph signs users in, its secret and certificate work at /token, its consent is honoured,
// its service principal's object id is the `oid` of its app-only tokens, and SMTP takes the tokens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from './index';
import { CONTOSO, CONTOSO_EXCHANGE_SP, CONTOSO_GRAPH_SP, EXCHANGE_APP_ID, GRAPH_APP_ID, USERS } from './fixtures/ids';
import { adminGraphToken, errorCode, errorMessage, graph } from './graph-helpers';
import { claims, clientAssertion, delegatedTokens, postToken } from './test-helpers';
import { RawSmtp, xoauth2 } from './raw-smtp';
import { certDer, thumbprint } from './make-keys';

const SMTP_SEND_EXO = '76faac2a-0f20-42f1-928a-50de5b9dbe52';
const OPENID = '37f7f235-527c-4136-accd-4a02d197296e';
const OFFLINE = '7427e0e9-2fba-42fe-b0c0-848c9e6a8182';
const SEND_AS_APP = '7146a1f0-8703-45b3-9eae-527a64c00995';

async function smtpLogin(emu: Emulator, user: string, token: string): Promise<string> {
  const smtp = await RawSmtp.openSecured(emu.smtp.port, emu.caPem);
  try {
    return await smtp.command(`AUTH XOAUTH2 ${xoauth2(user, token)}`);
  } finally {
    smtp.close();
  }
}

describe('Graph stand-in: an application created through Graph', () => {
  let emu: Emulator;
  let admin: string;
  beforeAll(async () => {
    emu = await startEmulator();
    admin = await adminGraphToken(emu, USERS.alice);
  });
  afterAll(() => emu.close());

  it('delegated: create, secret, service principal, grant -> the user signs in without consent and SMTP accepts', async () => {
    const created = await graph(emu, admin, 'POST', '/applications', {
      displayName: 'Contoso AEM (test)',
      signInAudience: 'AzureADMyOrg',
      web: { redirectUris: ['http://localhost', 'http://localhost/'] },
      requiredResourceAccess: [
        { resourceAppId: EXCHANGE_APP_ID, resourceAccess: [{ id: SMTP_SEND_EXO, type: 'Scope' }] },
        {
          resourceAppId: GRAPH_APP_ID,
          resourceAccess: [
            { id: OPENID, type: 'Scope' },
            { id: OFFLINE, type: 'Scope' },
          ],
        },
      ],
      tags: ['smtp-oauth-wizard'],
    });
    expect(created.status).toBe(201);
    const objectId = String(created.json.id);
    const appId = String(created.json.appId);
    expect(objectId).not.toBe(appId);

    const pw = await graph(emu, admin, 'POST', `/applications/${objectId}/addPassword`, {
      passwordCredential: { displayName: 'smtp-wizard', endDateTime: '2099-01-01T00:00:00Z' },
    });
    expect(pw.status).toBe(200);
    const secret = String(pw.json.secretText);
    expect(secret.length).toBeGreaterThanOrEqual(16);
    expect(pw.json.hint).toBe(secret.slice(0, 3));
    // The secret is never readable again.
    const read = await graph(emu, admin, 'GET', `/applications/${objectId}`);
    expect(JSON.stringify(read.json)).not.toContain(secret);

    const sp = await graph(emu, admin, 'POST', '/servicePrincipals', { appId });
    expect(sp.status).toBe(201);
    const again = await graph(emu, admin, 'POST', '/servicePrincipals', { appId });
    expect(again.status).toBe(409);
    expect(errorCode(again)).toBe('Request_MultipleObjectsWithSameKeyValue');

    // Without consent the user's token request fails: requiredResourceAccess grants nothing.
    await expect(
      delegatedTokens(emu, {
        clientId: appId,
        secret,
        scope: 'https://outlook.office.com/SMTP.Send offline_access',
        user: { ...USERS.alice, consent: 'cancel' },
      }),
    ).rejects.toThrow(/code/);

    const grant = await graph(emu, admin, 'POST', '/oauth2PermissionGrants', {
      clientId: sp.json.id,
      consentType: 'AllPrincipals',
      principalId: null,
      resourceId: CONTOSO_EXCHANGE_SP,
      scope: 'SMTP.Send',
    });
    expect(grant.status).toBe(201);
    expect(String(grant.json.id)).not.toMatch(/^[0-9a-f-]{36}$/);
    const dup = await graph(emu, admin, 'POST', '/oauth2PermissionGrants', {
      clientId: sp.json.id,
      consentType: 'AllPrincipals',
      principalId: null,
      resourceId: CONTOSO_EXCHANGE_SP,
      scope: 'SMTP.Send',
    });
    expect([dup.status, errorMessage(dup)]).toEqual([409, 'Permission entry already exists.']);
    const listed = await graph(
      emu,
      admin,
      'GET',
      `/oauth2PermissionGrants?$filter=clientId eq '${String(sp.json.id)}' and consentType eq 'AllPrincipals'`,
    );
    expect((listed.json.value as unknown[]).length).toBe(1);
    await graph(emu, admin, 'POST', '/oauth2PermissionGrants', {
      clientId: sp.json.id,
      consentType: 'AllPrincipals',
      principalId: null,
      resourceId: CONTOSO_GRAPH_SP,
      scope: 'openid offline_access',
    });

    const tokens = await delegatedTokens(emu, {
      clientId: appId,
      secret,
      scope: 'https://outlook.office.com/SMTP.Send offline_access openid',
      // Consent is in place: a Cancel on a consent page would fail this.
      user: { ...USERS.alice, consent: 'cancel' },
    });
    expect(claims(tokens.access_token)).toMatchObject({
      scp: 'SMTP.Send',
      appid: appId,
      aud: 'https://outlook.office.com',
    });
    expect(tokens.refresh_token).toBeTruthy();
    expect(await smtpLogin(emu, USERS.alice.upn, String(tokens.access_token))).toMatch(/^235 /);
  });

  it('app-only: certificate credential, app role assignment, oid = service principal, SMTP after Exchange access', async () => {
    const certPem = emu.certificates.app2.certPem;
    const created = await graph(emu, admin, 'POST', '/applications', {
      displayName: 'Contoso daemon (test)',
      requiredResourceAccess: [{ resourceAppId: EXCHANGE_APP_ID, resourceAccess: [{ id: SEND_AS_APP, type: 'Role' }] }],
      keyCredentials: [
        {
          type: 'AsymmetricX509Cert',
          usage: 'Verify',
          displayName: 'CN=test',
          key: certDer(certPem).toString('base64'),
        },
      ],
    });
    expect(created.status).toBe(201);
    const key = (created.json.keyCredentials as { key: unknown; customKeyIdentifier: string }[])[0];
    expect(key?.key).toBeNull();
    expect(key?.customKeyIdentifier).toBe(thumbprint(certPem, 'sha1').toString('hex').toUpperCase());
    const appId = String(created.json.appId);
    const selected = await graph(emu, admin, 'GET', `/applications(appId='${appId}')?$select=keyCredentials`);
    expect((selected.json.keyCredentials as { key: string }[])[0]?.key).toBe(certDer(certPem).toString('base64'));
    const sp = await graph(emu, admin, 'POST', '/servicePrincipals', { appId });
    const spId = String(sp.json.id);

    const token = async (): Promise<string> => {
      const assertion = clientAssertion({
        clientId: appId,
        aud: emu.tokenEndpoint(),
        keyPem: emu.certificates.app2.keyPem,
        certThumbSha1: thumbprint(certPem, 'sha1'),
        certThumbSha256: thumbprint(certPem, 'sha256'),
        alg: 'PS256',
      });
      const r = await postToken(emu, CONTOSO, {
        client_id: appId,
        grant_type: 'client_credentials',
        scope: 'https://outlook.office365.com/.default',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: assertion,
      });
      expect(r.status).toBe(200);
      return String(r.json.access_token);
    };
    // Registered but not granted: no roles yet.
    expect(claims(await token()).roles).toBeUndefined();
    const assigned = await graph(emu, admin, 'POST', `/servicePrincipals/${CONTOSO_EXCHANGE_SP}/appRoleAssignedTo`, {
      principalId: spId,
      resourceId: CONTOSO_EXCHANGE_SP,
      appRoleId: SEND_AS_APP,
    });
    expect(assigned.status).toBe(201);
    expect(assigned.json).toMatchObject({
      principalType: 'ServicePrincipal',
      resourceDisplayName: 'Office 365 Exchange Online',
    });
    const dup = await graph(emu, admin, 'POST', `/servicePrincipals/${CONTOSO_EXCHANGE_SP}/appRoleAssignedTo`, {
      principalId: spId,
      resourceId: CONTOSO_EXCHANGE_SP,
      appRoleId: SEND_AS_APP,
    });
    expect([dup.status, errorMessage(dup)]).toEqual([400, 'Permission being assigned already exists on the object']);
    const appToken = await token();
    expect(claims(appToken)).toMatchObject({ roles: ['SMTP.SendAsApp'], oid: spId, appidacr: '2' });
    expect(await smtpLogin(emu, 'noreply@contoso.com', appToken)).toMatch(/^535 5\.7\.3/);
    const tenant = emu.directory.tenants.find((t) => t.id === CONTOSO)!;
    tenant.exchangeServicePrincipals.push(spId);
    tenant.mailboxes.find((m) => m.address === 'noreply@contoso.com')!.fullAccessServicePrincipals.push(spId);
    expect(await smtpLogin(emu, 'noreply@contoso.com', appToken)).toMatch(/^235 /);
  });

  it('finds an app by $filter and alternate key, patches it, and deletes it with its service principal', async () => {
    const created = await graph(emu, admin, 'POST', '/applications', { displayName: 'Patch me' });
    const appId = String(created.json.appId);
    const objectId = String(created.json.id);
    const byFilter = await graph(
      emu,
      admin,
      'GET',
      `/applications?$filter=appId eq '${appId}'&$select=id,appId,displayName`,
    );
    expect(byFilter.json.value).toEqual([{ id: objectId, appId, displayName: 'Patch me' }]);
    const none = await graph(
      emu,
      admin,
      'GET',
      `/applications?$filter=appId eq '00000000-0000-4000-8000-000000000000'`,
    );
    expect(none.json.value).toEqual([]);
    const patched = await graph(emu, admin, 'PATCH', `/applications/${objectId}`, {
      web: { redirectUris: ['http://localhost'] },
    });
    expect(patched.status).toBe(204);
    const read = await graph(emu, admin, 'GET', `/applications/${objectId}`);
    expect((read.json.web as { redirectUris: string[] }).redirectUris).toEqual(['http://localhost']);
    const bad = await graph(emu, admin, 'PATCH', `/applications/${objectId}`, {
      web: { redirectUris: ['http://example.com/callback'] },
    });
    expect([bad.status, errorCode(bad)]).toEqual([400, 'Request_BadRequest']);
    await graph(emu, admin, 'POST', '/servicePrincipals', { appId });
    expect((await graph(emu, admin, 'DELETE', `/applications/${objectId}`)).status).toBe(204);
    expect((await graph(emu, admin, 'GET', `/applications/${objectId}`)).status).toBe(404);
    expect((await graph(emu, admin, 'GET', `/servicePrincipals(appId='${appId}')`)).status).toBe(404);
  });
});
