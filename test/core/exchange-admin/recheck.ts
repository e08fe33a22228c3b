// The SMTP re-check tests hand to the wait loop: the product's own verify code (a fresh token, then
// XOAUTH2 against the emulator's SMTP server), with the emulator's clock for token times.
import { acquireAppOnly } from '../../../src/core/oauth/app-only';
import type { Recheck } from '../../../src/core/exchange-admin/propagation-wait';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store';
import { secretKeys } from '../../../src/core/secrets/secret-keys';
import { verifySmtp } from '../../../src/core/smtp/verify-smtp';
import type { Profile } from '../../../src/shared/profile';
import type { Emulator } from '../../emulator';
import { userToken } from '../smtp/emulator-tokens';
import { emulatorProfile } from '../oauth/emulator-profile';

export interface AppOnlyFixture {
  readonly profile: Profile;
  readonly secrets: MemorySecretStore;
  readonly recheck: (signal?: AbortSignal) => Promise<Recheck>;
}

export async function appOnlyFixture(
  emu: Emulator,
  o: { clientId: string; secret: string; mailbox: string },
): Promise<AppOnlyFixture> {
  const profile = emulatorProfile(emu, {
    targetId: 'app-only',
    flow: 'app-only',
    clientId: o.clientId,
    credential: { kind: 'secret' },
    scopes: ['https://outlook.office365.com/.default'],
    redirectUri: '',
    mailbox: o.mailbox,
    fromAddress: o.mailbox,
  });
  const secrets = new MemorySecretStore();
  await secrets.set(secretKeys.clientSecret(profile.id), o.secret);
  const recheck = async (signal?: AbortSignal): Promise<Recheck> => {
    const token = await acquireAppOnly(profile, { secrets, now: () => emu.clock.now() });
    const report = await verifySmtp({
      profile,
      accessToken: token.accessToken,
      tokenInspection: token.inspection,
      ...(signal ? { signal } : {}),
    });
    return { ok: report.ok, ...(report.problem ? { problem: report.problem } : {}) };
  };
  return { profile, secrets, recheck };
}

/** A delegated mailbox's re-check: a token for the user (the password grant), then the SMTP login. */
export function delegatedRecheck(emu: Emulator, user: { upn: string; password: string }) {
  const profile = emulatorProfile(emu, { mailbox: user.upn, fromAddress: user.upn });
  return async (signal?: AbortSignal): Promise<Recheck> => {
    const accessToken = await userToken(emu, user.upn, user.password);
    const report = await verifySmtp({ profile, accessToken, ...(signal ? { signal } : {}) });
    return { ok: report.ok, ...(report.problem ? { problem: report.problem } : {}) };
  };
}
