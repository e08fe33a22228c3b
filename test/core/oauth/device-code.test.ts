import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInWithDeviceCode, type DeviceCodeInfo } from '../../../src/core/oauth/device-code';
import { redeemStoredRefreshToken } from '../../../src/core/oauth/raw-refresh';
import { ProblemError } from '../../../src/core/problem-error';
import { secretKeys } from '../../../src/core/secrets/secret-keys';
import { AEM_SECRET, PUBLIC_APP, USERS } from '../../emulator/fixtures/ids';
import { useEmulatorWorld } from '../../support/emulator-world';
import { createPlaywrightLoginWindow, type PlaywrightLoginWindow } from '../../support/playwright-login-window';
import { emulatorProfile } from './emulator-profile';

let owner: PlaywrightLoginWindow;
const { emu, keychain: kc } = useEmulatorWorld('device', { behaviour: { deviceCodeIntervalSeconds: 1 } });

beforeAll(async () => {
  owner = await createPlaywrightLoginWindow(emu, { username: USERS.alice.upn, password: USERS.alice.password });
});
afterAll(async () => {
  await owner?.close();
});

describe('device code sign-in for a public client', () => {
  it('lets the mailbox owner sign in on their own device; the refresh token lands in the keychain and redeems without a secret', async () => {
    const profile = emulatorProfile(emu, { clientId: PUBLIC_APP, credential: { kind: 'none' } });
    let shown: DeviceCodeInfo | undefined;
    let ownerDone: Promise<string> | undefined;
    const outcome = await signInWithDeviceCode(profile, {
      secrets: kc.store,
      now: () => emu.clock.now(),
      onCode: (info) => {
        shown = info;
        ownerDone = owner.deviceLogin(info.verificationUri, info.userCode);
      },
    });
    await ownerDone;
    expect(shown?.message).toContain(shown?.userCode ?? 'no code');
    expect(outcome).toMatchObject({ account: 'alice@contoso.com', refreshTokenStored: true });
    expect(outcome.inspection.verdict.fit).toBe('yes');
    expect(
      (await redeemStoredRefreshToken(profile, { secrets: kc.store, now: () => emu.clock.now() })).inspection.verdict
        .fit,
    ).toBe('yes');

    // The limit said plainly: a target that sends a secret cannot use this public client's refresh token.
    const withSecret = { ...profile, credential: { kind: 'secret' as const } };
    await kc.store.set(secretKeys.clientSecret(profile.id), AEM_SECRET);
    const err = await redeemStoredRefreshToken(withSecret, { secrets: kc.store }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProblemError);
    const p = (err as ProblemError).problem;
    expect(p.code).toBe('AADSTS700025');
    expect(p.explanation).toMatch(/cannot use a public client’s refresh token/);
  });

  it('refuses a confidential profile up front and says why', async () => {
    const profile = emulatorProfile(emu);
    await expect(signInWithDeviceCode(profile, { secrets: kc.store, onCode: () => undefined })).rejects.toMatchObject({
      problem: { code: 'DEVICE_CODE_PUBLIC_ONLY' },
    });
  });
});
