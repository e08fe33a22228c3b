import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src/main/handlers';
import { dispatch } from '../../../src/main/ipc/dispatch';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store';
import { secretKeys } from '../../../src/core/secrets/secret-keys';
import type { ProfileView, VerifyResult } from '../../../src/shared/ipc-contract';
import { AEM_APP, AEM_SECRET, CONTOSO, USERS } from '../../emulator/fixtures/ids';
import { delegatedTokens } from '../../emulator/test-helpers';
import { createBrowserTestPorts } from '../../support/browser-ports';
import { useEmulatorWorld } from '../../support/emulator-world';

const SCOPE = 'https://outlook.office.com/SMTP.Send offline_access';
const { emu, dir } = useEmulatorWorld('verify-cancel');

/** The real handler map on the emulator, with an AEM profile whose refresh token is stored. */
async function signedInProfile() {
  const secrets = new MemorySecretStore();
  const ports = createBrowserTestPorts({
    secrets,
    profilesFile: join(dir, `${Math.random().toString(36).slice(2)}.json`),
    now: () => emu.clock.now(),
  });
  const handlers = createHandlers(ports);
  const call = (channel: string, request: unknown) =>
    dispatch(handlers, channel, request, { signal: new AbortController().signal, progress: () => undefined });
  const saved = await call('profiles:save', {
    draft: {
      name: 'Contoso AEM',
      targetId: 'aem',
      flow: 'delegated',
      cloud: 'custom',
      customAuthorityHost: emu.authorityHost,
      tenant: CONTOSO,
      clientId: AEM_APP,
      credential: { kind: 'secret' },
      redirectUri: 'http://localhost',
      scopes: SCOPE.split(' '),
      mailbox: USERS.alice.upn,
      fromAddress: USERS.alice.upn,
      smtpHost: emu.smtp.host,
      smtpPort: emu.smtp.port,
      network: { proxyUrl: '', extraCaPem: emu.caPem, timeoutMs: 30_000 },
    },
    secrets: { clientSecret: AEM_SECRET },
  });
  if (!saved.ok) throw new Error(saved.problem.title);
  const id = (saved.value as ProfileView).profile.id;
  const tokens = await delegatedTokens(emu, {
    clientId: AEM_APP,
    secret: AEM_SECRET,
    scope: SCOPE,
    user: { upn: USERS.alice.upn, password: USERS.alice.password },
  });
  await secrets.set(secretKeys.refreshToken(id), String(tokens.refresh_token));
  const callWith = (channel: string, request: unknown, progress: (e: { stage: string }) => void) =>
    dispatch(handlers, channel, request, { signal: new AbortController().signal, progress });
  return { id, call, callWith };
}

describe('token:verify and Cancel', () => {
  it('redeems the stored refresh token and logs in when nothing is slow (the baseline)', async () => {
    const { id, call } = await signedInProfile();
    const r = await call('token:verify', { profileId: id, operationId: 'verify-baseline' });
    expect(r.ok && (r.value as { report: { ok: boolean } }).report.ok).toBe(true);
  });

  it('stops a slow refresh request at once: Cancel during the token request gives the cancelled diagnosis, not a wait for the answer', async () => {
    const { id, call } = await signedInProfile();
    // The answer would take a minute: finishing in well under that proves the cancel cut it short,
    // with a margin no busy machine eats (a tight timed bound would flake).
    emu.faults.set({ slowMs: 60_000, pathIncludes: '/token' });
    try {
      const started = Date.now();
      const verifying = call('token:verify', { profileId: id, operationId: 'verify-slow' });
      // Cancel once the request is on its way to the (slow) token endpoint.
      await new Promise((r) => setTimeout(r, 400));
      const cancel = await call('operation:cancel', { operationId: 'verify-slow' });
      expect(cancel).toEqual({ ok: true, value: { cancelled: true } });
      const r = await verifying;
      const elapsed = Date.now() - started;
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.problem).toMatchObject({ code: 'CANCELLED', title: 'Cancelled', retryable: true });
      expect(elapsed).toBeLessThan(30_000);
      // A cancel is not a failed check: the start screen keeps saying what the last real check found.
      const view = await call('profiles:get', { id });
      expect(view.ok && (view.value as ProfileView).profile.tokenState.lastVerify).toBeUndefined();
    } finally {
      emu.faults.clear();
    }
  });

  it('does not record a cancel during the SMTP login as a failed verification', async () => {
    const { id, call, callWith } = await signedInProfile();
    const r = await callWith('token:verify', { profileId: id, operationId: 'verify-smtp-cancel' }, (e) => {
      if (e.stage === 'smtp') void call('operation:cancel', { operationId: 'verify-smtp-cancel' });
    });
    expect(r.ok && (r.value as VerifyResult).report.problem?.code).toBe('SMTP_CANCELLED');
    const view = await call('profiles:get', { id });
    expect(view.ok && (view.value as ProfileView).profile.tokenState.lastVerify).toBeUndefined();
  });
});
