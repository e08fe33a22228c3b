// What the Exchange admin REST changes do to SMTP, end to end over raw HTTPS and a bare SMTP socket:
// a grant reaches SMTP only after the propagation time (emulator clock), App RBAC scopes decide for
// apps without the SMTP.SendAsApp claim, and a wrong ObjectId fails at login, not at the cmdlet (§7.4, §14.2).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from './index';
import {
  DAEMON_SP,
  MAILBOXES,
  RBAC_APP,
  RBAC_SECRET,
  RBAC_SP,
  SMTP_SENDERS_GROUP,
  UNREGISTERED_DAEMON_APP,
  UNREGISTERED_DAEMON_SP,
  UNREGISTERED_DAEMON_SECRET,
  USERS,
  AEM_APP,
  AEM_SECRET,
} from './fixtures/ids';
import { exchangeAdminToken, invokeCmdlet, rows } from './exchange-admin-helpers';
import { RawSmtp, xoauth2 } from './raw-smtp';
import { appOnlyToken, delegatedTokens } from './test-helpers';

const MINUTE = 60_000;

let emu: Emulator;
let admin: string;

beforeEach(async () => {
  emu = await startEmulator();
  admin = await exchangeAdminToken(emu, USERS.alice);
});
afterEach(() => emu.close());

async function login(user: string, token: string): Promise<string> {
  const client = await RawSmtp.openSecured(emu.smtp.port, emu.caPem);
  const reply = await client.command(`AUTH XOAUTH2 ${xoauth2(user, token)}`);
  client.close();
  return reply;
}

const run = async (cmdlet: string, parameters: Record<string, unknown>) =>
  rows(await invokeCmdlet(emu, admin, cmdlet, parameters));

describe('propagation: a change reaches SMTP only after N minutes of emulator time', () => {
  it('grants an app-only mailer through REST; SMTP refuses until the propagation time has passed, then accepts', async () => {
    emu.exchangeAdmin.switches.propagationMinutes = 30;
    const before = emu.clock.now();
    await run('New-ServicePrincipal', { AppId: UNREGISTERED_DAEMON_APP, ObjectId: UNREGISTERED_DAEMON_SP });
    await run('Add-MailboxPermission', {
      Identity: MAILBOXES.unpermitted,
      User: UNREGISTERED_DAEMON_SP,
      AccessRights: ['FullAccess'],
    });
    // Exchange's configuration says it is done at once...
    expect(await run('Get-ServicePrincipal', { Identity: UNREGISTERED_DAEMON_APP })).toHaveLength(1);
    const after = emu.clock.now();
    expect(emu.exchangeAdmin.settledAt()).toBeGreaterThanOrEqual(before + 30 * MINUTE);
    expect(emu.exchangeAdmin.settledAt()).toBeLessThanOrEqual(after + 30 * MINUTE);
    // ...but mail flow does not know yet.
    const token = await appOnlyToken(emu, UNREGISTERED_DAEMON_APP, UNREGISTERED_DAEMON_SECRET);
    expect(await login(MAILBOXES.unpermitted, token)).toMatch(/^535 5\.7\.3 /);
    emu.clock.advance(25 * MINUTE);
    expect(await login(MAILBOXES.unpermitted, token)).toMatch(/^535 5\.7\.3 /);
    emu.clock.advance(6 * MINUTE);
    expect(await login(MAILBOXES.unpermitted, token)).toBe('235 2.7.0 Authentication successful');
    expect(emu.exchangeAdmin.settledAt()).toBeUndefined();
  });

  it("switches Dave's SMTP AUTH on: 5.7.139 for the mailbox until it propagates, then the login works", async () => {
    emu.exchangeAdmin.switches.propagationMinutes = 10;
    const t = await delegatedTokens(emu, {
      clientId: AEM_APP,
      secret: AEM_SECRET,
      scope: 'https://outlook.office.com/SMTP.Send offline_access',
      user: USERS.dave,
    });
    const token = String(t.access_token);
    await run('Set-CASMailbox', { Identity: USERS.dave.upn, SmtpClientAuthenticationDisabled: false });
    expect((await run('Get-CASMailbox', { Identity: USERS.dave.upn }))[0]).toMatchObject({
      SmtpClientAuthenticationDisabled: false,
    });
    expect(await login(USERS.dave.upn, token)).toMatch(/^535 5\.7\.139 .*disabled for the Mailbox/);
    emu.clock.advance(10 * MINUTE);
    expect(await login(USERS.dave.upn, token)).toBe('235 2.7.0 Authentication successful');
  });
});

describe('App RBAC at the SMTP login (§14.2.6)', () => {
  async function scopeRbacMailerToGroup(): Promise<void> {
    await run('New-ServicePrincipal', { AppId: RBAC_APP, ObjectId: RBAC_SP, DisplayName: 'RBAC Mailer' });
    const [group] = await run('Get-DistributionGroup', { Identity: SMTP_SENDERS_GROUP });
    await run('New-ManagementScope', {
      Name: 'SMTP senders',
      RecipientRestrictionFilter: `MemberOfGroup -eq '${String(group!.DistinguishedName)}'`,
    });
    await run('New-ManagementRoleAssignment', {
      App: RBAC_SP,
      Role: 'Application SMTP.SendAsApp',
      CustomResourceScope: 'SMTP senders',
    });
  }

  it('lets an app without the SMTP.SendAsApp claim log in to mailboxes inside its scope only', async () => {
    const token = await appOnlyToken(emu, RBAC_APP, RBAC_SECRET);
    expect(await login(MAILBOXES.unpermitted, token)).toMatch(/^535 5\.7\.3 /);
    await scopeRbacMailerToGroup();
    expect(await login(MAILBOXES.unpermitted, token)).toBe('235 2.7.0 Authentication successful');
    expect(await login(MAILBOXES.noreply, token)).toMatch(/^535 5\.7\.3 /);
  });

  it('scopes to one mailbox with a PrimarySmtpAddress filter', async () => {
    await run('New-ServicePrincipal', { AppId: RBAC_APP, ObjectId: RBAC_SP });
    await run('New-ManagementScope', {
      Name: 'noreply only',
      RecipientRestrictionFilter: `PrimarySmtpAddress -eq '${MAILBOXES.noreply}'`,
    });
    await run('New-ManagementRoleAssignment', {
      App: RBAC_APP,
      Role: 'Application SMTP.SendAsApp',
      CustomResourceScope: 'noreply only',
    });
    const token = await appOnlyToken(emu, RBAC_APP, RBAC_SECRET);
    expect(await login(MAILBOXES.noreply, token)).toBe('235 2.7.0 Authentication successful');
    expect(await login(MAILBOXES.unpermitted, token)).toMatch(/^535 5\.7\.3 /);
  });

  it('checks mailbox permissions instead when the token carries SMTP.SendAsApp (Microsoft: the claim triggers that check)', async () => {
    await run('New-ServicePrincipal', { AppId: UNREGISTERED_DAEMON_APP, ObjectId: UNREGISTERED_DAEMON_SP });
    await run('New-ManagementRoleAssignment', { App: UNREGISTERED_DAEMON_SP, Role: 'Application SMTP.SendAsApp' });
    const token = await appOnlyToken(emu, UNREGISTERED_DAEMON_APP, UNREGISTERED_DAEMON_SECRET);
    expect(await login(MAILBOXES.unpermitted, token)).toMatch(/^430 4\.2\.0 /);
  });
});

describe('the ObjectId mistake (§14.2.1)', () => {
  it('accepts the App registration object id at New-ServicePrincipal, and the SMTP login then fails', async () => {
    const appRegistrationObjectId = 'abababab-0000-4000-8000-000000000006';
    await run('New-ServicePrincipal', { AppId: UNREGISTERED_DAEMON_APP, ObjectId: appRegistrationObjectId });
    await run('Add-MailboxPermission', {
      Identity: MAILBOXES.unpermitted,
      User: appRegistrationObjectId,
      AccessRights: ['FullAccess'],
    });
    const token = await appOnlyToken(emu, UNREGISTERED_DAEMON_APP, UNREGISTERED_DAEMON_SECRET);
    expect(await login(MAILBOXES.unpermitted, token)).toMatch(/^535 5\.7\.3 /);
    expect(DAEMON_SP).not.toBe(appRegistrationObjectId);
  });
});
