// Device code flow (§3): the devicecode endpoint, the /devicelogin page a person uses, polling
// errors, and MSAL's acquireTokenByDeviceCode driven through the same page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PublicClientApplication } from '@azure/msal-node';
import { startEmulator, type Emulator } from './index';
import { claims, msalConfig, postToken } from './test-helpers';
import { httpsRequest, type SignInOptions } from './sign-in-driver';
import { enterDeviceCode } from './http-sign-in';
import * as ids from './fixtures/ids';

const { USERS } = ids;
const SCOPE = 'https://outlook.office.com/SMTP.Send offline_access openid profile';
const GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ behaviour: { deviceCodeIntervalSeconds: 1 } });
});
afterAll(() => emu.close());

async function deviceCode(clientId = ids.PUBLIC_APP): Promise<Record<string, unknown>> {
  const res = await httpsRequest(`${emu.authority()}/oauth2/v2.0/devicecode`, emu.caPem, {
    body: new URLSearchParams({ client_id: clientId, scope: SCOPE }).toString(),
  });
  return JSON.parse(res.body) as Record<string, unknown>;
}

/** A person opens verification_uri, types the code, signs in (and consents). */
async function enterCode(verificationUri: string, userCode: string, user: SignInOptions): Promise<string> {
  return enterDeviceCode(emu.authorityHost, emu.caPem, verificationUri, userCode, user);
}

const poll = (device: string, clientId = ids.PUBLIC_APP) =>
  postToken(emu, undefined, { grant_type: GRANT, client_id: clientId, device_code: device });

describe('raw HTTPS', () => {
  it('§3 returns user_code, device_code, verification_uri, expires_in, interval and message', async () => {
    const d = await deviceCode();
    expect(d).toMatchObject({ verification_uri: `${emu.authorityHost}/devicelogin`, expires_in: 900, interval: 1 });
    expect(String(d.user_code)).toMatch(/^[A-Z0-9]{9}$/);
    expect(d.message).toBe(
      `To sign in, use a web browser to open the page ${emu.authorityHost}/devicelogin and enter the code ${String(d.user_code)} to authenticate.`,
    );
  });

  it('§3 polling: authorization_pending until the person signs in, then tokens once', async () => {
    const d = await deviceCode();
    const pending = await poll(String(d.device_code));
    expect([pending.status, pending.json.error, pending.json.error_codes]).toEqual([
      400,
      'authorization_pending',
      [70016],
    ]);
    expect(
      await enterCode(String(d.verification_uri), String(d.user_code), { ...USERS.alice, consent: 'accept' }),
    ).toContain('You have signed in');
    const ok = await poll(String(d.device_code));
    expect(ok.status).toBe(200);
    expect(claims(ok.json.access_token)).toMatchObject({ upn: USERS.alice.upn, aud: 'https://outlook.office.com' });
    expect(ok.json.refresh_token).toBeTruthy();
    expect((await poll(String(d.device_code))).json.error).toBe('bad_verification_code');
  });

  it('§3 the person presses Cancel on consent -> authorization_declined', async () => {
    const d = await deviceCode();
    await enterCode(String(d.verification_uri), String(d.user_code), { ...USERS.dave, consent: 'cancel' });
    expect((await poll(String(d.device_code))).json.error).toBe('authorization_declined');
  });

  it('§3 after 15 minutes -> expired_token', async () => {
    const d = await deviceCode();
    emu.clock.advance(16 * 60_000);
    expect((await poll(String(d.device_code))).json.error).toBe('expired_token');
  });

  it('§8 a web app without "Allow public client flows" -> AADSTS7000218 when polling', async () => {
    const d = await deviceCode(ids.AEM_APP);
    const res = await poll(String(d.device_code), ids.AEM_APP);
    expect([res.status, res.json.error_codes]).toEqual([401, [7000218]]);
  });

  it('a wrong code on the page keeps the person there', async () => {
    const res = await httpsRequest(`${emu.authorityHost}/devicelogin`, emu.caPem, { body: 'step=code&otc=WRONGCODE' });
    expect(res.body).toContain('Check the code and try again.');
  });
});

describe('MSAL PublicClientApplication.acquireTokenByDeviceCode', () => {
  it('polls while the person signs in on the page, then returns the account', async () => {
    const pca = new PublicClientApplication(msalConfig(emu, { clientId: ids.PUBLIC_APP }));
    const before = emu.requestLog.length;
    const r = await pca.acquireTokenByDeviceCode({
      scopes: ['https://outlook.office.com/SMTP.Send'],
      deviceCodeCallback: (resp) => {
        setTimeout(() => {
          void enterCode(resp.verificationUri, resp.userCode, { ...USERS.erin, consent: 'accept' });
        }, 200);
      },
    });
    expect(r?.account?.username).toBe(USERS.erin.upn);
    // msal-node sends the short grant_type `device_code` (msal-common GrantType), which Entra accepts too.
    const polls = emu.requestLog.slice(before).filter((e) => e.grantType === 'device_code');
    expect(polls.length).toBeGreaterThanOrEqual(1);
    expect(polls.at(-1)?.status).toBe(200);
  });

  it('declined on the page -> MSAL stops polling with post_request_failed naming authorization_declined', async () => {
    const pca = new PublicClientApplication(msalConfig(emu, { clientId: ids.PUBLIC_APP }));
    const err = await pca
      .acquireTokenByDeviceCode({
        scopes: ['https://outlook.office.com/Mail.Read'],
        deviceCodeCallback: (resp) => {
          setTimeout(() => {
            void enterCode(resp.verificationUri, resp.userCode, { ...USERS.dave, consent: 'cancel' });
          }, 200);
        },
      })
      .then(
        () => undefined,
        (e: unknown) => e as { errorCode?: string; message?: string },
      );
    // msal-node's DeviceCodeClient turns any polling error but authorization_pending into this AuthError.
    expect(err?.errorCode).toBe('post_request_failed');
    expect(err?.message).toContain('authorization_declined');
  });
});
