// Delegated SMTP AUTH and "Fix it" against the emulator: Dave's mailbox has SMTP AUTH off; Alice, as
// admin, checks it, switches it on for this mailbox only, and the re-check passes once Exchange
// has applied it on the emulator's clock (issue 15 acceptance).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../emulator';
import { findTenant } from '../../emulator/directory';
import {
  CONTOSO,
  DAEMON_APP,
  MAILBOXES,
  UNREGISTERED_DAEMON_APP,
  UNREGISTERED_DAEMON_SP,
  UNREGISTERED_DAEMON_SECRET,
  USERS,
} from '../../emulator/fixtures/ids';
import type { Problem } from '../../../src/shared/problem';
import { applyPlan } from '../../../src/core/exchange-admin/apply-plan';
import { cmdlets } from '../../../src/core/exchange-admin/cmdlets';
import { planFix } from '../../../src/core/exchange-admin/fix-it';
import { preparePlan } from '../../../src/core/exchange-admin/prepare';
import { checkSmtpAuth, planEnableSmtpAuth } from '../../../src/core/exchange-admin/smtp-auth';
import type { ExchangeAdminPort } from '../../../src/core/exchange-admin/rest-client';
import { emulatorAdminClient, emulatorAdminTokens, emulatorScheduler } from './emulator-admin';
import { appOnlyFixture, delegatedRecheck } from './recheck';

const MINUTE = 60_000;

let emu: Emulator;
let alice: ExchangeAdminPort;
beforeEach(async () => {
  emu = await startEmulator();
  alice = emulatorAdminClient(emu, emulatorAdminTokens(emu, USERS.alice));
});
afterEach(() => emu.close());

const contoso = () => findTenant(emu.directory, CONTOSO)!;
const daveMailbox = () => contoso().mailboxes.find((m) => m.address === USERS.dave.upn)!;

describe('check SMTP AUTH for a delegated mailbox', () => {
  it("reads Dave's own switch and the organisation's", async () => {
    expect(await checkSmtpAuth(alice, USERS.dave.upn)).toMatchObject({
      mailboxSmtpDisabled: true,
      tenantSmtpDisabled: false,
      enabled: false,
      summary: `SMTP AUTH is off for ${USERS.dave.upn} by the mailbox's own setting (it is on for the organisation).`,
    });
    contoso().smtpAuthDisabled = true;
    expect(await checkSmtpAuth(alice, USERS.bob.upn)).toMatchObject({ mailboxSmtpDisabled: null, enabled: false });
  });

  it('switches it on for this mailbox only; SMTP accepts Dave once the change has propagated', async () => {
    emu.exchangeAdmin.switches.propagationMinutes = 10;
    const prepared = await preparePlan(
      alice,
      () => checkSmtpAuth(alice, USERS.dave.upn),
      (state, upn) => planEnableSmtpAuth('custom', USERS.dave.upn, state, upn),
    );
    expect(prepared.plan.powershell[1]).toBe(
      `Set-CASMailbox -Identity ${USERS.dave.upn} -SmtpClientAuthenticationDisabled $false`,
    );
    const scheduler = emulatorScheduler(emu);
    const applied = await applyPlan(prepared.plan, alice, { recheck: delegatedRecheck(emu, USERS.dave), scheduler });
    expect(applied.wait).toMatchObject({ ok: true });
    expect(applied.wait!.attempts).toBeGreaterThan(1);
    expect(daveMailbox().smtpAuth).toBe('enabled');
    expect(contoso().smtpAuthDisabled).toBe(false);
  });

  it('plans nothing when SMTP AUTH is already on', async () => {
    const state = await checkSmtpAuth(alice, USERS.alice.upn);
    expect(planEnableSmtpAuth('custom', USERS.alice.upn, state).steps).toEqual([]);
  });
});

describe('Fix it on a diagnosis with Exchange cmdlets', () => {
  const remedyOf = (p: Problem | undefined) => {
    if (p?.remedy?.kind !== 'exchange') throw new Error(`no Exchange remedy on ${p?.code ?? 'no problem'}`);
    return p.remedy.cmdlets;
  };

  it("runs the diagnosis's own cmdlets for Dave's disabled mailbox, and the re-check passes", async () => {
    const recheck = delegatedRecheck(emu, USERS.dave);
    const before = await recheck();
    expect(before.problem?.code).toBe('SMTP_535_5.7.139_MAILBOX_DISABLED');
    const plan = planFix({
      cloud: 'custom',
      problemTitle: before.problem!.title,
      cmdlets: remedyOf(before.problem),
      known: {},
    });
    expect(plan.powershell.slice(1)).toEqual([
      `Set-CASMailbox -Identity ${USERS.dave.upn} -SmtpClientAuthenticationDisabled $false`,
    ]);
    const applied = await applyPlan(plan, alice, { recheck, scheduler: emulatorScheduler(emu) });
    expect(applied.wait).toEqual({ ok: true, attempts: 1, elapsedMs: expect.any(Number) });
    expect(daveMailbox().smtpAuth).toBe('enabled');
  });

  it('switches SMTP AUTH on for the mailbox only when the organisation has it off, leaving the organisation switch alone', async () => {
    contoso().smtpAuthDisabled = true;
    contoso().mailboxes.find((m) => m.address === USERS.alice.upn)!.smtpAuth = 'inherit';
    const recheck = delegatedRecheck(emu, USERS.alice);
    const before = await recheck();
    expect(before.problem?.code).toBe('SMTP_535_5.7.139_TENANT_DISABLED');
    expect(remedyOf(before.problem).map((c) => c.name)).toEqual(['Set-CASMailbox', 'Set-TransportConfig']);
    const plan = planFix({
      cloud: 'custom',
      problemTitle: before.problem!.title,
      cmdlets: remedyOf(before.problem),
      known: {},
    });
    expect(plan.steps.map((s) => s.cmdlet.name)).toEqual(['Set-CASMailbox']);
    expect(plan.notes[0]).toMatch(/this mailbox only/);
    expect((await applyPlan(plan, alice, { recheck, scheduler: emulatorScheduler(emu) })).wait).toMatchObject({
      ok: true,
    });
    expect(contoso().smtpAuthDisabled).toBe(true);
  });

  it("runs the 430 diagnosis's grant for the app's service principal, looking up its Exchange identity first", async () => {
    await alice.invoke(
      cmdlets.newServicePrincipal(UNREGISTERED_DAEMON_APP, UNREGISTERED_DAEMON_SP, 'Unregistered Daemon'),
    );
    const app = await appOnlyFixture(emu, {
      clientId: UNREGISTERED_DAEMON_APP,
      secret: UNREGISTERED_DAEMON_SECRET,
      mailbox: MAILBOXES.unpermitted,
    });
    const before = await app.recheck();
    expect(before.problem?.code).toBe('SMTP_430_4.2.0');
    // The diagnosis read the Enterprise application object ID from the app-only token's oid.
    expect(remedyOf(before.problem)[0]?.parameters.User).toBe(UNREGISTERED_DAEMON_SP);
    const plan = planFix({
      cloud: 'custom',
      problemTitle: before.problem!.title,
      cmdlets: remedyOf(before.problem),
      known: { appId: UNREGISTERED_DAEMON_APP, servicePrincipalObjectId: UNREGISTERED_DAEMON_SP },
    });
    expect(plan.blocked).toBeUndefined();
    expect(plan.steps.map((s) => s.id)).toEqual(['look-up-service-principal', 'step-1-add-mailboxpermission']);
    expect(plan.steps[1]!.purpose).toBe(`Give the app Full Access to ${MAILBOXES.unpermitted}`);
    expect(plan.powershell[2]).toBe(
      `Add-MailboxPermission -Identity ${MAILBOXES.unpermitted} -User (Get-ServicePrincipal -Identity ${UNREGISTERED_DAEMON_APP}).Identity -AccessRights FullAccess`,
    );
    const applied = await applyPlan(plan, alice, { recheck: app.recheck, scheduler: emulatorScheduler(emu) });
    expect(applied.wait).toMatchObject({ ok: true });
  });

  it('does not run a plan with a value nobody knows; its PowerShell keeps the placeholder', async () => {
    const plan = planFix({
      cloud: 'custom',
      problemTitle: 'x',
      cmdlets: [
        {
          ...cmdlets.newServicePrincipal(DAEMON_APP, '<Enterprise application object ID>', 'x'),
          unknown: ['ObjectId'],
        },
      ],
      known: {},
    });
    expect(plan.blocked).toMatch(/-ObjectId of New-ServicePrincipal/);
    const applied = await applyPlan(plan, alice, { recheck: async () => ({ ok: true }) });
    expect(applied.run.problem).toMatchObject({ code: 'EXCHANGE_PLAN_INCOMPLETE' });
    expect(applied.run.problem!.commands[1]).toContain("-ObjectId '<Enterprise application object ID>'");
    // With the profile's object ID known, the same cmdlet is filled in and runnable.
    const known = planFix({
      cloud: 'custom',
      problemTitle: 'x',
      cmdlets: [
        {
          ...cmdlets.newServicePrincipal(DAEMON_APP, '<Enterprise application object ID>', 'x'),
          unknown: ['ObjectId'],
        },
      ],
      known: { servicePrincipalObjectId: UNREGISTERED_DAEMON_SP },
    });
    expect(known.blocked).toBeUndefined();
    expect(known.steps[0]!.cmdlet).toEqual({
      name: 'New-ServicePrincipal',
      parameters: expect.objectContaining({ ObjectId: UNREGISTERED_DAEMON_SP }),
    });
  });

  it('gives up waiting at the bound with a diagnosis that says Exchange can take longer', async () => {
    emu.exchangeAdmin.switches.propagationMinutes = 90;
    const plan = planFix({
      cloud: 'custom',
      problemTitle: 'x',
      cmdlets: [cmdlets.setCasMailbox(USERS.dave.upn, false)],
      known: {},
    });
    const applied = await applyPlan(plan, alice, {
      recheck: delegatedRecheck(emu, USERS.dave),
      scheduler: emulatorScheduler(emu),
    });
    expect(applied.wait).toMatchObject({
      ok: false,
      problem: { code: 'EXCHANGE_PROPAGATION_TIMEOUT', retryable: true },
    });
    expect(applied.wait!.elapsedMs).toBeLessThanOrEqual(60 * MINUTE);
    expect(applied.wait!.elapsedMs).toBeGreaterThan(50 * MINUTE);
  });
});
