// Non-interactive paths where MFA and Conditional Access can only fail (§5.1: AADSTS50076 basic_action,
// AADSTS53003 message_only): the password grant (ROPC) raw and through MSAL; plus the client PFX.
import { createSecureContext } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionRequiredAuthError, PublicClientApplication } from '@azure/msal-node';
import { startEmulator, type Emulator } from './index';
import { aadstsOf, claims, msalConfig, postToken } from './test-helpers';
import { findApp } from './directory';
import * as ids from './fixtures/ids';

const { USERS } = ids;
const SCOPE = 'https://outlook.office.com/SMTP.Send offline_access openid profile';
let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
  findApp(emu.directory, ids.PUBLIC_APP)!.app.adminConsent = true;
});
afterAll(() => emu.close());

const ropc = (user: { upn: string; password: string }, clientId = ids.PUBLIC_APP) =>
  postToken(emu, undefined, {
    grant_type: 'password',
    client_id: clientId,
    username: user.upn,
    password: user.password,
    scope: SCOPE,
  });

describe('raw HTTPS', () => {
  it('a plain user gets tokens', async () => {
    const res = await ropc(USERS.alice);
    expect(res.status).toBe(200);
    expect(claims(res.json.access_token)).toMatchObject({ upn: USERS.alice.upn, appidacr: '0' });
  });

  it.each([
    ['MFA required', USERS.bob, 'invalid_grant', 'basic_action', 50076],
    ['Conditional Access block', USERS.carol, 'interaction_required', 'message_only', 53003],
  ] as const)('%s -> %s / %s AADSTS%s', async (_n, user, error, suberror, code) => {
    const res = await ropc(user);
    expect([res.status, res.json.error, res.json.suberror, res.json.error_codes]).toEqual([
      400,
      error,
      suberror,
      [code],
    ]);
  });

  it('wrong password -> AADSTS50126; unknown user -> AADSTS50034', async () => {
    expect((await ropc({ upn: USERS.alice.upn, password: 'x' })).json.error_codes).toEqual([50126]);
    expect((await ropc({ upn: 'ghost@contoso.com', password: 'x' })).json.error_codes).toEqual([50034]);
  });

  it('a web app without "Allow public client flows" -> AADSTS7000218', async () => {
    expect((await ropc(USERS.alice, ids.AEM_APP)).json.error_codes).toEqual([7000218]);
  });
});

describe('MSAL acquireTokenByUsernamePassword', () => {
  const scopes = ['https://outlook.office.com/SMTP.Send'];
  const pca = () => new PublicClientApplication(msalConfig(emu, { clientId: ids.PUBLIC_APP }));

  it('succeeds for a plain user', async () => {
    const r = await pca().acquireTokenByUsernamePassword({
      scopes,
      username: USERS.alice.upn,
      password: USERS.alice.password,
    });
    expect(r?.account?.username).toBe(USERS.alice.upn);
  });

  it.each([
    [USERS.bob, 50076],
    [USERS.carol, 53003],
  ] as const)('%o -> InteractionRequiredAuthError AADSTS%s', async (user, code) => {
    const err = await pca()
      .acquireTokenByUsernamePassword({ scopes, username: user.upn, password: user.password })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(InteractionRequiredAuthError);
    expect(aadstsOf(err)).toBe(code);
  });
});

describe('Daemon Mailer client certificate', () => {
  it('the PFX opens with its password in node:tls', () => {
    const c = emu.certificates.app2;
    expect(() =>
      createSecureContext({ pfx: Buffer.from(c.pfxBase64, 'base64'), passphrase: c.pfxPassword }),
    ).not.toThrow();
    expect(c.thumbprintSha1Hex).toMatch(/^[0-9A-F]{40}$/);
    expect(c.thumbprintSha256Hex).toMatch(/^[0-9A-F]{64}$/);
  });
});
