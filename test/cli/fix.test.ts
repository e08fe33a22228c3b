// `smtp-oauth-wizard fix <profile> <problem code>` as a real process over the app's profile file and
// a throwaway keychain: the Exchange admin signs in by device code (driven here over HTTPS as Alice
// or Dave would), the commands run through the emulator's admin REST, and SMTP is checked again.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulator';
import { findTenant } from '../emulator/directory';
import {
  CONTOSO,
  MAILBOXES,
  RBAC_APP,
  RBAC_SECRET,
  RBAC_SP,
  SMTP_SENDERS_GROUP,
  UNREGISTERED_DAEMON_APP,
  UNREGISTERED_DAEMON_SECRET,
  USERS,
} from '../emulator/fixtures/ids';
import { continueSignIn, httpsRequest, type SignInOptions } from '../emulator/sign-in-driver';
import { daemonDraft } from './bulk-world';
import { cliSandbox, type CliSandbox } from './cli-harness';
import { signedInAemProfile } from './signed-in-profile';

let emu: Emulator;
let cli: CliSandbox;

beforeAll(async () => {
  emu = await startEmulator({ behaviour: { deviceCodeIntervalSeconds: 1 } });
  cli = await cliSandbox('fix');
  await signedInAemProfile(cli, emu, 'Dave AEM', USERS.dave);
  await cli.store.create(
    daemonDraft(emu, {
      name: 'Unregistered',
      clientId: UNREGISTERED_DAEMON_APP,
      mailbox: MAILBOXES.unpermitted,
      fromAddress: MAILBOXES.unpermitted,
    }),
    { clientSecret: UNREGISTERED_DAEMON_SECRET },
  );
  await cli.store.create(
    daemonDraft(emu, {
      name: 'RBAC',
      clientId: RBAC_APP,
      mailbox: MAILBOXES.unpermitted,
      fromAddress: MAILBOXES.unpermitted,
    }),
    { clientSecret: RBAC_SECRET },
  );
});
afterAll(async () => {
  await emu?.close();
  await cli?.dispose();
});
beforeEach(() => {
  emu.exchangeAdmin.switches.propagationMinutes = 0;
});

const contoso = () => findTenant(emu.directory, CONTOSO)!;
const daveMailbox = () => contoso().mailboxes.find((m) => m.address === USERS.dave.upn)!;

/** Runs the command and, when it prints a device code, signs `admin` in on the device login page. */
function runSigningIn(args: string[], admin: SignInOptions) {
  let entered: Promise<string> | undefined;
  const running = cli.start(args, {});
  // A command that needs no admin ends without a device code: then nobody signs in.
  void running
    .waitForStderr(/enter the code (\S+)/)
    .then((m) => {
      const code = m[1] ?? '';
      entered = (async () => {
        const login = `${emu.authorityHost}/devicelogin`;
        const afterCode = await httpsRequest(login, emu.caPem, {
          body: new URLSearchParams({ step: 'code', otc: code }).toString(),
        });
        const end = await continueSignIn(emu.authorityHost, afterCode, emu.caPem, admin);
        return end.kind === 'page' ? end.text : end.kind;
      })();
    })
    .catch(() => undefined);
  return running.done.then(async (r) => ({ ...r, signedIn: entered !== undefined, login: await entered }));
}

describe('fix <profile> <problem code>', () => {
  it('refuses to run without --yes when nobody can answer the question, and changes nothing', async () => {
    const r = await cli.run(['fix', 'Dave AEM', 'SMTP_535_5.7.139_MAILBOX_DISABLED']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`Set-CASMailbox -Identity ${USERS.dave.upn} -SmtpClientAuthenticationDisabled $false`);
    expect(r.stderr).toMatch(/add --yes/);
    expect(daveMailbox().smtpAuth).toBe('disabled');
  });

  it('names the current diagnosis when it is another one, and signs nobody in', async () => {
    const r = await cli.run(['fix', 'Dave AEM', 'SMTP_430_4.2.0', '--yes']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'The current diagnosis of Dave AEM is SMTP_535_5.7.139_MAILBOX_DISABLED, not SMTP_430_4.2.0',
    );
    expect(r.stderr).not.toMatch(/enter the code/);
  });

  it('gives a user without the Exchange role the diagnosis with the PowerShell to run, and changes nothing', async () => {
    const r = await runSigningIn(['fix', 'Dave AEM', 'SMTP_535_5.7.139_MAILBOX_DISABLED', '--yes'], USERS.dave);
    expect(r.signedIn).toBe(true);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[EXCHANGE_ADMIN_NOT_ADMIN]');
    expect(r.stdout).toMatch(/Nothing was changed in Exchange\./);
    expect(r.stdout).toContain(`  Set-CASMailbox -Identity ${USERS.dave.upn} -SmtpClientAuthenticationDisabled $false`);
    expect(daveMailbox().smtpAuth).toBe('disabled');
  });

  it("switches Dave's SMTP AUTH on with Alice as admin, and the re-check passes", async () => {
    const r = await runSigningIn(['fix', 'Dave AEM', 'SMTP_535_5.7.139_MAILBOX_DISABLED', '--yes'], USERS.alice);
    expect(r.stderr).toMatch(/Sign in as an Exchange administrator: To sign in, use a web browser/);
    expect(r.stdout).toContain(`✓ Turn SMTP AUTH on for ${USERS.dave.upn} only`);
    expect(r.stdout).toContain(`✓ Fixed: SMTP accepts ${USERS.dave.upn} now.`);
    expect(r.code).toBe(0);
    expect(daveMailbox().smtpAuth).toBe('enabled');
    expect((await cli.run(['fix', 'Dave AEM', 'SMTP_535_5.7.139_MAILBOX_DISABLED'])).stdout).toMatch(/nothing to fix/);
  });

  it('registers an app-only mailer and grants it; with --wait-minutes 0 it says the change is still on its way, and verify passes later', async () => {
    emu.exchangeAdmin.switches.propagationMinutes = 30;
    const r = await runSigningIn(
      ['fix', 'Unregistered', 'SMTP_535_5.7.3_APP_NOT_ALLOWED', '--yes', '--wait-minutes', '0', '--json'],
      USERS.alice,
    );
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as {
      fixed: boolean;
      run: { steps: { status: string }[] };
      wait: { ok: boolean; problem: { code: string } };
    };
    expect(doc.fixed).toBe(true);
    expect(doc.run.steps.map((s) => s.status)).toEqual(['done', 'done']);
    expect(doc.wait).toMatchObject({ ok: false, problem: { code: 'EXCHANGE_PROPAGATION_TIMEOUT' } });
    emu.clock.advance(31 * 60_000);
    expect((await cli.run(['verify', 'Unregistered'])).code).toBe(0);
  });
});

describe('give-access <profile>', () => {
  it("reads Exchange, registers the App RBAC mailer with its token's object ID, scopes it to the group, and SMTP accepts", async () => {
    const r = await runSigningIn(['give-access', 'RBAC', '--group', SMTP_SENDERS_GROUP, '--yes'], USERS.alice);
    expect(r.stdout).toContain(`New-ServicePrincipal -AppId ${RBAC_APP} -ObjectId ${RBAC_SP}`);
    expect(r.stdout).toMatch(/New-ManagementRoleAssignment .*-App /);
    expect(r.stdout).toContain(`✓ Fixed: SMTP accepts ${MAILBOXES.unpermitted} now.`);
    expect(r.code).toBe(0);
    expect(contoso().exchangeServicePrincipals).toContain(RBAC_SP);
    // Asked again, Exchange has it all: nothing to run, and nobody is asked.
    const again = await runSigningIn(['give-access', 'RBAC', '--group', SMTP_SENDERS_GROUP], USERS.alice);
    expect(again.stdout).toContain('Nothing to change in Exchange.');
    expect(again.code).toBe(0);
  });

  it('gives a delegated mailbox whose SMTP AUTH is on nothing to run, and a non-admin the PowerShell', async () => {
    const r = await runSigningIn(['give-access', 'Dave AEM', '--yes'], USERS.dave);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[EXCHANGE_ADMIN_NOT_ADMIN]');
    expect(r.stdout).toContain(`Set-CASMailbox -Identity ${USERS.dave.upn} -SmtpClientAuthenticationDisabled $false`);
    const ok = await runSigningIn(['give-access', 'Dave AEM', '--yes'], USERS.alice);
    expect(ok.stdout).toMatch(/SMTP AUTH is on for dave@contoso\.com/);
    expect(ok.code).toBe(0);
  });
});
