import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireAppOnly } from '../../../src/core/oauth/app-only';
import { signInDelegated } from '../../../src/core/oauth/delegated';
import { redeemStoredRefreshToken } from '../../../src/core/oauth/raw-refresh';
import { ProblemError } from '../../../src/core/problem-error';
import { secretKeys } from '../../../src/core/secrets/secret-keys';
import type { Problem } from '../../../src/shared/problem';
import type { Profile } from '../../../src/shared/profile';
import { findUser } from '../../emulator/directory';
import {
  AEM_APP,
  AEM_EXPIRED_SECRET,
  AEM_SECRET,
  DAEMON_APP,
  DAEMON_SECRET,
  FABRIKAM_APP,
  PUBLIC_APP,
  SPA_APP,
  USERS,
} from '../../emulator/fixtures/ids';
import { useEmulatorWorld } from '../../support/emulator-world';
import {
  createPlaywrightLoginWindow,
  type PlaywrightLoginWindow,
  type ScriptedUser,
} from '../../support/playwright-login-window';
import { emulatorProfile } from '../oauth/emulator-profile';

/**
 * Every failure the issue lists, provoked for real against the emulator (and the real
 * keychain), each ending in the diagnosis a person would read.
 */
let win: PlaywrightLoginWindow;
const { emu, keychain: kc } = useEmulatorWorld('failures');
const DAY = 86_400_000;

beforeAll(async () => {
  win = await createPlaywrightLoginWindow(emu, { username: USERS.alice.upn, password: USERS.alice.password });
});
afterAll(async () => {
  await win?.close();
});

async function problemOf(p: Promise<unknown>): Promise<Problem> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ProblemError) return e.problem;
    throw e;
  }
  throw new Error('expected a failure');
}

async function withSecret(over: Partial<Profile>, secret?: string): Promise<Profile> {
  const profile = emulatorProfile(emu, over);
  if (secret !== undefined) await kc.store.set(secretKeys.clientSecret(profile.id), secret);
  return profile;
}

const appOnly = (clientId: string, secret: string) =>
  withSecret({ flow: 'app-only', clientId, scopes: ['https://outlook.office365.com/.default'] }, secret);
const signIn = (
  profile: Profile,
  user: ScriptedUser = { username: USERS.alice.upn, password: USERS.alice.password },
) => {
  win.user = user;
  return signInDelegated(profile, {
    secrets: kc.store,
    loginWindow: win,
    timeoutMs: 50_000,
    now: () => emu.clock.now(),
  });
};
const refresh = (profile: Profile) =>
  redeemStoredRefreshToken(profile, { secrets: kc.store, now: () => emu.clock.now() });

describe('each failure ends in the right diagnosis', () => {
  it('wrong secret -> AADSTS7000215 “The client secret is wrong”', async () => {
    const p = await problemOf(
      acquireAppOnly(await appOnly(DAEMON_APP, 'Qq7~not-the-right-value'), { secrets: kc.store }),
    );
    expect(p).toMatchObject({ code: 'AADSTS7000215', title: 'The client secret is wrong', field: 'clientSecret' });
  });

  it('secret ID pasted as the value -> “You pasted the secret’s ID, not its Value”', async () => {
    const p = await problemOf(
      acquireAppOnly(await appOnly(DAEMON_APP, '0b0b0b0b-2222-4222-8222-000000000001'), { secrets: kc.store }),
    );
    expect(p.code).toBe('AADSTS7000215');
    expect(p.title).toBe('You pasted the secret’s ID, not its Value');
  });

  it('expired secret -> AADSTS7000222 at code redemption', async () => {
    const p = await problemOf(signIn(await withSecret({}, AEM_EXPIRED_SECRET)));
    expect(p).toMatchObject({ code: 'AADSTS7000222', title: 'The client secret has expired' });
  });

  it('app not in the tenant -> AADSTS700016', async () => {
    const p = await problemOf(
      acquireAppOnly(await appOnly(FABRIKAM_APP, 'Ff1~fabrikam-secret-0001'), { secrets: kc.store }),
    );
    expect(p).toMatchObject({ code: 'AADSTS700016', field: 'clientId' });
  });

  it('redirect URI not registered -> the error page is read: AADSTS50011 with the URI to add', async () => {
    const p = await problemOf(signIn(await withSecret({ redirectUri: 'http://localhost/not-registered' }, AEM_SECRET)));
    expect(p).toMatchObject({ code: 'AADSTS50011', field: 'redirectUri' });
    expect(p.fixSteps[0]).toContain('http://localhost/not-registered');
  });

  it('consent missing (admin consent withdrawn) -> AADSTS65001 with the admin-consent link', async () => {
    const profile = await withSecret({}, AEM_SECRET);
    await signIn(profile);
    const app = emu.directory.tenants[0]?.apps.find((a) => a.clientId === AEM_APP);
    if (!app) throw new Error('fixture changed');
    app.adminConsent = false;
    try {
      const p = await problemOf(refresh(profile));
      expect(p.code).toBe('AADSTS65001');
      expect(p.commands[0]).toBe(`${emu.authorityHost}/${profile.tenant}/adminconsent?client_id=${AEM_APP}`);
    } finally {
      app.adminConsent = true;
    }
  });

  it('consent declined on the permissions page -> “Consent was declined”', async () => {
    const p = await problemOf(
      signIn(emulatorProfile(emu, { clientId: PUBLIC_APP, credential: { kind: 'none' } }), {
        username: USERS.alice.upn,
        password: USERS.alice.password,
        consent: 'cancel',
      }),
    );
    expect(p).toMatchObject({ code: 'AADSTS65004', title: 'Consent was declined' });
  });

  it('Conditional Access block -> AADSTS53003 pointing to the sign-in logs', async () => {
    const p = await problemOf(
      signIn(await withSecret({ mailbox: USERS.carol.upn }, AEM_SECRET), {
        username: USERS.carol.upn,
        password: USERS.carol.password,
      }),
    );
    expect(p.code).toBe('AADSTS53003');
    expect(p.fixSteps.join(' ')).toContain('Sign-in logs');
  });

  it('refresh token unused for 90 days -> AADSTS700082', async () => {
    const profile = await withSecret({}, AEM_SECRET);
    await signIn(profile);
    emu.clock.advance(91 * DAY);
    expect((await problemOf(refresh(profile))).code).toBe('AADSTS700082');
  });

  it('sign-in frequency policy -> AADSTS70043', async () => {
    const profile = await withSecret({ mailbox: USERS.erin.upn }, AEM_SECRET);
    await signIn(profile, { username: USERS.erin.upn, password: USERS.erin.password });
    emu.clock.advance(25 * 3_600_000);
    const p = await problemOf(refresh(profile));
    expect(p.code).toBe('AADSTS70043');
    expect(p.title).toMatch(/sign-in frequency/);
  });

  it('MFA required after the sign-in (password only) -> AADSTS50076 “sign in again and complete MFA”', async () => {
    const profile = await withSecret({}, AEM_SECRET);
    await signIn(profile);
    const alice = findUser(emu.directory, USERS.alice.upn)?.user;
    if (!alice) throw new Error('no alice in the directory');
    alice.mfaRequired = true;
    try {
      const p = await problemOf(refresh(profile));
      expect(p).toMatchObject({
        code: 'AADSTS50076',
        title: 'Multi-factor authentication is required',
        retryable: true,
      });
      expect(p.fixSteps.join(' ')).toContain('Sign in again interactively');
    } finally {
      alice.mfaRequired = false;
    }
  });

  it('revoked refresh token -> AADSTS50173', async () => {
    const profile = await withSecret({}, AEM_SECRET);
    await signIn(profile);
    emu.clock.advance(1000);
    emu.revokeRefreshTokens(USERS.alice.upn);
    expect((await problemOf(refresh(profile))).code).toBe('AADSTS50173');
  });

  it('wrong tenant -> AADSTS90002 “The tenant was not found”', async () => {
    const p = await problemOf(
      acquireAppOnly(
        await withSecret(
          {
            flow: 'app-only',
            clientId: DAEMON_APP,
            tenant: 'no-such-tenant.example.com',
            scopes: ['https://outlook.office365.com/.default'],
          },
          DAEMON_SECRET,
        ),
        { secrets: kc.store },
      ),
    );
    expect(p).toMatchObject({ code: 'AADSTS90002', field: 'tenant' });
  });

  it('personal account on an app for one organisation -> AADSTS50020', async () => {
    const p = await problemOf(
      signIn(await withSecret({}, AEM_SECRET), { username: USERS.pat.upn, password: USERS.pat.password }),
    );
    expect(p.code).toBe('AADSTS50020');
    expect(p.fixSteps.join(' ')).toContain('smtp-mail.outlook.com');
  });

  it('redirect URI of the SPA platform -> AADSTS9002327', async () => {
    const p = await problemOf(signIn(emulatorProfile(emu, { clientId: SPA_APP, credential: { kind: 'none' } })));
    expect(p).toMatchObject({ code: 'AADSTS9002327', field: 'redirectUri' });
  });

  it('public client sending a secret -> AADSTS700025', async () => {
    const p = await problemOf(signIn(await withSecret({ clientId: PUBLIC_APP }, 'some-secret-value-0001')));
    expect(p).toMatchObject({ code: 'AADSTS700025', field: 'credential' });
  });

  it('confidential client without a credential -> AADSTS7000218', async () => {
    const p = await problemOf(signIn(emulatorProfile(emu, { credential: { kind: 'none' } })));
    expect(p).toMatchObject({ code: 'AADSTS7000218', field: 'clientSecret' });
  });

  it('invalid scope -> AADSTS70011', async () => {
    const p = await problemOf(
      signIn(await withSecret({ scopes: ['https://outlook.office.com/SMTP.SendAsApp', 'offline_access'] }, AEM_SECRET)),
    );
    expect(p).toMatchObject({ code: 'AADSTS70011', field: 'scopes' });
  });

  it('Graph scope first -> a Graph token, diagnosed as “for the wrong service”', async () => {
    const profile = await withSecret(
      { scopes: ['https://graph.microsoft.com/User.Read', 'https://outlook.office.com/SMTP.Send', 'offline_access'] },
      AEM_SECRET,
    );
    const outcome = await signIn(profile);
    expect(outcome.inspection.verdict.fit).toBe('no');
    // The verify step then names it from the same claims (SMTP_535_5.7.3_WRONG_AUDIENCE, smtp tests).
    expect(outcome.inspection.verdict.checks.find((c) => c.name === 'audience')?.ok).toBe(false);
  });

  it('identity provider unreachable -> IDP_UNREACHABLE', async () => {
    const s = net.createServer();
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const port = (s.address() as AddressInfo).port;
    await new Promise<void>((r) => s.close(() => r()));
    const profile = await withSecret(
      {
        flow: 'app-only',
        clientId: DAEMON_APP,
        customAuthorityHost: `https://127.0.0.1:${port}`,
        scopes: ['https://outlook.office365.com/.default'],
      },
      DAEMON_SECRET,
    );
    expect((await problemOf(acquireAppOnly(profile, { secrets: kc.store }))).code).toBe('IDP_UNREACHABLE');
  });

  it('untrusted TLS certificate (no extra CA) -> TLS_UNTRUSTED pointing to the CA field', async () => {
    const profile = await withSecret(
      {
        flow: 'app-only',
        clientId: DAEMON_APP,
        scopes: ['https://outlook.office365.com/.default'],
        network: { proxyUrl: '', extraCaPem: '', timeoutMs: 5000 },
      },
      DAEMON_SECRET,
    );
    expect(await problemOf(acquireAppOnly(profile, { secrets: kc.store }))).toMatchObject({
      code: 'TLS_UNTRUSTED',
      field: 'network.extraCaPem',
    });
  });

  it('sign-in window closed -> SIGN_IN_CANCELLED', async () => {
    const p = await problemOf(
      signIn(await withSecret({}, AEM_SECRET), { username: '', password: '', closeWindow: true }),
    );
    expect(p.code).toBe('SIGN_IN_CANCELLED');
  });
});
