// Admin consent (§3 D5/D2), sign-out, and SSO for prompt=none (§1.2).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CryptoProvider, PublicClientApplication } from '@azure/msal-node';
import { startEmulator, type Emulator } from './index';
import { authorizeUrl, msalConfig } from './test-helpers';
import { httpsRequest, signInOverHttp } from './sign-in-driver';
import { findApp } from './directory';
import * as ids from './fixtures/ids';

const { USERS } = ids;
let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

const adminConsentUrl = (e: Emulator, v2: boolean, extra: Record<string, string> = {}) =>
  `${e.authority()}/${v2 ? 'v2.0/' : ''}adminconsent?${new URLSearchParams({ client_id: ids.PUBLIC_APP, redirect_uri: 'http://localhost/', state: 'adm', ...(v2 ? { scope: 'https://outlook.office.com/.default' } : {}), ...extra }).toString()}`;

describe('raw HTTPS', () => {
  it('§3 v2: a global admin accepts -> admin_consent=True&tenant&scope&state, and the app is consented', async () => {
    const e = await startEmulator();
    try {
      const first = await httpsRequest(adminConsentUrl(e, true), e.caPem);
      expect(first.body).toContain('name="password"');
      const end = await signInOverHttp(adminConsentUrl(e, true), e.caPem, { ...USERS.alice, consent: 'accept' });
      if (end.kind !== 'redirect') throw new Error(end.kind);
      expect(end.params).toEqual({
        admin_consent: 'True',
        tenant: ids.CONTOSO,
        scope: 'https://outlook.office.com/.default',
        state: 'adm',
      });
      expect(findApp(e.directory, ids.PUBLIC_APP)?.app.adminConsent).toBe(true);
    } finally {
      await e.close();
    }
  });

  it('§3 v2 Cancel -> error=access_denied with AADSTS65004; v1 Cancel -> permission_denied', async () => {
    const v2 = await signInOverHttp(adminConsentUrl(emu, true), emu.caPem, { ...USERS.alice, consent: 'cancel' });
    expect(v2.kind === 'redirect' && [v2.params.error, v2.params.error_description]).toEqual([
      'access_denied',
      'AADSTS65004: The resource owner or authorization server denied the request.',
    ]);
    const v1 = await signInOverHttp(adminConsentUrl(emu, false), emu.caPem, { ...USERS.alice, consent: 'cancel' });
    expect(v1.kind === 'redirect' && v1.params.error).toBe('permission_denied');
    expect(findApp(emu.directory, ids.PUBLIC_APP)?.app.adminConsent).toBe(false);
  });

  it('a user who is not an admin gets an error page (AADSTS90094)', async () => {
    const end = await signInOverHttp(adminConsentUrl(emu, true), emu.caPem, USERS.erin);
    expect(end.kind === 'page' && end.text).toContain('AADSTS90094');
  });

  it('§1.3 an unregistered redirect URI is shown as an error page (AADSTS50011)', async () => {
    const res = await httpsRequest(adminConsentUrl(emu, true, { redirect_uri: 'https://evil.example/' }), emu.caPem);
    expect([res.status, res.body.includes('AADSTS50011')]).toEqual([400, true]);
  });
});

describe('sessions: prompt=none and logout', () => {
  it('after a sign-in the session cookie allows prompt=none; after logout it gives login_required again', async () => {
    const url = authorizeUrl(emu, {
      clientId: ids.AEM_APP,
      scope: 'https://outlook.office.com/SMTP.Send offline_access',
    });
    // Sign in by hand to keep the session cookie, as a browser would.
    const page = await httpsRequest(url, emu.caPem);
    const ctx = /name="ctx" value="([^"]+)"/.exec(page.body)![1]!;
    const signed = await httpsRequest(`${emu.authority()}/oauth2/v2.0/authorize`, emu.caPem, {
      body: new URLSearchParams({
        ctx,
        step: 'signin',
        username: USERS.alice.upn,
        password: USERS.alice.password,
      }).toString(),
    });
    const cookie = String(signed.headers['set-cookie']).split(';')[0]!;
    const silent = await httpsRequest(`${url}&prompt=none`, emu.caPem, { headers: { Cookie: cookie } });
    expect(new URL(String(silent.headers.location)).searchParams.get('code')).toBeTruthy();
    const out = await httpsRequest(
      `${emu.authority()}/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent('http://localhost/bye')}`,
      emu.caPem,
      { headers: { Cookie: cookie } },
    );
    expect(out.headers.location).toBe('http://localhost/bye');
    const after = await httpsRequest(`${url}&prompt=none`, emu.caPem, { headers: { Cookie: cookie } });
    expect(new URL(String(after.headers.location)).searchParams.get('error')).toBe('login_required');
  });
});

describe('MSAL after admin consent', () => {
  it('a new user of the public app gets straight to the code: no consent page', async () => {
    const e = await startEmulator();
    try {
      await signInOverHttp(adminConsentUrl(e, true), e.caPem, { ...USERS.alice, consent: 'accept' });
      const pca = new PublicClientApplication(msalConfig(e, { clientId: ids.PUBLIC_APP }));
      const pkce = await new CryptoProvider().generatePkceCodes();
      const scopes = ['https://outlook.office.com/SMTP.Send'];
      const url = await pca.getAuthCodeUrl({
        scopes,
        redirectUri: 'http://localhost:3000',
        codeChallenge: pkce.challenge,
        codeChallengeMethod: 'S256',
      });
      const end = await signInOverHttp(url, e.caPem, { ...USERS.dave, consent: 'cancel' });
      if (end.kind !== 'redirect') throw new Error(end.kind);
      const r = await pca.acquireTokenByCode({
        code: end.params.code!,
        scopes,
        redirectUri: 'http://localhost:3000',
        codeVerifier: pkce.verifier,
      });
      expect(r.account?.username).toBe(USERS.dave.upn);
    } finally {
      await e.close();
    }
  });
});
