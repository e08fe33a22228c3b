// "Give the app access to <mailbox>" end to end against the emulator: the reads decide the plan, the
// plan shows the exact PowerShell, the run reports per step, and the re-check waits out Exchange's
// propagation on the emulator's clock until SMTP accepts (issue 15, reference §7.4, §14.2).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../emulator';
import { findTenant } from '../../emulator/directory';
import {
  CONTOSO,
  MAILBOXES,
  RBAC_APP,
  RBAC_SECRET,
  RBAC_SP,
  SMTP_SENDERS_GROUP,
  UNREGISTERED_DAEMON_APP,
  UNREGISTERED_DAEMON_SP,
  UNREGISTERED_DAEMON_SECRET,
  USERS,
} from '../../emulator/fixtures/ids';
import { applyPlan } from '../../../src/core/exchange-admin/apply-plan';
import { inspectAppAccess, planAppAccess, type AppAccessRequest } from '../../../src/core/exchange-admin/give-access';
import { preparePlan } from '../../../src/core/exchange-admin/prepare';
import { runPlan } from '../../../src/core/exchange-admin/run-plan';
import type { ExchangeAdminPort } from '../../../src/core/exchange-admin/rest-client';
import { daemonAccessRequest, emulatorAdminClient, emulatorAdminTokens, emulatorScheduler } from './emulator-admin';
import { appOnlyFixture } from './recheck';
import { faultScenario } from '../../faults/fault-scenario';

const MINUTE = 60_000;

let emu: Emulator;
let admin: ExchangeAdminPort;
beforeEach(async () => {
  emu = await startEmulator();
  admin = emulatorAdminClient(emu, emulatorAdminTokens(emu, USERS.alice));
});
afterEach(() => emu.close());

const contoso = () => findTenant(emu.directory, CONTOSO)!;

const prepare = (port: ExchangeAdminPort, req: AppAccessRequest) =>
  preparePlan(
    port,
    () => inspectAppAccess(port, req),
    (state, upn) => planAppAccess(req, state, upn),
  );

describe('give the app access to a mailbox (Full Access)', () => {
  it('plans only what is missing and shows the exact PowerShell before running anything', async () => {
    const prepared = await prepare(admin, daemonAccessRequest());
    expect(prepared.ok).toBe(true);
    const plan = prepared.plan;
    expect(plan.steps.map((s) => s.id)).toEqual(['register-service-principal', 'grant-full-access']);
    expect(plan.found).toEqual([`SMTP AUTH is on for ${MAILBOXES.unpermitted}.`]);
    expect(plan.powershell).toEqual([
      `Connect-ExchangeOnline -UserPrincipalName ${USERS.alice.upn}`,
      `New-ServicePrincipal -AppId ${UNREGISTERED_DAEMON_APP} -ObjectId ${UNREGISTERED_DAEMON_SP} -DisplayName 'Unregistered Daemon'`,
      `Add-MailboxPermission -Identity ${MAILBOXES.unpermitted} -User (Get-ServicePrincipal -Identity ${UNREGISTERED_DAEMON_APP}).Identity -AccessRights FullAccess`,
    ]);
    expect(plan.notes.join(' ')).toMatch(/does not document that endpoint/);
    // Reading changed nothing.
    expect(contoso().exchangeServicePrincipals).not.toContain(UNREGISTERED_DAEMON_SP);
  });

  it('runs it, SMTP refuses while it propagates, and the re-check reports success once the emulator time passed', async () => {
    emu.exchangeAdmin.switches.propagationMinutes = 30;
    const app = await appOnlyFixture(emu, {
      clientId: UNREGISTERED_DAEMON_APP,
      secret: UNREGISTERED_DAEMON_SECRET,
      mailbox: MAILBOXES.unpermitted,
    });
    const prepared = await prepare(admin, daemonAccessRequest());
    const scheduler = emulatorScheduler(emu);
    const rechecks: { ok: boolean; code?: string }[] = [];
    const steps: string[] = [];
    const applied = await applyPlan(prepared.plan, admin, {
      recheck: app.recheck,
      scheduler,
      onStep: (o) => steps.push(`${o.id}:${o.status}`),
      onRecheck: (p) => rechecks.push({ ok: p.ok, ...(p.problem ? { code: p.problem.code } : {}) }),
    });
    expect(steps).toEqual(['register-service-principal:done', 'grant-full-access:done']);
    expect(applied.run.ok).toBe(true);
    expect(applied.wait).toMatchObject({ ok: true });
    expect(rechecks[0]).toMatchObject({ ok: false, code: expect.stringMatching(/^SMTP_535_5\.7\.3/) });
    expect(rechecks.at(-1)).toEqual({ ok: true });
    const waited = scheduler.slept.reduce((a, b) => a + b, 0);
    expect(waited).toBeGreaterThanOrEqual(30 * MINUTE - MINUTE);
    expect(waited).toBeLessThanOrEqual(60 * MINUTE);
    console.log(`give-access: ${rechecks.length} SMTP checks over ${Math.round(waited / MINUTE)} emulator minutes`);
  });

  it('is idempotent: running the same plan again reports every step as already in place', async () => {
    const { plan } = await prepare(admin, daemonAccessRequest());
    expect((await runPlan(plan, admin)).ok).toBe(true);
    const again = await runPlan(plan, admin);
    expect(again).toMatchObject({ ok: true, steps: [{ status: 'already' }, { status: 'already' }] });
    expect(contoso().mailboxes.find((m) => m.address === MAILBOXES.unpermitted)!.fullAccessServicePrincipals).toEqual([
      UNREGISTERED_DAEMON_SP,
    ]);
    // Planned afresh, only the grant comes again (permissions are not read first; Exchange answers it as present).
    expect((await prepare(admin, daemonAccessRequest())).plan.steps.map((s) => s.id)).toEqual(['grant-full-access']);
  });

  it('replaces a registration made with the App registration object ID (the classic mistake)', async () => {
    const wrong = 'abababab-0000-4000-8000-000000000006';
    await admin.invoke({
      name: 'New-ServicePrincipal',
      parameters: { AppId: UNREGISTERED_DAEMON_APP, ObjectId: wrong },
    });
    const app = await appOnlyFixture(emu, {
      clientId: UNREGISTERED_DAEMON_APP,
      secret: UNREGISTERED_DAEMON_SECRET,
      mailbox: MAILBOXES.unpermitted,
    });
    const { plan } = await prepare(admin, daemonAccessRequest());
    expect(plan.found[0]).toMatch(/object ID abababab/);
    expect(plan.steps.map((s) => s.id)).toEqual([
      'remove-wrong-service-principal',
      'register-service-principal',
      'grant-full-access',
    ]);
    const applied = await applyPlan(plan, admin, { recheck: app.recheck, scheduler: emulatorScheduler(emu) });
    expect(applied.wait).toMatchObject({ ok: true, attempts: 1 });
  });

  it('switches SMTP AUTH on for the mailbox too when the organisation has it off', async () => {
    contoso().smtpAuthDisabled = true;
    contoso().mailboxes.find((m) => m.address === MAILBOXES.unpermitted)!.smtpAuth = 'inherit';
    const { plan } = await prepare(admin, daemonAccessRequest());
    expect(plan.steps.at(-1)).toMatchObject({
      id: 'enable-smtp-auth',
      powershell: `Set-CASMailbox -Identity ${MAILBOXES.unpermitted} -SmtpClientAuthenticationDisabled $false`,
    });
  });

  it('adds Send As when the mail goes out From another address', async () => {
    const { plan } = await prepare(admin, daemonAccessRequest({ fromAddress: MAILBOXES.shared }));
    expect(plan.steps.map((s) => s.id)).toContain('grant-send-as');
    expect((await runPlan(plan, admin)).ok).toBe(true);
    expect(contoso().mailboxes.find((m) => m.address === MAILBOXES.shared)!.sendAs).toContain(UNREGISTERED_DAEMON_SP);
  });
});

describe('give the app access through App RBAC', () => {
  it('scopes the RBAC Mailer to a group by its distinguished name, and SMTP accepts a member', async () => {
    const app = await appOnlyFixture(emu, { clientId: RBAC_APP, secret: RBAC_SECRET, mailbox: MAILBOXES.unpermitted });
    const req: AppAccessRequest = {
      ...daemonAccessRequest(),
      appId: RBAC_APP,
      servicePrincipalObjectId: RBAC_SP,
      displayName: 'RBAC Mailer',
      model: { kind: 'rbac-group', group: SMTP_SENDERS_GROUP },
      tokenHasSendAsAppRole: false,
    };
    const { plan } = await prepare(admin, req);
    expect(plan.steps.map((s) => s.id)).toEqual([
      'register-service-principal',
      'new-management-scope',
      'new-role-assignment',
    ]);
    expect(plan.powershell[2]).toMatch(
      /^New-ManagementScope -Name 'SMTP send: smtp-senders@contoso.com' -RecipientRestrictionFilter "?'MemberOfGroup -eq ''CN=smtp-senders,OU=contoso\.onmicrosoft\.com,/,
    );
    expect(plan.notes.join(' ')).not.toMatch(/SMTP\.SendAsApp application permission/);
    const applied = await applyPlan(plan, admin, { recheck: app.recheck, scheduler: emulatorScheduler(emu) });
    expect(applied.wait).toMatchObject({ ok: true });
    expect((await prepare(admin, req)).plan.found).toContain(
      `An App RBAC role already lets the app send from ${MAILBOXES.unpermitted}.`,
    );
  });

  it('warns when the app carries SMTP.SendAsApp, which makes Exchange ignore the scope', async () => {
    const { plan } = await prepare(admin, daemonAccessRequest({ model: { kind: 'rbac-mailbox' } }));
    expect(plan.notes[0]).toMatch(/ignores App RBAC scopes/);
    expect(plan.powershell).toContain(
      `New-ManagementScope -Name 'SMTP send: ${MAILBOXES.unpermitted}' -RecipientRestrictionFilter 'PrimarySmtpAddress -eq ''${MAILBOXES.unpermitted}'''`,
    );
  });
});

describe('when the admin path cannot be used', () => {
  faultScenario(
    '15.4',
    'unclear',
    'gives a user without the Exchange role the diagnosis with the full PowerShell, and changes nothing',
    async () => {
      const dave = emulatorAdminClient(emu, emulatorAdminTokens(emu, USERS.dave));
      const before = JSON.stringify(contoso());
      const prepared = await prepare(dave, daemonAccessRequest());
      expect(prepared.ok).toBe(false);
      if (prepared.ok) return;
      expect(prepared.problem).toMatchObject({
        code: 'EXCHANGE_ADMIN_NOT_ADMIN',
        title: `${USERS.dave.upn} is not an Exchange administrator`,
      });
      expect(prepared.problem.commands).toEqual([
        `Connect-ExchangeOnline -UserPrincipalName ${USERS.dave.upn}`,
        `New-ServicePrincipal -AppId ${UNREGISTERED_DAEMON_APP} -ObjectId ${UNREGISTERED_DAEMON_SP} -DisplayName 'Unregistered Daemon'`,
        `Add-MailboxPermission -Identity ${MAILBOXES.unpermitted} -User (Get-ServicePrincipal -Identity ${UNREGISTERED_DAEMON_APP}).Identity -AccessRights FullAccess`,
        `Set-CASMailbox -Identity ${MAILBOXES.unpermitted} -SmtpClientAuthenticationDisabled $false`,
      ]);
      expect(JSON.stringify(contoso())).toBe(before);
    },
  );

  faultScenario(
    '15.4',
    'unclear',
    'says what was applied and what was not when Exchange fails mid-way, with the PowerShell for the rest',
    async () => {
      const { plan } = await prepare(admin, daemonAccessRequest());
      const run = await runPlan(plan, admin, {
        // Exchange goes down right after the first step.
        onStep: () => emu.faults.set({ http503: true, pathIncludes: '/adminapi' }),
      });
      emu.faults.clear();
      expect(run.ok).toBe(false);
      expect(run.steps.map((s) => s.status)).toEqual(['done', 'failed']);
      expect(run.problem).toMatchObject({ code: 'EXCHANGE_ADMIN_UNAVAILABLE', retryable: true });
      expect(run.problem!.explanation).toMatch(
        /Applied: Register the app "Unregistered Daemon" in Exchange .*\. Not applied: Give the app Full Access to unpermitted@contoso\.com\./,
      );
      expect(run.problem!.commands).toEqual([plan.powershell[0], plan.powershell[2]]);
    },
  );

  faultScenario(
    '15.4',
    'unclear',
    'stops when cancelled and says the running step may or may not have reached Exchange',
    async () => {
      const { plan } = await prepare(admin, daemonAccessRequest());
      const stop = new AbortController();
      const run = await runPlan(plan, admin, { signal: stop.signal, onStep: () => stop.abort() });
      expect(run.steps.map((s) => s.status)).toEqual(['done', 'failed']);
      expect(run.problem).toMatchObject({ code: 'CANCELLED' });
      expect(run.problem!.explanation).toMatch(/may or may not have reached Exchange/);
    },
  );
});
