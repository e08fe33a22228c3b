// refresh_token grant (§1.5, §6, §5.1): rotation, 90-day inactivity, revocation, sign-in frequency,
// MFA / Conditional Access / consent re-evaluated, audience rule — raw, then MSAL acquireTokenByRefreshToken.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfidentialClientApplication, InteractionRequiredAuthError, PublicClientApplication } from '@azure/msal-node';
import { startEmulator, type Emulator } from './index';
import { aadstsOf, authorizationCode, claims, delegatedTokens, msalConfig, postToken } from './test-helpers';
import { findApp, findUser } from './directory';
import * as ids from './fixtures/ids';

const { USERS } = ids;
const DAY = 86_400_000;
const SMTP = 'https://outlook.office.com/SMTP.Send openid profile offline_access';
let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

async function aliceRt(user: { upn: string; password: string } = USERS.alice): Promise<string> {
  const t = await delegatedTokens(emu, { clientId: ids.AEM_APP, secret: ids.AEM_SECRET, scope: SMTP, user });
  return String(t.refresh_token);
}
const refresh = (
  rt: string,
  extra: Record<string, string> = {},
  clientId = ids.AEM_APP,
  secret: string | null = ids.AEM_SECRET,
  headers: Record<string, string> = {},
) =>
  postToken(
    emu,
    undefined,
    {
      grant_type: 'refresh_token',
      client_id: clientId,
      refresh_token: rt,
      scope: SMTP,
      ...(secret ? { client_secret: secret } : {}),
      ...extra,
    },
    headers,
  );

describe('raw HTTPS', () => {
  it('§1.5 rotates: a new opaque refresh token each time, and the old one still works', async () => {
    const rt = await aliceRt();
    const a = await refresh(rt);
    expect(a.status).toBe(200);
    expect(a.json.refresh_token).not.toBe(rt);
    expect(String(a.json.refresh_token).split('.').length).toBeLessThan(3);
    expect((await refresh(rt)).status).toBe(200);
  });

  it('§6 90 days without use (emulator clock) -> AADSTS700082 invalid_grant / bad_token', async () => {
    const rt = await aliceRt();
    emu.clock.advance(89 * DAY);
    const kept = await refresh(rt);
    expect(kept.status).toBe(200);
    emu.clock.advance(91 * DAY);
    const res = await refresh(String(kept.json.refresh_token));
    expect([res.status, res.json.error, res.json.suberror, res.json.error_codes]).toEqual([
      400,
      'invalid_grant',
      'bad_token',
      [700082],
    ]);
    expect(String(res.json.error_description)).toContain('was inactive for 90.00:00:00');
  });

  it('§6 revoked (emu.revokeRefreshTokens) -> AADSTS50173', async () => {
    const rt = await aliceRt();
    emu.clock.advance(1000);
    emu.revokeRefreshTokens(USERS.alice.upn);
    const res = await refresh(rt);
    expect([res.json.error, res.json.error_codes]).toEqual(['invalid_grant', [50173]]);
    expect((await refresh(await aliceRt())).status).toBe(200);
  });

  it('§6 sign-in frequency (erin, 24 h) -> AADSTS70043 after 25 hours', async () => {
    const rt = await aliceRt(USERS.erin);
    emu.clock.advance(23 * 3600_000);
    expect((await refresh(rt)).status).toBe(200);
    emu.clock.advance(2 * 3600_000);
    const res = await refresh(rt);
    expect([res.json.error, res.json.error_codes]).toEqual(['invalid_grant', [70043]]);
  });

  it('§5.1 MFA now required, token from a password-only sign-in -> AADSTS50076 basic_action', async () => {
    const rt = await aliceRt();
    const alice = findUser(emu.directory, USERS.alice.upn)!.user;
    alice.mfaRequired = true;
    try {
      const res = await refresh(rt);
      expect([res.json.error, res.json.suberror, res.json.error_codes]).toEqual([
        'invalid_grant',
        'basic_action',
        [50076],
      ]);
      expect(String(res.json.error_description)).toContain("access '00000002-0000-0ff1-ce00-000000000000'");
    } finally {
      alice.mfaRequired = false;
    }
  });

  it('§5.1 Conditional Access now blocks the user -> AADSTS53003 interaction_required / message_only', async () => {
    const rt = await aliceRt();
    const alice = findUser(emu.directory, USERS.alice.upn)!.user;
    alice.blockedByConditionalAccess = true;
    try {
      const res = await refresh(rt);
      expect([res.status, res.json.error, res.json.suberror, res.json.error_codes]).toEqual([
        400,
        'interaction_required',
        'message_only',
        [53003],
      ]);
    } finally {
      alice.blockedByConditionalAccess = false;
    }
  });

  it('§5.1 a scope nobody consented to -> AADSTS65001 consent_required; an unknown scope -> AADSTS70011', async () => {
    const rt = await aliceRt();
    const res = await refresh(rt, { scope: 'https://outlook.office.com/IMAP.AccessAsUser.All offline_access' });
    expect([res.json.error, res.json.suberror, res.json.error_codes]).toEqual([
      'invalid_grant',
      'consent_required',
      [65001],
    ]);
    const bad = await refresh(rt, { scope: 'https://outlook.office.com/Nope offline_access' });
    expect([bad.json.error, bad.json.error_codes]).toEqual(['invalid_scope', [70011]]);
  });

  it('§5.1 admin consent withdrawn -> AADSTS65001', async () => {
    const rt = await aliceRt();
    const app = findApp(emu.directory, ids.AEM_APP)!.app;
    app.adminConsent = false;
    try {
      expect((await refresh(rt)).json.error_codes).toEqual([65001]);
    } finally {
      app.adminConsent = true;
    }
  });

  it("§1.5 the token is for the first scope's resource; any consented resource can be asked for", async () => {
    const rt = await aliceRt();
    const graph = await refresh(rt, {
      scope: 'https://graph.microsoft.com/User.Read https://outlook.office.com/SMTP.Send',
    });
    expect(claims(graph.json.access_token).aud).toBe('https://graph.microsoft.com');
    const o365 = await refresh(rt, { scope: 'https://outlook.office365.com/SMTP.Send offline_access' });
    expect(claims(o365.json.access_token)).toMatchObject({
      aud: 'https://outlook.office365.com',
      scp: 'SMTP.Send Mail.Send Mail.Read',
    });
  });

  it('§5.1 a garbled refresh token -> AADSTS9002313; a wrong secret -> AADSTS7000215', async () => {
    const rt = await aliceRt();
    expect((await refresh(rt.toLowerCase())).json.error_codes).toEqual([9002313]);
    expect((await refresh(rt, {}, ids.AEM_APP, 'wrong')).json.error_codes).toEqual([7000215]);
  });

  it('§6 SPA refresh tokens have a fixed 24 h lifetime -> AADSTS700084', async () => {
    const code = await authorizationCode(emu, { clientId: ids.SPA_APP, scope: SMTP }, USERS.alice);
    const origin = { Origin: 'http://localhost:5000' };
    const t = await postToken(
      emu,
      undefined,
      {
        grant_type: 'authorization_code',
        client_id: ids.SPA_APP,
        code,
        redirect_uri: 'http://localhost:5000',
        scope: SMTP,
      },
      origin,
    );
    const rt = String(t.json.refresh_token);
    expect((await refresh(rt, {}, ids.SPA_APP, null, origin)).status).toBe(200);
    emu.clock.advance(DAY + 60_000);
    expect((await refresh(rt, {}, ids.SPA_APP, null, origin)).json.error_codes).toEqual([700084]);
  });
});

describe('MSAL acquireTokenByRefreshToken', () => {
  const scopes = ['https://outlook.office.com/SMTP.Send'];

  it('ConfidentialClientApplication with forceCache caches the rotated refresh token', async () => {
    const rt = await aliceRt();
    const cca = new ConfidentialClientApplication(
      msalConfig(emu, { clientId: ids.AEM_APP, clientSecret: ids.AEM_SECRET }),
    );
    const r = await cca.acquireTokenByRefreshToken({ refreshToken: rt, scopes, forceCache: true });
    expect(r?.account?.username).toBe(USERS.alice.upn);
    const cache = JSON.parse(cca.getTokenCache().serialize()) as { RefreshToken: Record<string, { secret: string }> };
    const rotated = Object.values(cache.RefreshToken)[0]?.secret;
    expect(rotated).toBeTruthy();
    expect(rotated).not.toBe(rt);
  });

  it('PublicClientApplication refresh for the public app', async () => {
    const code = await authorizationCode(
      emu,
      { clientId: ids.PUBLIC_APP, scope: SMTP },
      { ...USERS.erin, consent: 'accept' },
    );
    const t = await postToken(emu, undefined, {
      grant_type: 'authorization_code',
      client_id: ids.PUBLIC_APP,
      code,
      redirect_uri: 'http://localhost:5000',
      scope: SMTP,
    });
    const pca = new PublicClientApplication(msalConfig(emu, { clientId: ids.PUBLIC_APP }));
    const r = await pca.acquireTokenByRefreshToken({
      refreshToken: String(t.json.refresh_token),
      scopes,
      forceCache: true,
    });
    expect(claims(r?.accessToken).upn).toBe(USERS.erin.upn);
  });

  it.each([
    ['90-day inactivity', 700082],
    ['MFA now required', 50076],
    ['Conditional Access block', 53003],
    ['consent withdrawn', 65001],
  ] as const)('%s -> InteractionRequiredAuthError carrying AADSTS%s', async (name, code) => {
    const rt = await aliceRt();
    const alice = findUser(emu.directory, USERS.alice.upn)!.user;
    const app = findApp(emu.directory, ids.AEM_APP)!.app;
    if (name.startsWith('90')) emu.clock.advance(91 * DAY);
    if (name.startsWith('MFA')) alice.mfaRequired = true;
    if (name.startsWith('Conditional')) alice.blockedByConditionalAccess = true;
    if (name.startsWith('consent')) app.adminConsent = false;
    try {
      const cca = new ConfidentialClientApplication(
        msalConfig(emu, { clientId: ids.AEM_APP, clientSecret: ids.AEM_SECRET }),
      );
      const err = await cca.acquireTokenByRefreshToken({ refreshToken: rt, scopes, forceCache: true }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(InteractionRequiredAuthError);
      expect(aadstsOf(err)).toBe(code);
    } finally {
      alice.mfaRequired = false;
      alice.blockedByConditionalAccess = false;
      app.adminConsent = true;
    }
  });
});
