// Roles, policies and real-world delays of the directory behind Graph (reference §13.2.2, §13.3.3,
// §13.4.3, §13.5, §13.6.3), over raw HTTPS.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from './index';
import { CONTOSO, CONTOSO_EXCHANGE_SP, CONTOSO_GRAPH_SP, EXCHANGE_APP_ID, GRAPH_CLI_APP, USERS } from './fixtures/ids';
import { ADMIN_GRAPH_SCOPES, adminGraphToken, errorCode, errorMessage, graph } from './graph-helpers';
import { aadstsOf, authorizeUrl, pkcePair, postToken } from './test-helpers';
import { signInOverHttp } from './sign-in-driver';

const SEND_AS_APP = '7146a1f0-8703-45b3-9eae-527a64c00995';
const GRAPH_MAIL_SEND_ROLE = 'b633e1c5-b582-4048-a93e-9f11b44c7e96';

describe('Graph stand-in: roles, policies and delays', () => {
  let emu: Emulator;
  let alice: string;
  beforeAll(async () => {
    emu = await startEmulator();
    alice = await adminGraphToken(emu, USERS.alice);
  });
  afterAll(() => emu.close());
  beforeEach(() => {
    emu.graph.faults.clear();
    Object.assign(emu.graph.switches, {
      replicationDelaySeconds: 0,
      blockPasswordCredentials: false,
      maxPasswordLifetimeDays: null,
    });
  });

  async function newAppWithSp(token = alice): Promise<{ objectId: string; appId: string; spId: string }> {
    const app = await graph(emu, token, 'POST', '/applications', { displayName: 'Policy test' });
    const sp = await graph(emu, token, 'POST', '/servicePrincipals', { appId: app.json.appId });
    return { objectId: String(app.json.id), appId: String(app.json.appId), spId: String(sp.json.id) };
  }

  it('a member without a role may register an app (tenant default) but not grant consent: 403 Authorization_RequestDenied', async () => {
    const bob = await adminGraphToken(emu, USERS.bob);
    const { spId } = await newAppWithSp(bob);
    const grant = await graph(emu, bob, 'POST', '/oauth2PermissionGrants', {
      clientId: spId,
      consentType: 'AllPrincipals',
      principalId: null,
      resourceId: CONTOSO_EXCHANGE_SP,
      scope: 'SMTP.Send',
    });
    expect([grant.status, errorCode(grant), errorMessage(grant)]).toEqual([
      403,
      'Authorization_RequestDenied',
      'Insufficient privileges to complete the operation.',
    ]);
    const role = await graph(emu, bob, 'POST', `/servicePrincipals/${CONTOSO_EXCHANGE_SP}/appRoleAssignedTo`, {
      principalId: spId,
      resourceId: CONTOSO_EXCHANGE_SP,
      appRoleId: SEND_AS_APP,
    });
    expect(role.status).toBe(403);
  });

  it('refuses app registration to members when the tenant restricts it', async () => {
    const tenant = emu.directory.tenants.find((t) => t.id === CONTOSO)!;
    tenant.usersCanRegisterApps = false;
    try {
      const bob = await adminGraphToken(emu, USERS.bob);
      expect(errorCode(await graph(emu, bob, 'POST', '/applications', { displayName: 'x' }))).toBe(
        'Authorization_RequestDenied',
      );
    } finally {
      tenant.usersCanRegisterApps = true;
    }
  });

  it('a Cloud Application Administrator may assign Exchange app roles but not Microsoft Graph ones', async () => {
    const grace = await adminGraphToken(emu, USERS.grace);
    const { spId } = await newAppWithSp(grace);
    const exo = await graph(emu, grace, 'POST', `/servicePrincipals/${CONTOSO_EXCHANGE_SP}/appRoleAssignedTo`, {
      principalId: spId,
      resourceId: CONTOSO_EXCHANGE_SP,
      appRoleId: SEND_AS_APP,
    });
    expect(exo.status).toBe(201);
    const graphRole = await graph(emu, grace, 'POST', `/servicePrincipals/${CONTOSO_GRAPH_SP}/appRoleAssignedTo`, {
      principalId: spId,
      resourceId: CONTOSO_GRAPH_SP,
      appRoleId: GRAPH_MAIL_SEND_ROLE,
    });
    expect(graphRole.status).toBe(403);
  });

  it('replication delay: the new app is unknown at /token (700016) and to grants and assignments until it has passed', async () => {
    emu.graph.switches.replicationDelaySeconds = 20;
    const { objectId, appId, spId } = await newAppWithSp();
    const pw = await graph(emu, alice, 'POST', `/applications/${objectId}/addPassword`, {});
    const ask = () =>
      postToken(emu, CONTOSO, {
        client_id: appId,
        client_secret: String(pw.json.secretText),
        grant_type: 'client_credentials',
        scope: 'https://outlook.office365.com/.default',
      });
    expect(aadstsOf((await ask()).json)).toBe(700016);
    const grant = {
      clientId: spId,
      consentType: 'AllPrincipals',
      principalId: null,
      resourceId: CONTOSO_EXCHANGE_SP,
      scope: 'SMTP.Send',
    };
    const early = await graph(emu, alice, 'POST', '/oauth2PermissionGrants', grant);
    expect([early.status, errorCode(early)]).toEqual([404, 'Request_ResourceNotFound']);
    const role = {
      principalId: spId,
      resourceId: CONTOSO_EXCHANGE_SP,
      appRoleId: SEND_AS_APP,
    };
    const earlyRole = await graph(
      emu,
      alice,
      'POST',
      `/servicePrincipals/${CONTOSO_EXCHANGE_SP}/appRoleAssignedTo`,
      role,
    );
    expect([earlyRole.status, errorMessage(earlyRole)]).toEqual([400, 'Not a valid reference update.']);
    emu.clock.advance(20_000);
    expect((await ask()).status).toBe(200);
    expect((await graph(emu, alice, 'POST', '/oauth2PermissionGrants', grant)).status).toBe(201);
    expect(
      (await graph(emu, alice, 'POST', `/servicePrincipals/${CONTOSO_EXCHANGE_SP}/appRoleAssignedTo`, role)).status,
    ).toBe(201);
  });

  it('an app management policy that blocks secrets refuses addPassword; a certificate still works', async () => {
    emu.graph.switches.blockPasswordCredentials = true;
    const { objectId } = await newAppWithSp();
    const r = await graph(emu, alice, 'POST', `/applications/${objectId}/addPassword`, {});
    expect(r.status).toBe(400);
    expect(errorMessage(r)).toMatch(/^Credential type not allowed as per assigned policy '/);
    const patched = await graph(emu, alice, 'PATCH', `/applications/${objectId}`, {
      keyCredentials: [
        {
          type: 'AsymmetricX509Cert',
          usage: 'Verify',
          key: Buffer.from(
            emu.certificates.app2.certPem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, ''),
            'base64',
          ).toString('base64'),
        },
      ],
    });
    expect(patched.status).toBe(204);
  });

  it('a lifetime policy refuses a secret without an end date or beyond the maximum (§13.3.3)', async () => {
    emu.graph.switches.maxPasswordLifetimeDays = 180;
    const { objectId } = await newAppWithSp();
    const noEnd = await graph(emu, alice, 'POST', `/applications/${objectId}/addPassword`, {});
    expect([noEnd.status, errorCode(noEnd)]).toEqual([400, 'CredentialInvalidLifetimeAsPerAppPolicy']);
    expect((noEnd.json.error as { details: { code: string }[] }).details[0]?.code).toBe('InvalidKeyEndDate');
    const end = new Date(emu.clock.now() + 90 * 86_400_000).toISOString();
    const ok = await graph(emu, alice, 'POST', `/applications/${objectId}/addPassword`, {
      passwordCredential: { endDateTime: end },
    });
    expect(ok.status).toBe(200);
  });

  it('throttles with 429 and Retry-After when told to (§13.4.3)', async () => {
    emu.graph.faults.set({ http429: true, retryAfter: 7, count: 1, pathIncludes: '/applications' });
    const r = await graph(emu, alice, 'POST', '/applications', { displayName: 'Throttled' });
    expect([r.status, errorCode(r), r.headers['retry-after']]).toEqual([429, 'TooManyRequests', '7']);
    expect((await graph(emu, alice, 'POST', '/applications', { displayName: 'Throttled' })).status).toBe(201);
  });

  it('a sign-in client that requires assignment shows AADSTS50105 to an unassigned admin', async () => {
    const cli = emu.directory.tenants.find((t) => t.id === CONTOSO)!.apps.find((a) => a.clientId === GRAPH_CLI_APP)!;
    cli.assignmentRequired = true;
    try {
      const end = await signInOverHttp(
        authorizeUrl(emu, { clientId: GRAPH_CLI_APP, scope: ADMIN_GRAPH_SCOPES, pkce: pkcePair() }),
        emu.caPem,
        USERS.alice,
      );
      expect(end.kind === 'page' && end.text).toMatch(/AADSTS50105: Your administrator has configured the application/);
      cli.assignedUsers = [USERS.alice.upn];
      expect((await adminGraphToken(emu, USERS.alice)).split('.')).toHaveLength(3);
    } finally {
      cli.assignmentRequired = false;
      cli.assignedUsers = [];
    }
  });

  it('a sign-in client nobody may consent to gives AADSTS65001 at redemption, no consent page', async () => {
    const cli = emu.directory.tenants.find((t) => t.id === CONTOSO)!.apps.find((a) => a.clientId === GRAPH_CLI_APP)!;
    cli.adminConsent = false;
    cli.blockUserConsent = true;
    try {
      await expect(adminGraphToken(emu, { ...USERS.alice, consent: 'cancel' })).rejects.toThrow(/AADSTS65001/);
    } finally {
      cli.adminConsent = true;
      cli.blockUserConsent = false;
    }
  });

  it('without tenant consent, a non-admin cannot accept admin-only Graph scopes (AADSTS90094); an admin can', async () => {
    const cli = emu.directory.tenants.find((t) => t.id === CONTOSO)!.apps.find((a) => a.clientId === GRAPH_CLI_APP)!;
    cli.adminConsent = false;
    try {
      const end = await signInOverHttp(
        authorizeUrl(emu, { clientId: GRAPH_CLI_APP, scope: ADMIN_GRAPH_SCOPES, pkce: pkcePair() }),
        emu.caPem,
        USERS.erin,
      );
      expect(end.kind === 'page' && end.text).toMatch(/AADSTS90094/);
      expect((await adminGraphToken(emu, USERS.alice)).split('.')).toHaveLength(3);
    } finally {
      cli.adminConsent = true;
    }
  });

  it('creates a missing resource service principal on request (§13.3.7)', async () => {
    const tenant = emu.directory.tenants.find((t) => t.id === CONTOSO)!;
    const saved = { ...tenant.resourceServicePrincipals };
    delete tenant.resourceServicePrincipals?.[EXCHANGE_APP_ID];
    try {
      const r = await graph(emu, alice, 'POST', '/servicePrincipals', { appId: EXCHANGE_APP_ID });
      expect(r.status).toBe(201);
      expect((r.json.appRoles as { value: string }[]).map((x) => x.value)).toContain('SMTP.SendAsApp');
    } finally {
      tenant.resourceServicePrincipals = saved;
    }
  });
});
