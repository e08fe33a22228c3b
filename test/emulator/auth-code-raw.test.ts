// Authorization code + PKCE over raw HTTPS (§1.2-§1.6, §5.1, §6, §8): pages, redirects, redemption errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from './index';
import { authorizationCode, authorizeUrl, claims, pkcePair, postToken } from './test-helpers';
import { httpsRequest, signInOverHttp } from './sign-in-driver';
import { findApp } from './directory';
import * as ids from './fixtures/ids';

const { USERS } = ids;
let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

const SMTP = 'https://outlook.office.com/SMTP.Send openid profile offline_access';
const REDIRECT = 'http://localhost:5000';

async function redeem(code: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  return postToken(
    emu,
    undefined,
    { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, scope: SMTP, ...form },
    headers,
  );
}

describe('§1.3 success: redirect and redemption', () => {
  it('redirects with code, state, session_state and client_info, and redeems to v1 Exchange + v2 id tokens', async () => {
    const pkce = pkcePair('S256');
    const end = await signInOverHttp(
      authorizeUrl(emu, { clientId: ids.AEM_APP, scope: SMTP, pkce }),
      emu.caPem,
      USERS.alice,
    );
    if (end.kind !== 'redirect') throw new Error(end.kind);
    expect(end.location.startsWith(`${REDIRECT}?`)).toBe(true);
    expect(end.params).toMatchObject({ state: 'state-123' });
    expect(end.params.session_state).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(Buffer.from(end.params.client_info!, 'base64url').toString())).toEqual({
      uid: '0a0a0a0a-0000-4000-8000-00000000a11c',
      utid: ids.CONTOSO,
    });
    const res = await redeem(end.params.code!, {
      client_id: ids.AEM_APP,
      client_secret: ids.AEM_SECRET,
      code_verifier: pkce.verifier,
      client_info: '1',
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ token_type: 'Bearer', expires_in: 3599 });
    expect(String(res.json.refresh_token)).not.toContain('.ey');
    expect(claims(res.json.access_token)).toMatchObject({
      aud: 'https://outlook.office.com',
      scp: 'SMTP.Send Mail.Send Mail.Read',
      upn: USERS.alice.upn,
      unique_name: USERS.alice.upn,
      tid: ids.CONTOSO,
      appid: ids.AEM_APP,
      appidacr: '1',
      ver: '1.0',
      iss: `https://sts.windows.net/${ids.CONTOSO}/`,
    });
    expect(claims(res.json.id_token)).toMatchObject({
      aud: ids.AEM_APP,
      nonce: 'nonce-456',
      preferred_username: USERS.alice.upn,
      tid: ids.CONTOSO,
      ver: '2.0',
      iss: `${emu.authorityHost}/${ids.CONTOSO}/v2.0`,
    });
    expect(String(res.json.scope).split(' ')).toEqual(
      expect.arrayContaining(['https://outlook.office.com/SMTP.Send', 'offline_access']),
    );
    expect(res.json.client_info).toBe(end.params.client_info);
  });

  it('§1.2 PKCE plain works too', async () => {
    const pkce = pkcePair('plain');
    const code = await authorizationCode(emu, { clientId: ids.AEM_APP, scope: SMTP, pkce }, USERS.alice);
    expect(
      (await redeem(code, { client_id: ids.AEM_APP, client_secret: ids.AEM_SECRET, code_verifier: pkce.verifier }))
        .status,
    ).toBe(200);
  });

  it('§1.2 response_mode=form_post renders an auto-submitting form to the redirect URI', async () => {
    const end = await signInOverHttp(
      authorizeUrl(emu, { clientId: ids.AEM_APP, scope: SMTP, responseMode: 'form_post' }),
      emu.caPem,
      USERS.alice,
    );
    if (end.kind !== 'form_post') throw new Error(end.kind);
    expect(end.action).toBe(REDIRECT);
    expect(Object.keys(end.params)).toEqual(expect.arrayContaining(['code', 'state', 'session_state']));
  });

  it('§1.5/§6 audience rule: a Graph scope first yields a Graph token', async () => {
    const scope = 'https://graph.microsoft.com/User.Read https://outlook.office.com/SMTP.Send offline_access';
    const code = await authorizationCode(emu, { clientId: ids.AEM_APP, scope }, USERS.alice);
    const res = await redeem(code, { client_id: ids.AEM_APP, client_secret: ids.AEM_SECRET, scope });
    expect(claims(res.json.access_token)).toMatchObject({
      aud: 'https://graph.microsoft.com',
      scp: 'User.Read SMTP.Send',
    });
  });
});

describe('§5.1 redemption errors', () => {
  it.each([
    ['a reused code', 54005],
    ['an expired code (10 min, emulator clock)', 70000],
    ['a wrong PKCE verifier', 501481],
    ['another redirect_uri than at /authorize', 500112],
    ['no secret from a web app', 7000218],
    ['a garbled code', 9002313],
  ] as const)('%s -> AADSTS%s', async (name, codeNo) => {
    const pkce = pkcePair();
    const code = await authorizationCode(emu, { clientId: ids.AEM_APP, scope: SMTP, pkce }, USERS.alice);
    const base = { client_id: ids.AEM_APP, client_secret: ids.AEM_SECRET, code_verifier: pkce.verifier };
    let res;
    if (name === 'a reused code') {
      expect((await redeem(code, base)).status).toBe(200);
      res = await redeem(code, base);
    } else if (name.startsWith('an expired')) {
      emu.clock.advance(11 * 60_000);
      res = await redeem(code, base);
    } else if (name === 'a wrong PKCE verifier')
      res = await redeem(code, { ...base, code_verifier: pkcePair().verifier });
    else if (name.startsWith('another'))
      res = await postToken(emu, undefined, {
        grant_type: 'authorization_code',
        code,
        redirect_uri: 'https://example.com/callback',
        ...base,
      });
    else if (name === 'no secret from a web app')
      res = await redeem(code, { client_id: ids.AEM_APP, code_verifier: pkce.verifier });
    else res = await redeem(code.slice(0, -5).toLowerCase(), base);
    expect(res.json.error_codes).toEqual([codeNo]);
    expect(res.status).toBe(codeNo === 7000218 ? 401 : 400);
  });

  it('§8 public client sending a secret -> 401 AADSTS700025', async () => {
    const code = await authorizationCode(emu, { clientId: ids.PUBLIC_APP, scope: SMTP }, USERS.alice);
    const res = await redeem(code, { client_id: ids.PUBLIC_APP, client_secret: 'anything' });
    expect([res.status, res.json.error, res.json.error_codes]).toEqual([401, 'invalid_client', [700025]]);
  });

  it('§8 SPA-platform redirect redeemed without Origin -> AADSTS9002327; with Origin it works', async () => {
    const code = await authorizationCode(emu, { clientId: ids.SPA_APP, scope: SMTP }, USERS.alice);
    expect((await redeem(code, { client_id: ids.SPA_APP })).json.error_codes).toEqual([9002327]);
    const code2 = await authorizationCode(emu, { clientId: ids.SPA_APP, scope: SMTP }, USERS.alice);
    const ok = await redeem(code2, { client_id: ids.SPA_APP }, { Origin: 'http://localhost:5000' });
    expect(ok.status).toBe(200);
    expect(ok.json.refresh_token_expires_in).toBe(86400);
  });
});

describe('behaviour knobs', () => {
  it('expiredCodeError: 70008 reports an expired code as AADSTS70008 (§5.1 lists both)', async () => {
    const e = await startEmulator({ behaviour: { expiredCodeError: 70008 } });
    try {
      const code = await authorizationCode(e, { clientId: ids.AEM_APP, scope: SMTP }, USERS.alice);
      e.clock.advance(11 * 60_000);
      const res = await postToken(e, undefined, {
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT,
        client_id: ids.AEM_APP,
        client_secret: ids.AEM_SECRET,
      });
      expect(res.json.error_codes).toEqual([70008]);
    } finally {
      await e.close();
    }
  });
});

describe('§1.3 Entra error pages (not redirected)', () => {
  it.each([
    ['redirect URI not registered', { clientId: ids.AEM_APP, redirectUri: 'https://evil.example/cb' }, 50011],
    ['unknown application', { clientId: '99999999-0000-4000-8000-000000000000' }, 700016],
    ['no reply address registered', { clientId: ids.NO_REPLY_APP }, 500113],
  ] as const)('%s -> HTML page with AADSTS%s', async (_n, p, code) => {
    const res = await httpsRequest(authorizeUrl(emu, { scope: SMTP, ...p }), emu.caPem);
    expect(res.status).toBe(400);
    expect(res.headers.location).toBeUndefined();
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain("Sorry, but we're having trouble signing you in.");
    expect(res.body).toContain(`AADSTS${code}:`);
  });
});

describe('§1.3 errors redirected to the app', () => {
  it('invalid scope -> error=invalid_scope AADSTS70011; SMTP.SendAsApp is not a delegated scope (§6)', async () => {
    for (const scope of [
      'https://outlook.office.com/No.Such offline_access',
      'https://outlook.office.com/SMTP.SendAsApp offline_access',
    ]) {
      const res = await httpsRequest(authorizeUrl(emu, { clientId: ids.AEM_APP, scope }), emu.caPem);
      const q = new URL(String(res.headers.location)).searchParams;
      expect(q.get('error')).toBe('invalid_scope');
      expect(q.get('error_description')).toMatch(/^AADSTS70011: /);
      expect(q.get('state')).toBe('state-123');
    }
  });

  it('consent page lists the permissions; Cancel -> error=access_denied AADSTS65004', async () => {
    const first = await httpsRequest(authorizeUrl(emu, { clientId: ids.PUBLIC_APP, scope: SMTP }), emu.caPem);
    expect(first.body).toContain('<button type="submit">Sign in</button>');
    const ctx = /name="ctx" value="([^"]+)"/.exec(first.body)![1]!;
    const consent = await httpsRequest(`${emu.authority()}/oauth2/v2.0/authorize`, emu.caPem, {
      body: new URLSearchParams({
        ctx,
        step: 'signin',
        username: USERS.erin.upn,
        password: USERS.erin.password,
      }).toString(),
    });
    expect(consent.body).toContain('<li>SMTP.Send (Office 365 Exchange Online)</li>');
    expect(consent.body).toMatch(/value="accept">Accept<\/button>[\s\S]*value="cancel">Cancel<\/button>/);
    const end = await signInOverHttp(authorizeUrl(emu, { clientId: ids.PUBLIC_APP, scope: SMTP }), emu.caPem, {
      ...USERS.erin,
      consent: 'cancel',
    });
    if (end.kind !== 'redirect') throw new Error(end.kind);
    expect(end.params.error).toBe('access_denied');
    expect(end.params.error_description).toMatch(/^AADSTS65004: User declined to consent to access the app\./);
  });

  it('after Accept the consent is remembered (no consent page the second time)', async () => {
    await authorizationCode(emu, { clientId: ids.PUBLIC_APP, scope: SMTP }, { ...USERS.erin, consent: 'accept' });
    const again = await signInOverHttp(authorizeUrl(emu, { clientId: ids.PUBLIC_APP, scope: SMTP }), emu.caPem, {
      ...USERS.erin,
      consent: 'cancel',
    });
    expect(again.kind).toBe('redirect');
    expect(again.kind === 'redirect' && again.params.code).toBeTruthy();
  });

  it('prompt=none without a session -> error=login_required AADSTS50058', async () => {
    const res = await httpsRequest(
      authorizeUrl(emu, { clientId: ids.AEM_APP, scope: SMTP, extra: { prompt: 'none' } }),
      emu.caPem,
    );
    const q = new URL(String(res.headers.location)).searchParams;
    expect([q.get('error'), q.get('error_description')?.slice(0, 13)]).toEqual(['login_required', 'AADSTS50058: ']);
  });

  it('response_type without code -> unsupported_response_type AADSTS700054', async () => {
    const res = await httpsRequest(
      authorizeUrl(emu, { clientId: ids.AEM_APP, scope: SMTP, extra: { response_type: 'token' } }),
      emu.caPem,
    );
    expect(new URL(String(res.headers.location)).searchParams.get('error')).toBe('unsupported_response_type');
  });
});

describe('§5.1 users and policies at sign-in', () => {
  it('wrong password and unknown user stay on the sign-in page with AADSTS50126 / AADSTS50034', async () => {
    const wrong = await signInOverHttp(authorizeUrl(emu, { clientId: ids.AEM_APP, scope: SMTP }), emu.caPem, {
      upn: USERS.alice.upn,
      password: 'x',
    });
    expect(wrong.kind === 'page' && wrong.text).toContain('AADSTS50126');
    const unknown = await signInOverHttp(authorizeUrl(emu, { clientId: ids.AEM_APP, scope: SMTP }), emu.caPem, {
      upn: 'nobody@contoso.com',
      password: 'x',
    });
    expect(unknown.kind === 'page' && unknown.text).toContain('AADSTS50034');
  });

  it('MFA-required user gets an Approve step; the token then carries amr mfa', async () => {
    const stopped = await signInOverHttp(authorizeUrl(emu, { clientId: ids.AEM_APP, scope: SMTP }), emu.caPem, {
      ...USERS.bob,
      approveMfa: false,
    });
    expect(stopped.kind === 'page' && stopped.text).toContain('Approve sign in request');
    const code = await authorizationCode(emu, { clientId: ids.AEM_APP, scope: SMTP }, USERS.bob);
    const res = await redeem(code, { client_id: ids.AEM_APP, client_secret: ids.AEM_SECRET });
    expect(claims(res.json.access_token).amr).toEqual(['pwd', 'mfa']);
  });

  it('Conditional Access block -> AADSTS53003 page (default) or interaction_required/message_only redirect (behaviour)', async () => {
    const page = await signInOverHttp(
      authorizeUrl(emu, { clientId: ids.AEM_APP, scope: SMTP }),
      emu.caPem,
      USERS.carol,
    );
    expect(page.kind === 'page' && page.text).toContain(
      'AADSTS53003: Access has been blocked by Conditional Access policies.',
    );
    const emu2 = await startEmulator({ behaviour: { conditionalAccessAtAuthorize: 'redirect' } });
    try {
      const end = await signInOverHttp(
        authorizeUrl(emu2, { clientId: ids.AEM_APP, scope: SMTP }),
        emu2.caPem,
        USERS.carol,
      );
      expect(end.kind === 'redirect' && [end.params.error, end.params.suberror]).toEqual([
        'interaction_required',
        'message_only',
      ]);
    } finally {
      await emu2.close();
    }
  });

  it('personal account on an AzureADMyOrg app -> AADSTS50020 page', async () => {
    const end = await signInOverHttp(
      authorizeUrl(emu, { clientId: ids.AEM_APP, scope: SMTP, tenant: 'common' }),
      emu.caPem,
      USERS.pat,
    );
    expect(end.kind === 'page' && end.text).toContain(
      "AADSTS50020: User account 'pat@outlook.com' from identity provider 'live.com' does not exist in tenant",
    );
  });

  it('user of another tenant on an AzureADMyOrg app -> AADSTS50020 page', async () => {
    const end = await signInOverHttp(authorizeUrl(emu, { clientId: ids.AEM_APP, scope: SMTP }), emu.caPem, USERS.frank);
    expect(end.kind === 'page' && end.text).toContain('AADSTS50020');
  });

  it('§6 personal account on an app that allows them gets an opaque (non-JWT) Outlook token', async () => {
    const app = findApp(emu.directory, ids.PUBLIC_APP)!.app;
    app.signInAudience = 'AzureADandPersonalMicrosoftAccount';
    try {
      const code = await authorizationCode(emu, { clientId: ids.PUBLIC_APP, scope: SMTP, tenant: 'common' }, USERS.pat);
      const res = await postToken(emu, 'common', {
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT,
        client_id: ids.PUBLIC_APP,
        scope: SMTP,
      });
      expect(res.status).toBe(200);
      expect(String(res.json.access_token).split('.').length).not.toBe(3);
      expect(claims(res.json.id_token).tid).toBe('9188040d-6c67-4c5b-b112-36a304b66dad');
    } finally {
      app.signInAudience = 'AzureADMyOrg';
    }
  });
});
