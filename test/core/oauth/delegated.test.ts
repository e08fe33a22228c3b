import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInDelegated } from '../../../src/core/oauth/delegated';
import { redeemStoredRefreshToken } from '../../../src/core/oauth/raw-refresh';
import { secretKeys } from '../../../src/core/secrets/secret-keys';
import { AEM_APP, AEM_SECRET, USERS } from '../../emulator/fixtures/ids';
import { useEmulatorWorld } from '../../support/emulator-world';
import { createPlaywrightLoginWindow, type PlaywrightLoginWindow } from '../../support/playwright-login-window';
import { emulatorProfile } from './emulator-profile';

let win: PlaywrightLoginWindow;
const { emu, keychain: kc } = useEmulatorWorld('delegated');

beforeAll(async () => {
  win = await createPlaywrightLoginWindow(emu, { username: USERS.alice.upn, password: USERS.alice.password });
});
afterAll(async () => {
  await win?.close();
});

describe('delegated sign-in against the emulator, real keychain', () => {
  it('signs in on the emulator page, keeps the refresh token in the keychain, redeems it raw and calls it fit for SMTP', async () => {
    const profile = emulatorProfile(emu);
    await kc.store.set(secretKeys.clientSecret(profile.id), AEM_SECRET);
    win.user = { username: USERS.alice.upn, password: USERS.alice.password };

    const outcome = await signInDelegated(profile, {
      secrets: kc.store,
      loginWindow: win,
      timeoutMs: 30_000,
      now: () => emu.clock.now(),
    });
    expect(outcome.account).toBe('alice@contoso.com');
    expect(outcome.refreshTokenStored).toBe(true);
    expect(outcome.inspection.verdict.fit).toBe('yes');
    expect(win.intercepted[0]).toMatch(/^http:\/\/localhost\/\?code=/);

    const rt = await kc.store.get(secretKeys.refreshToken(profile.id));
    expect(rt).toBeTruthy();
    // The keychain holds no access token and exactly one refresh-token entry for the profile
    // (earlier versions also kept MSAL's whole cache, access token included, and never read it).
    expect((await kc.accounts()).filter((a) => a.startsWith(`profile/${profile.id}/`))).toEqual([
      secretKeys.clientSecret(profile.id),
      secretKeys.refreshToken(profile.id),
    ]);
    for (const account of await kc.accounts()) {
      expect(await kc.raw.get(account)).not.toContain(outcome.accessToken);
    }

    const tokenRequestsBefore = emu.requestLog.filter((r) => r.grantType === 'refresh_token').length;
    const redeemed = await redeemStoredRefreshToken(profile, { secrets: kc.store, now: () => emu.clock.now() });
    expect(redeemed.inspection.verdict).toMatchObject({ fit: 'yes', summary: 'The token itself is valid for SMTP.' });
    expect(emu.requestLog.filter((r) => r.grantType === 'refresh_token')).toHaveLength(tokenRequestsBefore + 1);
    // The rotated refresh token replaced the first one.
    const rotated = await kc.store.get(secretKeys.refreshToken(profile.id));
    expect(rotated).toBeTruthy();
    expect(rotated).not.toBe(rt);
  });

  it('a user who must use MFA approves it in the window; the refresh token then redeems (no AADSTS50076)', async () => {
    const profile = emulatorProfile(emu, { mailbox: USERS.bob.upn, fromAddress: USERS.bob.upn });
    await kc.store.set(secretKeys.clientSecret(profile.id), AEM_SECRET);
    win.user = { username: USERS.bob.upn, password: USERS.bob.password };
    try {
      const outcome = await signInDelegated(profile, {
        secrets: kc.store,
        loginWindow: win,
        timeoutMs: 30_000,
        now: () => emu.clock.now(),
      });
      expect(outcome.account).toBe(USERS.bob.upn);
      expect(outcome.inspection.verdict.fit).toBe('yes');
      // The emulator refuses a refresh for an MFA user whose sign-in skipped MFA (§5.1), so this
      // passing shows the MFA step happened in the window and carried into the grant.
      const redeemed = await redeemStoredRefreshToken(profile, { secrets: kc.store, now: () => emu.clock.now() });
      expect(redeemed.inspection.verdict.fit).toBe('yes');
    } finally {
      win.user = { username: USERS.alice.upn, password: USERS.alice.password };
    }
  });

  it('works with an https redirect URI on another host, because the window never loads it', async () => {
    for (const redirectUri of ['https://example.com/callback', 'http://localhost/']) {
      const profile = emulatorProfile(emu, { redirectUri });
      await kc.store.set(secretKeys.clientSecret(profile.id), AEM_SECRET);
      const outcome = await signInDelegated(profile, {
        secrets: kc.store,
        loginWindow: win,
        timeoutMs: 30_000,
        now: () => emu.clock.now(),
      });
      expect(outcome.refreshTokenStored).toBe(true);
      expect(win.intercepted.at(-1)?.startsWith(`${redirectUri.replace(/\/$/, '')}`)).toBe(true);
    }
  });

  it('reports a personal account’s token as opaque: only the SMTP login can judge it', async () => {
    const app = emu.directory.tenants[0]?.apps.find((a) => a.clientId === AEM_APP);
    if (!app) throw new Error('fixture changed');
    const before = app.signInAudience;
    app.signInAudience = 'AzureADandPersonalMicrosoftAccount';
    try {
      const profile = emulatorProfile(emu, {
        tenant: 'consumers',
        mailbox: USERS.pat.upn,
        fromAddress: USERS.pat.upn,
        smtpHost: 'smtp-mail.outlook.com',
      });
      await kc.store.set(secretKeys.clientSecret(profile.id), AEM_SECRET);
      win.user = { username: USERS.pat.upn, password: USERS.pat.password };
      const outcome = await signInDelegated(profile, {
        secrets: kc.store,
        loginWindow: win,
        timeoutMs: 30_000,
        now: () => emu.clock.now(),
      });
      expect(outcome.refreshTokenStored).toBe(true);
      expect(outcome.inspection.kind).toBe('opaque');
      expect(outcome.inspection.verdict.fit).toBe('unknown');
    } finally {
      app.signInAudience = before;
    }
  });
});
