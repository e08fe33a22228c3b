// Authorization code + PKCE through real MSAL (§1, §9): ConfidentialClientApplication and
// PublicClientApplication, the sign-in pages driven over raw HTTPS like a browser would.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConfidentialClientApplication,
  CryptoProvider,
  PublicClientApplication,
  type ServerError,
} from '@azure/msal-node';
import { startEmulator, type Emulator } from './index';
import { aadstsOf, claims, msalConfig } from './test-helpers';
import { signInOverHttp, type SignInOptions } from './sign-in-driver';
import * as ids from './fixtures/ids';

const { USERS } = ids;
let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

const scopes = ['https://outlook.office.com/SMTP.Send'];
const redirectUri = 'http://localhost:3000';
const crypto = new CryptoProvider();

async function codeFor(app: ConfidentialClientApplication | PublicClientApplication, user: SignInOptions) {
  const pkce = await crypto.generatePkceCodes();
  const url = await app.getAuthCodeUrl({
    scopes,
    redirectUri,
    codeChallenge: pkce.challenge,
    codeChallengeMethod: 'S256',
    state: 'st',
    nonce: 'nn',
  });
  const end = await signInOverHttp(url, emu.caPem, user);
  if (end.kind !== 'redirect' || !end.params.code) throw new Error(`sign-in ended with ${end.kind}`);
  return { code: end.params.code, verifier: pkce.verifier };
}

/** What a browser does with a form_post page: POST the fields to the loopback (always 127.0.0.1). */
function postForm(action: string, fields: Readonly<Record<string, string>>): Promise<number> {
  const u = new URL(action);
  const body = new URLSearchParams(fields).toString();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: u.port,
        path: u.pathname,
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('ConfidentialClientApplication', () => {
  it('getAuthCodeUrl + acquireTokenByCode: account from id_token/client_info, v1 Exchange token', async () => {
    const cca = new ConfidentialClientApplication(
      msalConfig(emu, { clientId: ids.AEM_APP, clientSecret: ids.AEM_SECRET }),
    );
    const { code, verifier } = await codeFor(cca, USERS.alice);
    const r = await cca.acquireTokenByCode({
      code,
      scopes,
      redirectUri,
      codeVerifier: verifier,
      state: 'st',
      nonce: 'nn',
    });
    expect(r.account?.username).toBe(USERS.alice.upn);
    expect(r.account?.homeAccountId).toBe(`0a0a0a0a-0000-4000-8000-00000000a11c.${ids.CONTOSO}`);
    expect(claims(r.accessToken)).toMatchObject({
      aud: 'https://outlook.office.com',
      scp: 'SMTP.Send Mail.Send Mail.Read',
    });
    const cache = JSON.parse(cca.getTokenCache().serialize()) as { RefreshToken: Record<string, { secret: string }> };
    expect(Object.values(cache.RefreshToken)).toHaveLength(1);
  });

  it('a reused code -> ServerError invalid_grant AADSTS54005', async () => {
    const cca = new ConfidentialClientApplication(
      msalConfig(emu, { clientId: ids.AEM_APP, clientSecret: ids.AEM_SECRET }),
    );
    const { code, verifier } = await codeFor(cca, USERS.alice);
    await cca.acquireTokenByCode({ code, scopes, redirectUri, codeVerifier: verifier, state: 'st', nonce: 'nn' });
    const err = await cca
      .acquireTokenByCode({ code, scopes, redirectUri, codeVerifier: verifier, state: 'st', nonce: 'nn' })
      .then(
        () => undefined,
        (e: unknown) => e as ServerError,
      );
    expect([err?.errorCode, aadstsOf(err)]).toEqual(['invalid_grant', 54005]);
  });

  it('a wrong PKCE verifier -> AADSTS501481', async () => {
    const cca = new ConfidentialClientApplication(
      msalConfig(emu, { clientId: ids.AEM_APP, clientSecret: ids.AEM_SECRET }),
    );
    const { code } = await codeFor(cca, USERS.alice);
    const wrong = (await crypto.generatePkceCodes()).verifier;
    const err = await cca
      .acquireTokenByCode({ code, scopes, redirectUri, codeVerifier: wrong, state: 'st', nonce: 'nn' })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(aadstsOf(err)).toBe(501481);
  });
});

describe('PublicClientApplication', () => {
  it('auth code + PKCE with the consent page accepted', async () => {
    const pca = new PublicClientApplication(msalConfig(emu, { clientId: ids.PUBLIC_APP }));
    const { code, verifier } = await codeFor(pca, { ...USERS.erin, consent: 'accept' });
    const r = await pca.acquireTokenByCode({
      code,
      scopes,
      redirectUri,
      codeVerifier: verifier,
      state: 'st',
      nonce: 'nn',
    });
    expect(claims(r.accessToken)).toMatchObject({ upn: USERS.erin.upn, appidacr: '0', scp: 'SMTP.Send' });
  });

  it.each(['common', 'organizations', 'contoso.com'])(
    '§1.1 authority %s: code redemption, then acquireTokenSilent refreshes through the emulator',
    async (tenant) => {
      const pca = new PublicClientApplication(msalConfig(emu, { clientId: ids.PUBLIC_APP }, tenant));
      const { code, verifier } = await codeFor(pca, { ...USERS.alice, consent: 'accept' });
      const r = await pca.acquireTokenByCode({
        code,
        scopes,
        redirectUri,
        codeVerifier: verifier,
        state: 'st',
        nonce: 'nn',
      });
      expect(r.tenantId).toBe(ids.CONTOSO);
      const before = emu.requestLog.filter((e) => e.grantType === 'refresh_token').length;
      const s = await pca.acquireTokenSilent({ account: r.account!, scopes, forceRefresh: true });
      expect(s.fromCache).toBe(false);
      expect(emu.requestLog.filter((e) => e.grantType === 'refresh_token').length).toBe(before + 1);
    },
  );

  it('acquireTokenInteractive: loopback listener + response_mode=form_post', async () => {
    const pca = new PublicClientApplication(msalConfig(emu, { clientId: ids.PUBLIC_APP }));
    let mode = '';
    const r = await pca.acquireTokenInteractive({
      scopes,
      openBrowser: async (url) => {
        mode = new URL(url).searchParams.get('response_mode') ?? '';
        const end = await signInOverHttp(url, emu.caPem, { ...USERS.alice, consent: 'accept' });
        if (end.kind !== 'form_post') throw new Error(`expected form_post, got ${end.kind}`);
        await postForm(end.action, end.params);
      },
    });
    expect(mode).toBe('form_post');
    expect(r.account?.username).toBe(USERS.alice.upn);
    expect(claims(r.accessToken).aud).toBe('https://outlook.office.com');
  });

  it('consent declined surfaces as an access_denied error with AADSTS65004', async () => {
    const pca = new PublicClientApplication(msalConfig(emu, { clientId: ids.PUBLIC_APP }));
    const err = await pca
      .acquireTokenInteractive({
        scopes,
        openBrowser: async (url) => {
          const end = await signInOverHttp(url, emu.caPem, { ...USERS.bob, consent: 'cancel' });
          if (end.kind !== 'form_post') throw new Error(end.kind);
          await postForm(end.action, end.params);
        },
      })
      .then(
        () => undefined,
        (e: unknown) => e as ServerError,
      );
    expect(err?.errorCode).toBe('access_denied');
    expect(aadstsOf(err)).toBe(65004);
  });
});
