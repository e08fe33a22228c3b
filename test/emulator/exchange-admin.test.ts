// The Exchange admin REST stand-in over raw HTTPS (reference §14): request and response shapes, the
// token and role it needs, each cmdlet against the live directory, and Exchange's error envelope.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findTenant } from './directory';
import { startEmulator, type Emulator } from './index';
import {
  CONTOSO,
  DAEMON_APP,
  DAEMON_SECRET,
  DAEMON_SP,
  MAILBOXES,
  RBAC_APP,
  RBAC_SP,
  SMTP_SENDERS_GROUP,
  UNREGISTERED_DAEMON_APP,
  UNREGISTERED_DAEMON_SP,
  USERS,
} from './fixtures/ids';
import { cmdletError, exchangeAdminToken, invokeCmdlet, rows } from './exchange-admin-helpers';
import { appOnlyToken, delegatedTokens } from './test-helpers';
import { AEM_APP, AEM_SECRET } from './fixtures/ids';

let emu: Emulator;
let alice: string;

beforeAll(async () => {
  emu = await startEmulator();
  alice = await exchangeAdminToken(emu, USERS.alice);
});
afterAll(() => emu.close());
beforeEach(() => {
  emu.exchangeAdmin.switches.propagationMinutes = 0;
  emu.exchangeAdmin.switches.nonAdminReply = 'cmdlet-not-recognized';
});

const contoso = () => findTenant(emu.directory, CONTOSO)!;
const mailbox = (address: string) => contoso().mailboxes.find((m) => m.address === address)!;

describe('§14.1 request, token and role', () => {
  it('runs a cmdlet from the CmdletInput body and answers a value array', async () => {
    const r = await invokeCmdlet(emu, alice, 'Get-TransportConfig');
    expect(r.status).toBe(200);
    expect(r.json.value).toEqual([{ Identity: 'Transport Settings', SmtpClientAuthenticationDisabled: false }]);
  });

  it('serves the admin REST on the IdP host, which stands in for outlook.office365.com', () => {
    expect(emu.exchangeAdmin.baseUrl).toBe(emu.authorityHost);
    expect(emu.exchangeAdmin.invokeUrl()).toBe(`${emu.authorityHost}/adminapi/beta/${CONTOSO}/InvokeCommand`);
  });

  it('refuses a token for another audience with 401 (a Graph or SMTP token is not an admin token)', async () => {
    const graph = await delegatedTokens(emu, {
      clientId: AEM_APP,
      secret: AEM_SECRET,
      scope: 'https://graph.microsoft.com/User.Read',
      user: USERS.alice,
    });
    const r = await invokeCmdlet(emu, String(graph.access_token), 'Get-TransportConfig');
    expect(r.status).toBe(401);
    expect(String(r.headers['www-authenticate'])).toMatch(/^Bearer /);
  });

  it('refuses a token past its expiry by the emulator clock, and a missing or forged bearer', async () => {
    emu.clock.advance(2 * 3600_000);
    expect((await invokeCmdlet(emu, alice, 'Get-TransportConfig')).status).toBe(401);
    emu.clock.advance(-2 * 3600_000);
    expect((await invokeCmdlet(emu, `${alice.slice(0, -4)}AAAA`, 'Get-TransportConfig')).status).toBe(401);
  });

  it('refuses a URL naming another organisation than the token', async () => {
    const url = emu.exchangeAdmin.invokeUrl('22222222-2222-4222-8222-222222222222');
    expect((await invokeCmdlet(emu, alice, 'Get-TransportConfig', {}, { url })).status).toBe(401);
  });

  it('accepts the tenant as its domain too, and requires the X-AnchorMailbox routing header', async () => {
    const url = emu.exchangeAdmin.invokeUrl('contoso.onmicrosoft.com');
    expect((await invokeCmdlet(emu, alice, 'Get-TransportConfig', {}, { url })).status).toBe(200);
    expect((await invokeCmdlet(emu, alice, 'Get-TransportConfig', {}, { anchor: null })).status).toBe(400);
  });

  it('lets an Exchange Administrator without Global Administrator run cmdlets', async () => {
    const hank = await exchangeAdminToken(emu, USERS.hank);
    expect((await invokeCmdlet(emu, hank, 'Get-TransportConfig')).status).toBe(200);
  });

  it('hides admin cmdlets from a user without an Exchange role, as the module does (§14.2.7)', async () => {
    const dave = await exchangeAdminToken(emu, USERS.dave);
    const r = await invokeCmdlet(emu, dave, 'Set-CASMailbox', {
      Identity: MAILBOXES.unpermitted,
      SmtpClientAuthenticationDisabled: true,
    });
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ message: 'Error executing cmdlet' });
    expect(cmdletError(r)).toMatchObject({ type: 'System.Management.Automation.CommandNotFoundException' });
    expect(cmdletError(r).message).toMatch(/^The term 'Set-CASMailbox' is not recognized/);
    expect(mailbox(MAILBOXES.unpermitted).smtpAuth).toBe('enabled');
  });

  it('can refuse such a user with a bare 403 instead (the REST form is unconfirmed)', async () => {
    emu.exchangeAdmin.switches.nonAdminReply = 'http-403';
    const dave = await exchangeAdminToken(emu, USERS.dave);
    expect((await invokeCmdlet(emu, dave, 'Get-TransportConfig')).status).toBe(403);
  });

  it('refuses an app-only token (the stand-in models delegated admins only)', async () => {
    const app = await appOnlyToken(emu, DAEMON_APP, DAEMON_SECRET);
    const r = await invokeCmdlet(emu, app, 'Get-TransportConfig', {}, { anchor: `UPN:x@contoso.com` });
    expect(r.status).toBe(403);
  });

  it("answers an unknown cmdlet, a misspelt parameter and a missing one in PowerShell's words", async () => {
    expect(cmdletError(await invokeCmdlet(emu, alice, 'Get-Nothing')).message).toMatch(
      /'Get-Nothing' is not recognized/,
    );
    expect(cmdletError(await invokeCmdlet(emu, alice, 'Get-CASMailbox', { Identiy: 'x' })).message).toBe(
      "A parameter cannot be found that matches parameter name 'Identiy'.",
    );
    expect(cmdletError(await invokeCmdlet(emu, alice, 'New-ServicePrincipal', {})).message).toBe(
      'Cannot process command because of one or more missing mandatory parameters: AppId ObjectId.',
    );
  });

  it('matches cmdlet and parameter names case-insensitively and takes Confirm:false', async () => {
    const r = await invokeCmdlet(emu, alice, 'get-casmailbox', { identity: MAILBOXES.noreply, Confirm: false });
    expect(rows(r)[0]).toMatchObject({ PrimarySmtpAddress: MAILBOXES.noreply });
  });

  it('pages long lists with @odata.nextLink, followed by POSTing the same body (§14.1.4)', async () => {
    const first = await invokeCmdlet(emu, alice, 'Get-CASMailbox', {}, { headers: { Prefer: 'odata.maxpagesize=3' } });
    expect(rows(first)).toHaveLength(3);
    const seen = [...rows(first)];
    let next = first.json['@odata.nextLink'] as string | undefined;
    while (next) {
      const page = await invokeCmdlet(
        emu,
        alice,
        'Get-CASMailbox',
        {},
        { url: next, headers: { Prefer: 'odata.maxpagesize=3' } },
      );
      seen.push(...rows(page));
      next = page.json['@odata.nextLink'] as string | undefined;
    }
    expect(seen.map((m) => m.PrimarySmtpAddress)).toEqual(contoso().mailboxes.map((m) => m.address));
  });

  it('reports a missing object with the observed Ex6F9304 text, HTTP 404 and X-ExceptionType', async () => {
    const r = await invokeCmdlet(emu, alice, 'Get-CASMailbox', { Identity: 'nobody@contoso.com' });
    expect(r.status).toBe(404);
    expect(r.headers['x-exceptiontype']).toBe('ManagementObjectNotFoundException');
    expect(cmdletError(r)).toEqual({
      id: 'Ex6F9304',
      type: 'Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException',
      message:
        "The operation couldn't be performed because object 'nobody@contoso.com' couldn't be found on 'EMULATOR01A001.PROD.OUTLOOK.COM'.",
    });
  });
});

describe('§14.2.1 New-ServicePrincipal / Get-ServicePrincipal', () => {
  it('registers the Entra service principal in Exchange, and finds it by AppId or ObjectId', async () => {
    const created = rows(
      await invokeCmdlet(emu, alice, 'New-ServicePrincipal', {
        AppId: UNREGISTERED_DAEMON_APP,
        ObjectId: UNREGISTERED_DAEMON_SP,
        DisplayName: 'Unregistered Daemon',
      }),
    );
    expect(created[0]).toMatchObject({
      AppId: UNREGISTERED_DAEMON_APP,
      ObjectId: UNREGISTERED_DAEMON_SP,
      Identity: UNREGISTERED_DAEMON_SP,
    });
    expect(contoso().exchangeServicePrincipals).toContain(UNREGISTERED_DAEMON_SP);
    for (const id of [UNREGISTERED_DAEMON_APP, UNREGISTERED_DAEMON_SP])
      expect(rows(await invokeCmdlet(emu, alice, 'Get-ServicePrincipal', { Identity: id }))[0]).toMatchObject({
        DisplayName: 'Unregistered Daemon',
      });
  });

  it('refuses a second registration of the same app with an "already exist" error', async () => {
    const r = await invokeCmdlet(emu, alice, 'New-ServicePrincipal', { AppId: DAEMON_APP, ObjectId: DAEMON_SP });
    expect(r.status).toBe(409);
    expect(cmdletError(r).message).toMatch(/already exist/);
  });

  it('takes the deprecated -ServiceId with the deprecation warning', async () => {
    const r = await invokeCmdlet(emu, alice, 'New-ServicePrincipal', { AppId: RBAC_APP, ServiceId: RBAC_SP });
    expect(r.status).toBe(200);
    expect(r.json['@adminapi.warnings']).toEqual([expect.stringMatching(/ServiceId parameter is being depreciated/)]);
    rows(await invokeCmdlet(emu, alice, 'Remove-ServicePrincipal', { Identity: RBAC_SP }));
    expect(contoso().exchangeServicePrincipals).not.toContain(RBAC_SP);
  });

  it("lists every service principal for an empty Identity (Microsoft's caution) and 404s an unknown one", async () => {
    expect(rows(await invokeCmdlet(emu, alice, 'Get-ServicePrincipal')).map((s) => s.ObjectId)).toContain(DAEMON_SP);
    expect((await invokeCmdlet(emu, alice, 'Get-ServicePrincipal', { Identity: RBAC_APP })).status).toBe(404);
  });

  it('refuses an AppId Entra does not know', async () => {
    const r = await invokeCmdlet(emu, alice, 'New-ServicePrincipal', {
      AppId: 'cccccccc-0000-4000-8000-000000000000',
      ObjectId: 'dddddddd-0000-4000-8000-000000000000',
    });
    expect(r.status).toBe(404);
  });
});

describe('§14.2.2-3 mailbox and recipient permissions', () => {
  it('gives a service principal FullAccess, and warns without change on a repeat', async () => {
    const first = await invokeCmdlet(emu, alice, 'Add-MailboxPermission', {
      Identity: MAILBOXES.unpermitted,
      User: DAEMON_SP,
      AccessRights: ['FullAccess'],
      AutoMapping: false,
    });
    expect(rows(first)[0]).toMatchObject({ Identity: MAILBOXES.unpermitted, AccessRights: ['FullAccess'] });
    expect(mailbox(MAILBOXES.unpermitted).fullAccessServicePrincipals).toEqual([DAEMON_SP]);
    const again = await invokeCmdlet(emu, alice, 'Add-MailboxPermission', {
      Identity: MAILBOXES.unpermitted,
      User: DAEMON_APP,
      AccessRights: 'FullAccess',
    });
    expect(again.json['@adminapi.warnings']).toEqual([expect.stringMatching(/already present/)]);
    expect(mailbox(MAILBOXES.unpermitted).fullAccessServicePrincipals).toEqual([DAEMON_SP]);
  });

  it('gives a user FullAccess, and refuses a trustee or mailbox Exchange does not know', async () => {
    rows(
      await invokeCmdlet(emu, alice, 'Add-MailboxPermission', {
        Identity: 'noreply',
        User: USERS.dave.upn,
        AccessRights: ['FullAccess'],
      }),
    );
    expect(mailbox(MAILBOXES.noreply).fullAccess).toEqual([USERS.dave.upn]);
    // The App registration's object id is not an Exchange service principal.
    expect(
      (
        await invokeCmdlet(emu, alice, 'Add-MailboxPermission', {
          Identity: MAILBOXES.noreply,
          User: 'eeeeeeee-0000-4000-8000-000000000000',
          AccessRights: ['FullAccess'],
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await invokeCmdlet(emu, alice, 'Add-MailboxPermission', {
          Identity: 'ghost@contoso.com',
          User: DAEMON_SP,
          AccessRights: ['FullAccess'],
        })
      ).status,
    ).toBe(404);
  });

  it('gives Send As with Add-RecipientPermission and accepts only SendAs', async () => {
    rows(
      await invokeCmdlet(emu, alice, 'Add-RecipientPermission', {
        Identity: MAILBOXES.shared,
        Trustee: USERS.erin.upn,
        AccessRights: ['SendAs'],
        Confirm: false,
      }),
    );
    expect(mailbox(MAILBOXES.shared).sendAs).toContain(USERS.erin.upn);
    const wrong = await invokeCmdlet(emu, alice, 'Add-RecipientPermission', {
      Identity: MAILBOXES.shared,
      Trustee: USERS.erin.upn,
      AccessRights: ['FullAccess'],
    });
    expect(wrong.status).toBe(400);
  });
});

describe('§14.2.4-5 SMTP AUTH switches', () => {
  it('reads and sets a mailbox switch ($true off, $false on, $null follow the organisation)', async () => {
    const read = async () => rows(await invokeCmdlet(emu, alice, 'Get-CASMailbox', { Identity: USERS.dave.upn }))[0];
    expect(await read()).toMatchObject({ SmtpClientAuthenticationDisabled: true });
    rows(
      await invokeCmdlet(emu, alice, 'Set-CASMailbox', {
        Identity: USERS.dave.upn,
        SmtpClientAuthenticationDisabled: false,
      }),
    );
    expect(await read()).toMatchObject({ SmtpClientAuthenticationDisabled: false });
    expect(mailbox(USERS.dave.upn).smtpAuth).toBe('enabled');
    rows(
      await invokeCmdlet(emu, alice, 'Set-CASMailbox', {
        Identity: USERS.dave.upn,
        SmtpClientAuthenticationDisabled: null,
      }),
    );
    expect(mailbox(USERS.dave.upn).smtpAuth).toBe('inherit');
    rows(
      await invokeCmdlet(emu, alice, 'Set-CASMailbox', {
        Identity: USERS.dave.upn,
        SmtpClientAuthenticationDisabled: true,
      }),
    );
    expect(mailbox(USERS.dave.upn).smtpAuth).toBe('disabled');
  });

  it('warns that nothing changed when the value is already set', async () => {
    const r = await invokeCmdlet(emu, alice, 'Set-CASMailbox', {
      Identity: USERS.alice.upn,
      SmtpClientAuthenticationDisabled: false,
    });
    expect(r.json['@adminapi.warnings']).toEqual([
      `The command completed successfully but no settings of '${USERS.alice.upn}' have been modified.`,
    ]);
  });

  it('reads and sets the organisation switch', async () => {
    rows(await invokeCmdlet(emu, alice, 'Set-TransportConfig', { SmtpClientAuthenticationDisabled: true }));
    expect(contoso().smtpAuthDisabled).toBe(true);
    expect(rows(await invokeCmdlet(emu, alice, 'Get-TransportConfig'))[0]).toMatchObject({
      SmtpClientAuthenticationDisabled: true,
    });
    rows(await invokeCmdlet(emu, alice, 'Set-TransportConfig', { SmtpClientAuthenticationDisabled: false }));
    expect(contoso().smtpAuthDisabled).toBe(false);
  });
});

describe('§14.2.6 App RBAC', () => {
  it('scopes "Application SMTP.SendAsApp" to a group and tests it per mailbox', async () => {
    rows(
      await invokeCmdlet(emu, alice, 'New-ServicePrincipal', {
        AppId: RBAC_APP,
        ObjectId: RBAC_SP,
        DisplayName: 'RBAC Mailer',
      }),
    );
    const group = rows(await invokeCmdlet(emu, alice, 'Get-DistributionGroup', { Identity: SMTP_SENDERS_GROUP }))[0]!;
    expect(group.DistinguishedName).toMatch(/^CN=smtp-senders,OU=contoso\.onmicrosoft\.com,/);
    rows(
      await invokeCmdlet(emu, alice, 'New-ManagementScope', {
        Name: 'SMTP senders',
        RecipientRestrictionFilter: `MemberOfGroup -eq '${String(group.DistinguishedName)}'`,
      }),
    );
    const assigned = rows(
      await invokeCmdlet(emu, alice, 'New-ManagementRoleAssignment', {
        App: RBAC_SP,
        Role: 'Application SMTP.SendAsApp',
        CustomResourceScope: 'SMTP senders',
      }),
    );
    expect(assigned[0]).toMatchObject({ RoleAssigneeType: 'ServicePrincipal', CustomResourceScope: 'SMTP senders' });
    const test = async (resource?: string) =>
      rows(
        await invokeCmdlet(emu, alice, 'Test-ServicePrincipalAuthorization', {
          Identity: RBAC_APP,
          ...(resource ? { Resource: resource } : {}),
        }),
      );
    expect(await test(MAILBOXES.unpermitted)).toEqual([
      expect.objectContaining({
        RoleName: 'Application SMTP.SendAsApp',
        GrantedPermissions: 'SMTP.SendAsApp',
        InScope: true,
      }),
    ]);
    expect((await test(MAILBOXES.noreply))[0]).toMatchObject({ InScope: false });
    expect((await test())[0]).toMatchObject({ InScope: 'Not Run', AllowedResourceScope: 'SMTP senders' });
  });

  it('refuses a scope that exists already, an unknown role and a filter the stand-in cannot read', async () => {
    expect(
      (
        await invokeCmdlet(emu, alice, 'New-ManagementScope', {
          Name: 'SMTP senders',
          RecipientRestrictionFilter: "Alias -eq 'x'",
        })
      ).status,
    ).toBe(409);
    expect(
      (await invokeCmdlet(emu, alice, 'New-ManagementRoleAssignment', { App: RBAC_SP, Role: 'Application Nonsense' }))
        .status,
    ).toBe(404);
    expect(
      (
        await invokeCmdlet(emu, alice, 'New-ManagementScope', {
          Name: 'odd',
          RecipientRestrictionFilter: 'Department -like "*"',
        })
      ).status,
    ).toBe(400);
  });
});
