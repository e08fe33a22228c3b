// The Graph stand-in's read side and its error format, over raw HTTPS (reference §13.3.1, §13.3.7, §13.4).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from './index';
import {
  CONTOSO,
  CONTOSO_EXCHANGE_SP,
  CONTOSO_GRAPH_SP,
  DAEMON_APP,
  DAEMON_SECRET,
  EXCHANGE_APP_ID,
  GRAPH_APP_ID,
  USERS,
} from './fixtures/ids';
import { adminGraphToken, errorCode, errorMessage, graph } from './graph-helpers';
import { appOnlyToken } from './test-helpers';

describe('Graph stand-in: reading the directory', () => {
  let emu: Emulator;
  let token: string;
  beforeAll(async () => {
    emu = await startEmulator();
    token = await adminGraphToken(emu, USERS.alice);
  });
  afterAll(() => emu.close());

  it('listens on its own port, apart from the identity provider', () => {
    expect(emu.graph.host).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(emu.graph.host).not.toBe(emu.authorityHost);
  });

  it('GET /me names the signed-in admin (§13.3.1)', async () => {
    const r = await graph(emu, token, 'GET', '/me?$select=id,displayName,userPrincipalName,mail');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      userPrincipalName: USERS.alice.upn,
      mail: USERS.alice.upn,
      displayName: 'Alice Admin',
    });
    expect(Object.keys(r.json).filter((k) => !k.startsWith('@'))).toEqual([
      'displayName',
      'id',
      'mail',
      'userPrincipalName',
    ]);
  });

  it('GET /organization is one item whose isInitial domain is the .onmicrosoft.com one, not the default', async () => {
    const r = await graph(emu, token, 'GET', '/organization?$select=id,displayName,verifiedDomains');
    const value = r.json.value as {
      id: string;
      verifiedDomains: { name: string; isInitial: boolean; isDefault: boolean }[];
    }[];
    expect(value).toHaveLength(1);
    expect(value[0]?.id).toBe(CONTOSO);
    const domains = value[0]?.verifiedDomains ?? [];
    expect(domains.find((d) => d.isInitial)?.name).toBe('contoso.onmicrosoft.com');
    expect(domains.find((d) => d.isDefault)?.name).toBe('contoso.com');
  });

  it("reads the resource APIs' service principals by appId, with their role and scope ids (§13.3.7)", async () => {
    const exo = await graph(
      emu,
      token,
      'GET',
      `/servicePrincipals(appId='${EXCHANGE_APP_ID}')?$select=id,appId,displayName,appRoles,oauth2PermissionScopes`,
    );
    expect(exo.status).toBe(200);
    expect(exo.json.id).toBe(CONTOSO_EXCHANGE_SP);
    const roles = exo.json.appRoles as { value: string; id: string; allowedMemberTypes: string[] }[];
    expect(roles.find((r) => r.value === 'SMTP.SendAsApp')).toMatchObject({
      id: '7146a1f0-8703-45b3-9eae-527a64c00995',
      allowedMemberTypes: ['Application'],
    });
    const scopes = exo.json.oauth2PermissionScopes as { value: string; id: string }[];
    expect(scopes.find((s) => s.value === 'SMTP.Send')?.id).toBe('76faac2a-0f20-42f1-928a-50de5b9dbe52');
    const g = await graph(emu, token, 'GET', `/servicePrincipals?$filter=appId eq '${GRAPH_APP_ID}'`);
    const graphSp = (g.json.value as { id: string; oauth2PermissionScopes: { value: string; id: string }[] }[])[0];
    expect(graphSp?.id).toBe(CONTOSO_GRAPH_SP);
    // Graph's SMTP.Send has another id than Exchange's: ids are unique per resource (§13.2.3).
    expect(graphSp?.oauth2PermissionScopes.find((s) => s.value === 'SMTP.Send')?.id).toBe(
      '258f6531-6087-4cc4-bb90-092c5fb3ed3f',
    );
  });

  it('answers 404 Request_ResourceNotFound for a tenant without the Exchange service principal', async () => {
    const contoso = emu.directory.tenants.find((t) => t.id === CONTOSO)!;
    const saved = { ...contoso.resourceServicePrincipals };
    delete contoso.resourceServicePrincipals?.[EXCHANGE_APP_ID];
    try {
      const r = await graph(emu, token, 'GET', `/servicePrincipals(appId='${EXCHANGE_APP_ID}')`);
      expect(r.status).toBe(404);
      expect(errorCode(r)).toBe('Request_ResourceNotFound');
      expect(errorMessage(r)).toMatch(
        /does not exist or one of its queried reference-property objects are not present/,
      );
    } finally {
      contoso.resourceServicePrincipals = saved;
    }
  });

  it('wraps errors in the envelope with innerError date and ids, echoing client-request-id (§13.4.1)', async () => {
    const sent = '6a1c2b3d-0000-4000-8000-00000000c1d1';
    const r = await graph(emu, token, 'GET', '/applications/00000000-0000-0000-0000-000000000404', undefined, {
      'client-request-id': sent,
    });
    expect(r.status).toBe(404);
    const inner = (r.json.error as { innerError: Record<string, string> }).innerError;
    expect(inner['client-request-id']).toBe(sent);
    expect(inner['request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(inner.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    expect(r.headers['request-id']).toBe(inner['request-id']);
    expect(r.headers['client-request-id']).toBe(sent);
  });

  it('refuses a missing token, a token for another API and an expired one with 401', async () => {
    expect(errorCode(await graph(emu, undefined, 'GET', '/me'))).toBe('InvalidAuthenticationToken');
    const exchangeToken = await appOnlyToken(emu, DAEMON_APP, DAEMON_SECRET);
    const wrong = await graph(emu, exchangeToken, 'GET', '/me');
    expect(wrong.status).toBe(401);
    expect(errorMessage(wrong)).toContain('Invalid audience');
    emu.clock.advance(2 * 3600_000);
    try {
      const expired = await graph(emu, token, 'GET', '/me');
      expect(expired.status).toBe(401);
      expect(errorMessage(expired)).toContain('expired');
    } finally {
      emu.clock.advance(-2 * 3600_000);
    }
  });

  it('serves the /v1.0/myorganization alias cli-microsoft365 uses (§13.3)', async () => {
    const r = await graph(emu, token, 'GET', '/myorganization/organization');
    expect(r.status).toBe(200);
  });

  it('does not list first-party apps such as Graph Command Line Tools among app registrations', async () => {
    const r = await graph(emu, token, 'GET', '/applications?$select=appId,displayName');
    const names = (r.json.value as { displayName: string }[]).map((a) => a.displayName);
    expect(names).toContain('AEM Mailer');
    expect(names).not.toContain('Microsoft Graph Command Line Tools');
  });
});
