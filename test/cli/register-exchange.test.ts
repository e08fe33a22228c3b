// `register … --exchange` as a real process against the emulator: the app registration is created,
// then Exchange's part runs in the same process. The admin's Graph sign-in is asked first for the
// Exchange token; where Entra refuses it (first-party client not preauthorized, the emulator's
// default), the terminal says why and one device-code sign-in with Exchange Online PowerShell's
// client follows.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulator';
import { findApp, findTenant } from '../emulator/directory';
import { CONTOSO, MAILBOXES, SMTP_SENDERS_GROUP, USERS } from '../emulator/fixtures/ids';
import { enterDeviceCode } from '../emulator/http-sign-in';
import type { SignInOptions } from '../emulator/sign-in-driver';
import { cliSandbox, type CliSandbox, type RunningCli } from './cli-harness';
import { emulatorCloudArgs } from './register-world';

let emu: Emulator;
let cli: CliSandbox;
let caFile: string;
beforeAll(async () => {
  emu = await startEmulator({ behaviour: { deviceCodeIntervalSeconds: 1 } });
  cli = await cliSandbox('register-exchange');
  caFile = join(cli.dataDir, 'emulator-ca.pem');
  writeFileSync(caFile, emu.caPem);
});
afterAll(async () => {
  await cli?.dispose();
  await emu?.close();
});
beforeEach(() => {
  emu.exchangeAdmin.switches.propagationMinutes = 0;
  emu.exchangeAdmin.switches.firstPartyExchange = 'not-preauthorized';
});

const contoso = () => findTenant(emu.directory, CONTOSO)!;

const REGISTER_CODE = /open the page (\S+) and enter the code (\S+) to authenticate/;
const EXCHANGE_CODE =
  /Sign in as an Exchange administrator: .*?open the page (\S+) and enter the code (\S+) to authenticate/;

function register(mailbox: string, extra: string[]): RunningCli {
  return cli.start([
    'register',
    '--tenant',
    'contoso.com',
    '--mailbox',
    mailbox,
    '--device-code',
    '--exchange',
    ...extra,
    ...emulatorCloudArgs(emu, caFile),
  ]);
}

async function signIn(running: RunningCli, pattern: RegExp, user: SignInOptions): Promise<void> {
  const [, uri, code] = await running.waitForStderr(pattern);
  await enterDeviceCode(emu.authorityHost, emu.caPem, uri!, code!, user);
}

interface ExchangeDoc {
  ok: boolean;
  fixed: boolean;
  plan: { steps: { powershell: string }[]; powershell: string[] };
  run?: { steps: { status: string }[] };
  wait?: { ok: boolean; attempts: number };
  problem?: { code: string; commands?: string[] };
}

describe('register --exchange', () => {
  it('app-only: Graph Command Line Tools is refused an Exchange token, so one clear second sign-in follows; SMTP accepts once Exchange has propagated', async () => {
    emu.exchangeAdmin.switches.propagationMinutes = 1;
    const running = register(MAILBOXES.unpermitted, ['--target', 'app-only', '--yes', '--json']);
    await signIn(running, REGISTER_CODE, USERS.alice);
    await signIn(running, EXCHANGE_CODE, USERS.alice);
    // The first SMTP check after the change is refused while it propagates; the emulator's clock moves on.
    await running.waitForStderr(/SMTP still refuses: .*checking again in/);
    emu.clock.advance(2 * 60_000);
    const r = await running.done;
    expect(r.stderr).toMatch(
      /Microsoft Graph Command Line Tools, the sign-in app that created the app registration, is a Microsoft app that Microsoft has not allowed to ask Exchange Online for a token \(AADSTS65002\)\. One more sign-in is needed for Exchange/,
    );
    expect(r.stderr.match(/enter the code/g)).toHaveLength(2);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { ok: boolean; servicePrincipalObjectId: string; exchange: ExchangeDoc };
    expect(doc.ok).toBe(true);
    expect(doc.exchange).toMatchObject({ ok: true, fixed: true, wait: { ok: true } });
    expect(doc.exchange.wait!.attempts).toBeGreaterThanOrEqual(2);
    expect(doc.exchange.plan.steps[0]!.powershell).toContain(`-ObjectId ${doc.servicePrincipalObjectId}`);
    expect(doc.exchange.run!.steps.map((s) => s.status)).toEqual(['done', 'done']);
    expect(contoso().exchangeServicePrincipals).toContain(doc.servicePrincipalObjectId);
    expect((await cli.run(['verify', (doc as unknown as { profile: { id: string } }).profile.id])).code).toBe(0);
  }, 120_000);

  it('app-only with --group: where Entra gives the Graph sign-in an Exchange token, nobody signs in twice', async () => {
    emu.exchangeAdmin.switches.firstPartyExchange = 'preauthorized';
    const running = register(MAILBOXES.unpermitted, [
      '--target',
      'app-only',
      '--name',
      'RBAC by register',
      '--group',
      SMTP_SENDERS_GROUP,
      '--yes',
    ]);
    await signIn(running, REGISTER_CODE, USERS.alice);
    const r = await running.done;
    expect(r.stderr).not.toMatch(/Sign in as an Exchange administrator|One more sign-in/);
    expect(r.stdout).toMatch(/New-ManagementScope .*MemberOfGroup/);
    expect(r.stdout).toMatch(/New-ManagementRoleAssignment .*-App /);
    expect(r.stdout).toContain(`✓ Fixed: SMTP accepts ${MAILBOXES.unpermitted} now.`);
    expect(r.stdout).toContain('Next: smtp-oauth-wizard verify "RBAC by register"');
    expect(r.code).toBe(0);
    // Made for App RBAC: no SMTP.SendAsApp, with which Exchange would check mailbox permissions instead.
    const clientId = /Application \(client\) ID: +(\S+)/.exec(r.stdout)![1]!;
    const app = findApp(emu.directory, clientId)!.app;
    expect(app.requiredResourceAccess ?? []).toEqual([]);
    expect(contoso().appRoleAssignments?.filter((a) => a.principalId === app.servicePrincipalObjectId) ?? []).toEqual(
      [],
    );
  }, 120_000);

  it('an admin without the Exchange role gets the diagnosis with the PowerShell to run; the app registration stays', async () => {
    const running = register(MAILBOXES.unpermitted, ['--target', 'app-only', '--name', 'Not admin', '--yes', '--json']);
    await signIn(running, REGISTER_CODE, USERS.alice);
    await signIn(running, EXCHANGE_CODE, USERS.dave);
    const r = await running.done;
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { ok: boolean; clientId: string; exchange: ExchangeDoc };
    expect(doc.ok).toBe(false);
    expect(doc.exchange.problem?.code).toBe('EXCHANGE_ADMIN_NOT_ADMIN');
    expect(doc.exchange.plan.powershell.join('\n')).toContain(`New-ServicePrincipal -AppId ${doc.clientId}`);
    expect(doc.exchange.plan.powershell.join('\n')).toContain(
      `Add-MailboxPermission -Identity ${MAILBOXES.unpermitted}`,
    );
    expect((await cli.store.list()).some((p) => p.name === 'Not admin' && p.registration?.steps.ready)).toBe(true);
  }, 120_000);

  it("delegated: switches SMTP AUTH on for Dave's mailbox only, and leaves the SMTP check for after the mailbox signs in", async () => {
    emu.exchangeAdmin.switches.firstPartyExchange = 'preauthorized';
    const running = register(USERS.dave.upn, ['--target', 'generic', '--name', 'Dave generic', '--yes']);
    await signIn(running, REGISTER_CODE, USERS.alice);
    const r = await running.done;
    expect(r.stdout).toContain(`Set-CASMailbox -Identity ${USERS.dave.upn} -SmtpClientAuthenticationDisabled $false`);
    expect(r.stdout).toMatch(/✓ Done in Exchange\. SMTP is checked once dave@contoso\.com has signed in/);
    expect(r.stdout).toContain('Next: smtp-oauth-wizard sign-in "Dave generic" --browser');
    expect(r.code).toBe(0);
    expect(contoso().mailboxes.find((m) => m.address === USERS.dave.upn)?.smtpAuth).toBe('enabled');
  }, 120_000);

  it('refuses --exchange without --yes when nobody can answer, and --group without --exchange, before creating anything', async () => {
    const before = (await cli.store.list()).length;
    const appOnly = ['register', '--target', 'app-only', '--tenant', 'contoso.com', '--mailbox', 'x@contoso.com'];
    const noYes = await cli.run([...appOnly, '--exchange']);
    expect([noYes.code, noYes.stderr]).toEqual([2, expect.stringContaining('add --yes')]);
    const noExchange = await cli.run([...appOnly, '--group', SMTP_SENDERS_GROUP]);
    expect([noExchange.code, noExchange.stderr]).toEqual([2, expect.stringContaining('--group goes with --exchange')]);
    expect((await cli.store.list()).length).toBe(before);
  });
});
