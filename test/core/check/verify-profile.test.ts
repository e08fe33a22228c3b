import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyProfile, type VerifyDeps } from '../../../src/core/check/verify-profile';
import { acquireAppOnly } from '../../../src/core/oauth/app-only';
import { isProblemError } from '../../../src/core/problem-error';
import { createProfileStore, type ProfileStore } from '../../../src/core/profiles/profile-store';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store';
import { secretKeys } from '../../../src/core/secrets/secret-keys';
import type { Problem } from '../../../src/shared/problem';
import type { Profile, ProfileDraft } from '../../../src/shared/profile';
import { AEM_APP, AEM_SECRET, DAEMON_SECRET, MAILBOXES, USERS } from '../../emulator/fixtures/ids';
import { delegatedTokens } from '../../emulator/test-helpers';
import { daemonDraft } from '../../cli/bulk-world';
import { useEmulatorWorld } from '../../support/emulator-world';
import { emulatorProfile } from '../oauth/emulator-profile';

/** The one "check a saved profile" use case, against the emulator and a real profile file. */
const { emu, dir } = useEmulatorWorld('verify-profile');
const secrets = new MemorySecretStore();
const store = createProfileStore({ file: path.join(dir, 'profiles.json'), secrets });
const DAY = 86_400_000;

const draftOf = ({ id: _i, createdAt: _c, updatedAt: _u, tokenState: _t, ...draft }: Profile): ProfileDraft => draft;

const daemon = (): Promise<Profile> => store.create(daemonDraft(emu), { clientSecret: DAEMON_SECRET });

async function alice(withRefreshToken = true): Promise<Profile> {
  const p = await store.create(draftOf(emulatorProfile(emu, { clientId: AEM_APP })), { clientSecret: AEM_SECRET });
  if (withRefreshToken) {
    const tokens = await delegatedTokens(emu, {
      clientId: AEM_APP,
      secret: AEM_SECRET,
      scope: p.scopes.join(' '),
      user: { upn: USERS.alice.upn, password: USERS.alice.password },
    });
    await secrets.set(secretKeys.refreshToken(p.id), String(tokens.refresh_token));
  }
  return p;
}

const deps = (over: Partial<VerifyDeps> = {}): VerifyDeps => ({
  secrets,
  profiles: store,
  now: () => emu.clock.now(),
  ...over,
});
const problemOf = (p: Promise<unknown>): Promise<Problem | string> =>
  p.then(
    () => 'no failure',
    (e: unknown) => (isProblemError(e) ? e.problem : `not a problem: ${String(e)}`),
  );

describe('verifyProfile', () => {
  it('redeems, logs in, sends, and records the result at the injected clock’s time', async () => {
    emu.clock.advance(3 * DAY);
    const p = await alice();
    const steps: string[] = [];
    const started = emu.clock.now();
    const out = await verifyProfile(p, deps({ onStep: (s) => void steps.push(s) }), { sendTo: USERS.alice.upn });
    expect(steps).toEqual(['token', 'smtp']);
    expect(out.report).toMatchObject({ ok: true, sentTo: USERS.alice.upn });
    expect(out.inspection.verdict.fit).toBe('yes');
    const at = out.profile.tokenState.lastVerify?.at ?? '';
    // The emulator's clock runs three days ahead of the computer's: the date is the injected clock's.
    expect(Date.parse(at)).toBeGreaterThanOrEqual(started);
    expect(Date.parse(at)).toBeLessThanOrEqual(emu.clock.now());
    expect(out.profile.tokenState.lastVerify).toEqual({ at, ok: true });
    expect((await store.get(p.id))?.tokenState.lastVerify).toEqual({ at, ok: true });
  });

  it('records a failed token step as a failed check, and still throws its diagnosis', async () => {
    const p = await alice(false);
    const problem = await problemOf(verifyProfile(p, deps()));
    expect(problem).toMatchObject({ code: 'NO_REFRESH_TOKEN' });
    expect((await store.get(p.id))?.tokenState.lastVerify).toMatchObject({ ok: false, code: 'NO_REFRESH_TOKEN' });
  });

  it('records a failed SMTP login with its code', async () => {
    const p = await daemon();
    const out = await verifyProfile({ ...p, mailbox: 'nobody@contoso.com', fromAddress: 'nobody@contoso.com' }, deps());
    expect(out.report.ok).toBe(false);
    expect(out.profile.tokenState.lastVerify).toMatchObject({ ok: false, code: out.report.problem?.code });
  });

  it('does not record a cancel during the SMTP login as a failed check', async () => {
    const p = await daemon();
    const cancel = new AbortController();
    const out = await verifyProfile(p, deps({ onStep: (s) => void (s === 'smtp' && cancel.abort()) }), {
      signal: cancel.signal,
    });
    expect(out.report).toMatchObject({ ok: false, problem: { code: 'SMTP_CANCELLED' } });
    expect((await store.get(p.id))?.tokenState.lastVerify).toBeUndefined();
  });

  it('passes the signal to app-only token requests: a cancel stops a slow token endpoint and is not recorded', async () => {
    const p = await daemon();
    emu.faults.set({ slowMs: 60_000, pathIncludes: '/token' });
    try {
      const cancel = new AbortController();
      // Cancel while the request is (most likely) on its way; earlier or later, it is a cancel either way.
      const onStep = (s: string) => void (s === 'token' && setTimeout(() => cancel.abort(), 300));
      expect(await problemOf(verifyProfile(p, deps({ onStep }), { signal: cancel.signal }))).toMatchObject({
        code: 'CANCELLED',
      });
      expect((await store.get(p.id))?.tokenState.lastVerify).toBeUndefined();
      // The same signal reaches acquireAppOnly when it is called alone (the app-only sign-in step).
      expect(await problemOf(acquireAppOnly(p, { secrets, signal: AbortSignal.abort() }))).toMatchObject({
        code: 'CANCELLED',
      });
    } finally {
      emu.faults.clear();
    }
  });

  it('does not fail the token or the check when the result cannot be saved: it warns on the report', async () => {
    const p = await daemon();
    const readOnly: Pick<ProfileStore, 'recordTokenState'> = {
      recordTokenState: () =>
        Promise.reject(Object.assign(new Error(`EROFS: read-only file system, open '${dir}'`), { code: 'EROFS' })),
    };
    const told: Problem[] = [];
    const out = await verifyProfile(p, deps({ profiles: readOnly, onWarning: (w) => void told.push(w) }));
    expect(out.report.ok).toBe(true);
    expect(out.profile).toEqual(p);
    // Twice: the token's dates, then the check's result.
    expect(out.report.warnings.map((w) => w.code)).toEqual(['TOKEN_STATE_NOT_SAVED', 'TOKEN_STATE_NOT_SAVED']);
    expect(told).toHaveLength(2);
    expect(out.report.warnings[0]?.title).toBe('The result could not be saved in the profile');
  });
  it('checks once as another mailbox and records nothing (the app-only "try this mailbox")', async () => {
    // Saved with a mailbox the app has no rights on; the one-off check names one it has.
    const p = await store.create(
      daemonDraft(emu, { mailbox: MAILBOXES.unpermitted, fromAddress: MAILBOXES.unpermitted }),
      { clientSecret: DAEMON_SECRET },
    );
    const out = await verifyProfile(p, deps(), { mailbox: MAILBOXES.noreply, sendTo: USERS.alice.upn });
    expect(out.report).toMatchObject({ ok: true, sentTo: USERS.alice.upn });
    expect(out.profile).toEqual(p);
    expect((await store.get(p.id))?.tokenState).toEqual(p.tokenState);
    const failed = await verifyProfile(p, deps(), { mailbox: 'nobody@contoso.com' });
    expect(failed.report.ok).toBe(false);
    expect((await store.get(p.id))?.tokenState).toEqual(p.tokenState);
    // Without the option the same profile fails, and that is recorded.
    expect((await verifyProfile(p, deps())).profile.tokenState.lastVerify).toMatchObject({ ok: false });
  });

  it('records nothing with record: false', async () => {
    const p = await daemon();
    const out = await verifyProfile(p, deps(), { record: false });
    expect(out.report.ok).toBe(true);
    expect((await store.get(p.id))?.tokenState).toEqual(p.tokenState);
  });
});
