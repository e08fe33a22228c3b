// exchange:plan / exchange:apply through the real handler map and IPC dispatch, without a browser:
// the admin signs in through a login window played over HTTPS on the emulator. The delegated
// SMTP AUTH switch end to end, a plan that can run once only, a Fix it whose diagnosis has changed,
// and no token of the admin's (or anyone's) in any answer or progress event.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src/main/handlers';
import { dispatch } from '../../../src/main/ipc/dispatch';
import type { LoginWindowPort } from '../../../src/core/oauth/login-ports';
import { signInDelegated } from '../../../src/core/oauth/delegated';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store';
import type { ExchangeApplied, ExchangePlanView, ProgressEvent } from '../../../src/shared/ipc-contract';
import type { Problem } from '../../../src/shared/problem';
import { startEmulator, type Emulator } from '../../emulator';
import { findTenant } from '../../emulator/directory';
import { AEM_SECRET, CONTOSO, USERS } from '../../emulator/fixtures/ids';
import { signInOverHttp } from '../../emulator/sign-in-driver';
import { emulatorScheduler } from '../../core/exchange-admin/emulator-admin';
import { emulatorProfile } from '../../core/oauth/emulator-profile';
import { createBrowserTestPorts } from '../../support/browser-ports';

const dir = mkdtempSync(join(tmpdir(), 'sow-exchange-handlers-'));
let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
  emu.exchangeAdmin.switches.propagationMinutes = 10;
});
afterAll(async () => {
  await emu?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function setup(user: { upn: string; password: string }) {
  const secrets = new MemorySecretStore();
  let signInAs = user;
  const loginWindow: LoginWindowPort = {
    open: async ({ url }) => {
      const end = await signInOverHttp(url, emu.caPem, signInAs);
      if (end.kind !== 'redirect') throw new Error(`sign-in ended on ${end.kind}`);
      return end.location;
    },
  };
  const ports = createBrowserTestPorts({
    secrets,
    profilesFile: join(dir, `${user.upn}.json`),
    loginWindow,
    now: () => emu.clock.now(),
    exchangeScheduler: emulatorScheduler(emu),
  });
  const {
    id: _i,
    createdAt: _c,
    updatedAt: _u,
    tokenState: _t,
    ...draft
  } = emulatorProfile(emu, {
    mailbox: user.upn,
    fromAddress: user.upn,
  });
  const profile = await ports.profiles.create(draft, { clientSecret: AEM_SECRET });
  await signInDelegated(profile, { secrets, profiles: ports.profiles, loginWindow, now: () => emu.clock.now() });
  const handlers = createHandlers(ports);
  const seen: unknown[] = [];
  const call = async <T>(
    channel: string,
    request: unknown,
  ): Promise<{ ok: true; value: T } | { ok: false; problem: Problem }> => {
    const r = await dispatch(handlers, channel, request, {
      signal: new AbortController().signal,
      progress: (e: ProgressEvent) => void seen.push(e),
    });
    seen.push(r);
    return r as { ok: true; value: T } | { ok: false; problem: Problem };
  };
  return { call, seen, profile, admin: (u: typeof user) => (signInAs = u) };
}

const mailbox = (address: string) => findTenant(emu.directory, CONTOSO)!.mailboxes.find((m) => m.address === address)!;

describe('exchange:plan and exchange:apply', () => {
  it("reads Dave's SMTP AUTH as the admin, switches it on for his mailbox only, and re-checks until SMTP accepts", async () => {
    const { call, seen, profile, admin } = await setup(USERS.dave);
    admin(USERS.alice);
    const planned = await call<ExchangePlanView>('exchange:plan', {
      profileId: profile.id,
      action: { kind: 'smtp-auth' },
      operationId: 'op-1',
    });
    if (!planned.ok) throw new Error(planned.problem.title);
    expect(planned.value.adminUpn).toBe(USERS.alice.upn);
    expect(planned.value.plan.found.join(' ')).toMatch(
      /SMTP AUTH is off for dave@contoso\.com by the mailbox's own setting/,
    );
    expect(planned.value.plan.steps.map((s) => s.powershell)).toEqual([
      `Set-CASMailbox -Identity ${USERS.dave.upn} -SmtpClientAuthenticationDisabled $false`,
    ]);
    expect(mailbox(USERS.dave.upn).smtpAuth).toBe('disabled');

    const applied = await call<ExchangeApplied>('exchange:apply', {
      planId: planned.value.planId,
      operationId: 'op-2',
    });
    if (!applied.ok) throw new Error(applied.problem.title);
    expect(applied.value.run.ok).toBe(true);
    expect(applied.value.wait).toMatchObject({ ok: true });
    expect(applied.value.wait!.attempts).toBeGreaterThan(1);
    expect(applied.value.profile.tokenState.lastVerify).toMatchObject({ ok: true });
    const progress = seen.filter((e): e is ProgressEvent => typeof e === 'object' && e !== null && 'stage' in e);
    expect(progress.map((p) => p.stage)).toEqual(expect.arrayContaining(['admin-sign-in', 'exchange', 'recheck']));
    expect(progress.some((p) => /Exchange can take up to an hour/.test(p.message))).toBe(true);

    // A plan runs once; the window cannot replay it or make one up.
    const again = await call('exchange:apply', { planId: planned.value.planId, operationId: 'op-3' });
    expect(again).toMatchObject({ ok: false, problem: { code: 'EXCHANGE_PLAN_INCOMPLETE' } });
    // No token in anything the window received.
    expect(JSON.stringify(seen)).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
  }, 60_000);

  it('refuses Fix it when the diagnosis is not the one named, changing nothing', async () => {
    const { call, profile } = await setup(USERS.alice);
    const r = await call('exchange:plan', {
      profileId: profile.id,
      action: { kind: 'fix', code: 'SMTP_535_5.7.139_MAILBOX_DISABLED' },
      operationId: 'op-4',
    });
    expect(r).toMatchObject({
      ok: false,
      problem: { code: 'EXCHANGE_PLAN_INCOMPLETE', title: 'SMTP accepts the login already' },
    });
  }, 60_000);
});
