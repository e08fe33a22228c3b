// Issue 16.2: the AADSTS codes an admin meets around app registrations, consent and assignment,
// produced by the emulator the way Entra produces them, and diagnosed by the app's own rules.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../../src/core/diagnose';
import { IdpErrorResponse, aadstsIn, idpErrorFromBody } from '../../src/core/diagnose/server-error';
import { errorPageText } from '../../src/core/oauth/login-ports';
import { findApp, type AppRegistration, type Tenant } from './directory';
import { AEM_APP, AEM_SECRET, CONTOSO, DAEMON_APP, DAEMON_SECRET, PUBLIC_APP, USERS } from './fixtures/ids';
import { startEmulator, type Emulator } from './index';
import { signInOverHttp } from './sign-in-driver';
import { authorizationCode, authorizeUrl, pkcePair, postToken } from './test-helpers';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
});

const app = (clientId: string): AppRegistration => {
  const found = findApp(emu.directory, clientId);
  if (!found) throw new Error(`no app ${clientId}`);
  return found.app;
};
const contoso = (): Tenant => {
  const t = emu.directory.tenants.find((x) => x.id === CONTOSO);
  if (!t) throw new Error('no Contoso');
  return t;
};
const restore: Array<() => void> = [];
afterEach(() => {
  for (const undo of restore.splice(0)) undo();
});
function change<T extends object, K extends keyof T>(o: T, key: K, value: T[K]): void {
  const before = o[key];
  o[key] = value;
  restore.push(() => {
    o[key] = before;
  });
}

const profile = { clientId: PUBLIC_APP, tenant: CONTOSO, customAuthorityHost: '', cloud: 'custom' as const };
const ctx = () => ({ profile: { ...profile, customAuthorityHost: emu.authorityHost } });

/** An error page's AADSTS text, diagnosed as the sign-in window's reader does (erin is no admin). */
async function pageDiagnosis(clientId: string, user: { upn: string; password: string } = USERS.erin) {
  const end = await signInOverHttp(
    authorizeUrl(emu, { clientId, scope: 'https://outlook.office.com/SMTP.Send offline_access', pkce: pkcePair() }),
    emu.caPem,
    user,
  );
  if (end.kind !== 'page') throw new Error(`expected an error page, got ${end.kind}`);
  const text = errorPageText(end.text) ?? end.text;
  return diagnose(new IdpErrorResponse({ error: 'access_denied', aadsts: aadstsIn(text), description: text }), ctx());
}

describe('issue 16.2: app registration, consent and assignment errors', () => {
  it('a disabled app -> AADSTS7000112 at the token endpoint -> “The app is disabled”', async () => {
    change(app(DAEMON_APP), 'disabled', true);
    const res = await postToken(emu, CONTOSO, {
      client_id: DAEMON_APP,
      client_secret: DAEMON_SECRET,
      grant_type: 'client_credentials',
      scope: 'https://outlook.office365.com/.default',
    });
    expect(res.json).toMatchObject({ error: 'unauthorized_client', error_codes: [7000112] });
    const idp = idpErrorFromBody(res.json, res.status);
    if (!idp) throw new Error('not an error body');
    const p = diagnose(new IdpErrorResponse(idp), ctx());
    expect(p).toMatchObject({ code: 'AADSTS7000112', title: 'The app is disabled', category: 'setup' });
    expect(p.fixSteps[0]).toMatch(/Enterprise applications .*Enabled for users to sign-in/);
  });

  it('a user not assigned to an app that requires assignment -> AADSTS50105 page -> “not assigned”', async () => {
    change(app(PUBLIC_APP), 'assignmentRequired', true);
    change(app(PUBLIC_APP), 'assignedUsers', [USERS.bob.upn]);
    const p = await pageDiagnosis(PUBLIC_APP);
    expect(p.code).toBe('AADSTS50105');
    expect(p.title).toBe('The signed-in user is not assigned to this app');
    expect(p.fixSteps.join(' ')).toMatch(/Users and groups/);
    expect(p.fixSteps.join(' ')).toMatch(/Assignment required\?” → No/);
  });

  it('consent kept for admins -> AADSTS90094 page -> “An administrator must approve this app”', async () => {
    change(contoso(), 'userConsent', 'admin-only');
    const p = await pageDiagnosis(PUBLIC_APP);
    expect(p.code).toBe('AADSTS90094');
    expect(p.title).toBe('An administrator must approve this app');
    expect(p.commands[0]).toContain('/adminconsent?client_id=');
  });

  it('the admin consent workflow -> AADSTS90095 page -> “a consent request can be sent”', async () => {
    change(contoso(), 'userConsent', 'admin-consent-workflow');
    const p = await pageDiagnosis(PUBLIC_APP);
    expect(p.code).toBe('AADSTS90095');
    expect(p.title).toMatch(/consent request can be sent/);
    expect(p.fixSteps.join(' ')).toMatch(/Admin consent requests/);
  });

  it('a Microsoft first-party client ID asking for Exchange -> AADSTS65002 -> “belongs to a Microsoft app”', async () => {
    change(app(AEM_APP), 'firstParty', true);
    const pkce = pkcePair();
    const scope = 'https://outlook.office.com/SMTP.Send offline_access';
    const redirectUri = 'http://localhost:5000';
    const code = await authorizationCode(emu, { clientId: AEM_APP, scope, pkce, redirectUri }, USERS.alice);
    const res = await postToken(emu, CONTOSO, {
      client_id: AEM_APP,
      client_secret: AEM_SECRET,
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: pkce.verifier,
      scope,
    });
    expect(res.json).toMatchObject({ error_codes: [65002] });
    const idp = idpErrorFromBody(res.json, res.status);
    if (!idp) throw new Error('not an error body');
    const p = diagnose(new IdpErrorResponse(idp), ctx());
    expect(p).toMatchObject({
      code: 'AADSTS65002',
      title: 'This client ID belongs to a Microsoft app',
      field: 'clientId',
    });
  });
});
