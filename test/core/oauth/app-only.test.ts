import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireAppOnly } from '../../../src/core/oauth/app-only';
import { createProfileStore, type ProfileStore } from '../../../src/core/profiles/profile-store';
import type { ProfileDraft, ProfileSecretsInput } from '../../../src/shared/profile';
import { DAEMON_APP, DAEMON_SECRET } from '../../emulator/fixtures/ids';
import { useEmulatorWorld } from '../../support/emulator-world';
import { emulatorProfile } from './emulator-profile';

const { emu, keychain: kc, dir } = useEmulatorWorld('app-only');
const store: ProfileStore = createProfileStore({ file: path.join(dir, 'profiles.json'), secrets: kc.store });

async function daemonProfile(secrets: ProfileSecretsInput) {
  const {
    id: _i,
    createdAt: _c,
    updatedAt: _u,
    tokenState: _t,
    ...draft
  } = emulatorProfile(emu, {
    targetId: 'app-only',
    flow: 'app-only',
    clientId: DAEMON_APP,
    credential: { kind: 'none' },
    scopes: ['https://outlook.office365.com/.default'],
    redirectUri: '',
    mailbox: 'noreply@contoso.com',
    fromAddress: 'noreply@contoso.com',
  });
  return store.create(draft satisfies ProfileDraft, secrets);
}

describe('app-only tokens from the emulator, credentials in the real keychain', () => {
  it('gets a token with roles SMTP.SendAsApp using the client secret', async () => {
    const p = await daemonProfile({ clientSecret: DAEMON_SECRET });
    const out = await acquireAppOnly(p, { secrets: kc.store, profiles: store, now: () => emu.clock.now() });
    expect(out.inspection.kind).toBe('jwt');
    if (out.inspection.kind === 'jwt') expect(out.inspection.claims.roles).toContain('SMTP.SendAsApp');
    expect(out.inspection.verdict.fit).toBe('yes');
    expect((await store.get(p.id))?.tokenState.accessTokenAcquiredAt).toBeTruthy();
  });

  it('gets the same with the PEM certificate (key + certificate pasted together)', async () => {
    const c = emu.certificates.app2;
    const p = await daemonProfile({ certificatePem: `${c.keyPem}\n${c.certPem}` });
    expect(p.credential).toMatchObject({
      kind: 'certificate',
      thumbprintSha1: c.thumbprintSha1Hex,
      thumbprintSha256: c.thumbprintSha256Hex,
    });
    const out = await acquireAppOnly(p, { secrets: kc.store, now: () => emu.clock.now() });
    if (out.inspection.kind !== 'jwt') throw new Error('expected a JWT');
    expect(out.inspection.claims.roles).toEqual(['SMTP.SendAsApp']);
  });

  it('gets the same with the PFX and its password', async () => {
    const c = emu.certificates.app2;
    const p = await daemonProfile({ pfxBase64: c.pfxBase64, pfxPassword: c.pfxPassword });
    expect(p.credential).toMatchObject({ kind: 'certificate', source: 'pfx', thumbprintSha256: c.thumbprintSha256Hex });
    const out = await acquireAppOnly(p, { secrets: kc.store, now: () => emu.clock.now() });
    if (out.inspection.kind !== 'jwt') throw new Error('expected a JWT');
    expect(out.inspection.claims.roles).toEqual(['SMTP.SendAsApp']);
    expect(out.inspection.claims.aud).toBe('https://outlook.office365.com');
  });
});
