import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../emulator';
import { findTenant } from '../emulator/directory';
import {
  CONTOSO,
  MAILBOXES,
  RBAC_APP,
  RBAC_SECRET,
  RBAC_SP,
  SMTP_SENDERS_GROUP,
  USERS,
} from '../emulator/fixtures/ids';
import { daemonDraft } from '../cli/bulk-world';
import type { TestPorts } from '../support/browser-ports';
import type { RendererPage } from '../support/renderer-harness';
import { type CreateJourneyWorld, openCreateJourney } from './create-journey-world';
import { driver } from './wizard-driver';

/**
 * Issue 15, App RBAC from the window: an app-only mailer with no API permissions (as Microsoft's
 * App RBAC page asks) is given access to the members of a mail-enabled group instead of one
 * mailbox. The dialog shows the exact commands (the service principal, New-ManagementScope over
 * the group, New-ManagementRoleAssignment -App) before anything runs; then SMTP accepts.
 */
describe('journey: give an app-only mailer access to a group’s members (App RBAC)', () => {
  let emu: Emulator;
  let ports: TestPorts;
  let view: RendererPage;
  let world: CreateJourneyWorld | undefined;
  const contoso = () => findTenant(emu.directory, CONTOSO)!;

  beforeAll(async () => {
    world = await openCreateJourney('journey-give-access-group', { exchangePropagationMinutes: 5 });
    ({ emu, ports, view } = world);
    await ports.profiles.create(
      daemonDraft(emu, {
        name: 'RBAC mailer',
        clientId: RBAC_APP,
        mailbox: MAILBOXES.unpermitted,
        fromAddress: MAILBOXES.unpermitted,
      }),
      { clientSecret: RBAC_SECRET },
    );
    await view.page.reload();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('asks for the group, shows the App RBAC commands, runs them, and SMTP accepts once Exchange has applied them', async () => {
    const ui = driver(view.page);
    const { page } = view;
    await ui.button('Open RBAC mailer').click();
    await page
      .getByRole('navigation', { name: 'Wizard steps' })
      .getByRole('button', { name: /Verify/ })
      .click();
    await ui.expectStep('Verify');

    await page.getByRole('radio', { name: /Any member of a mail-enabled group/ }).check();
    // No address yet: the field says what it wants, and nothing is asked of Exchange.
    await ui.button('Give the group’s members access…').click();
    await page.getByText('Enter the mail-enabled group’s address, such as smtp-senders@contoso.com.').waitFor();
    expect(await page.getByTestId('exchange-action').count()).toBe(0);
    await page.getByRole('textbox', { name: /Group address/ }).fill(SMTP_SENDERS_GROUP);
    if (process.env.SOW_DEBUG)
      await page.screenshot({ path: '/tmp/journey-give-access-group-offer.png', fullPage: true });
    await ui.button('Give the group’s members access…').click();

    const action = page.getByTestId('exchange-action');
    await action.getByTestId('exchange-plan').waitFor({ timeout: 30_000 });
    expect(await action.innerText()).toContain(`Give the app access to the members of ${SMTP_SENDERS_GROUP}`);
    expect(await action.innerText()).toContain(`Signed in to Exchange Online as ${USERS.alice.upn}`);
    const script = await action.getByTestId('exchange-script').innerText();
    expect(script).toContain(`New-ServicePrincipal -AppId ${RBAC_APP} -ObjectId ${RBAC_SP}`);
    expect(script).toMatch(/New-ManagementScope -Name 'SMTP send: smtp-senders@contoso\.com' .*MemberOfGroup -eq/);
    expect(script).toMatch(
      /New-ManagementRoleAssignment .*-App 5a5a5a5a-0000-4000-8000-000000000007 .*-CustomResourceScope/,
    );
    expect(script).not.toContain('Add-MailboxPermission');
    expect(await action.getByTestId('exchange-step').count()).toBe(3);
    expect(contoso().exchangeServicePrincipals).not.toContain(RBAC_SP);
    if (process.env.SOW_DEBUG)
      await page.screenshot({ path: '/tmp/journey-give-access-group-plan.png', fullPage: true });

    await action.getByRole('button', { name: 'Run these 3 commands in Exchange Online' }).click();
    await action.getByTestId('exchange-ok').waitFor({ timeout: 120_000 });
    expect(contoso().exchangeServicePrincipals).toContain(RBAC_SP);
    await page.getByTestId('verify-ok').waitFor({ timeout: 20_000 });
    expect(view.errors).toEqual([]);
  }, 300_000);
});
