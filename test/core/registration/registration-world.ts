// The world the registration tests share: the emulator (identity provider, Graph, SMTP), the real
// keychain, a profile store in a temporary folder, and an administrator who signs in over HTTPS.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProfileStore, type ProfileStore } from '../../../src/core/profiles/profile-store';
import { signInAdmin, type AdminSession } from '../../../src/core/registration/admin-session';
import type { RegistrationDeps } from '../../../src/core/registration/run-context';
import { startRegistration, type RegistrationStart } from '../../../src/core/registration/start-registration';
import type { Profile, TargetId } from '../../../src/shared/profile';
import { registrationOptionsSchema, registrationTag, type RegistrationOptions } from '../../../src/shared/registration';
import { startEmulator, type Emulator } from '../../emulator';
import type { AppRegistration } from '../../emulator/directory';
import { CONTOSO, USERS } from '../../emulator/fixtures/ids';
import { httpLoginWindow } from '../../emulator/http-sign-in';
import type { SignInOptions } from '../../emulator/sign-in-driver';
import { testKeychain } from '../../support/keychain';

export interface RegistrationWorld {
  readonly emu: Emulator;
  readonly keychain: ReturnType<typeof testKeychain>;
  readonly profiles: ProfileStore;
  readonly dir: string;
  /** Waiting is done by moving the emulator's clock: no test sleeps through a replication delay. */
  readonly deps: RegistrationDeps;
  admin(user?: SignInOptions): Promise<AdminSession>;
  start(
    targetId: TargetId,
    over?: Partial<RegistrationOptions> & { mailbox?: string; profileId?: string },
  ): Promise<Profile>;
  /** Applications in Contoso carrying this profile's tag. */
  appsOf(profileId: string): readonly AppRegistration[];
  close(): Promise<void>;
}

export async function registrationWorld(label: string): Promise<RegistrationWorld> {
  const emu = await startEmulator();
  const keychain = testKeychain(label);
  const dir = mkdtempSync(join(tmpdir(), `sow-registration-${label}-`));
  const profiles = createProfileStore({ file: join(dir, 'profiles.json'), secrets: keychain.store });
  const deps: RegistrationDeps = {
    secrets: keychain.store,
    profiles,
    now: () => emu.clock.now(),
    sleep: async (ms) => emu.clock.advance(ms),
  };
  const sessions: AdminSession[] = [];
  const network = { proxyUrl: '', extraCaPem: emu.caPem, timeoutMs: 15_000 };
  return {
    emu,
    keychain,
    profiles,
    dir,
    deps,
    async admin(user = USERS.alice) {
      const s = await signInAdmin(keychain.store, {
        cloud: 'custom',
        customAuthorityHost: emu.authorityHost,
        tenant: CONTOSO,
        clientId: '',
        network,
        method: 'embedded',
        loginWindow: httpLoginWindow(emu.caPem, () => user),
      });
      sessions.push(s);
      return s;
    },
    start(targetId, over = {}) {
      const { mailbox = USERS.alice.upn, profileId, ...options } = over;
      const s: RegistrationStart = {
        ...(profileId ? { profileId } : {}),
        name: `Test ${targetId}`,
        targetId,
        mailbox,
        cloud: 'custom',
        customAuthorityHost: emu.authorityHost,
        network,
        smtpHost: emu.smtp.host,
        smtpPort: emu.smtp.port,
        options: registrationOptionsSchema.parse({
          appName: `Test ${targetId} app`,
          credential: 'secret',
          customGraphHost: emu.graph.host,
          ...options,
        }),
      };
      return startRegistration(deps, s);
    },
    appsOf(profileId) {
      const tag = registrationTag(profileId);
      return emu.directory.tenants.flatMap((t) => t.apps).filter((a) => (a.tags ?? []).includes(tag));
    },
    async close() {
      for (const s of sessions) s.close();
      await emu.close();
      await keychain.wipe();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
