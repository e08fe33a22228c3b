import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../emulator';
import { findTenant } from '../emulator/directory';
import { CONTOSO, MAILBOXES, USERS } from '../emulator/fixtures/ids';
import type { TestPorts } from '../support/browser-ports';
import type { RendererPage } from '../support/renderer-harness';
import { type CreateJourneyWorld, openCreateJourney } from './create-journey-world';
import { driver } from './wizard-driver';

/**
 * Issue 15: "Give the app access" after "Create it for me" reuses the administrator's sign-in of the
 * set-up when Entra gives it an Exchange token (the emulator's switch: Graph Command Line Tools
 * preauthorized for Exchange), so nobody signs in twice. The sign-in lasts only while the set-up
 * runs: after Close, the same action asks the administrator to sign in again.
 */
describe('journey: Create it for me, then give access with the same admin sign-in (app-only)', () => {
  let emu: Emulator;
  let ports: TestPorts;
  let view: RendererPage;
  let world: CreateJourneyWorld | undefined;
  const contoso = () => findTenant(emu.directory, CONTOSO)!;
  // Every interactive sign-in starts at /authorize (the Create's admin, Exchange's admin, none for app-only tokens).
  const signIns = () => emu.requestLog.filter((e) => e.method === 'GET' && e.path.endsWith('/authorize')).length;

  beforeAll(async () => {
    world = await openCreateJourney('journey-create-reuse-sign-in', { exchangePropagationMinutes: 0 });
    ({ emu, ports, view } = world);
    emu.exchangeAdmin.switches.firstPartyExchange = 'preauthorized';
  });
  afterAll(async () => {
    await world?.close();
  });

  it('gives access with the sign-in that created the app, and asks again only after the set-up was closed', async () => {
    const ui = driver(view.page);
    const { page } = view;
    await ui.button('New set-up').click();
    await page.getByRole('radio', { name: /App-only mailer/ }).check();
    await ui.next();
    await ui.expectStep('App registration');
    await ui.fill('Mailbox that sends', MAILBOXES.unpermitted);
    await ui.button('Sign in as an administrator and create').click();
    await page.getByTestId('registration-result').waitFor({ timeout: 60_000 });
    const profile = (await ports.profiles.list())[0]!;
    const sp = profile.registration!.servicePrincipalObjectId!;
    const afterCreate = signIns();
    expect(afterCreate).toBeGreaterThanOrEqual(1);

    await page
      .getByRole('navigation', { name: 'Wizard steps' })
      .getByRole('button', { name: /Verify/ })
      .click();
    await ui.expectStep('Verify');
    const give = `Give the app access to ${MAILBOXES.unpermitted}…`;
    await ui.button(give).click();
    const action = page.getByTestId('exchange-action');
    await action.getByTestId('exchange-plan').waitFor({ timeout: 30_000 });
    expect(await action.innerText()).toContain(`Signed in to Exchange Online as ${USERS.alice.upn}`);
    expect(await action.getByTestId('exchange-second-sign-in').count()).toBe(0);
    expect(signIns()).toBe(afterCreate);
    await action.getByRole('button', { name: 'Run these 2 commands in Exchange Online' }).click();
    await action.getByTestId('exchange-ok').waitFor({ timeout: 90_000 });
    expect(contoso().exchangeServicePrincipals).toContain(sp);
    expect(signIns()).toBe(afterCreate);
    if (process.env.SOW_DEBUG) await page.screenshot({ path: '/tmp/journey-create-reuse-sign-in.png', fullPage: true });

    // Closed, the set-up's sign-in is gone: the same action now signs the Exchange admin in.
    await page.getByTestId('wizard-close').click();
    await ui.button(`Open ${profile.name}`).click();
    await page
      .getByRole('navigation', { name: 'Wizard steps' })
      .getByRole('button', { name: /Verify/ })
      .click();
    await ui.expectStep('Verify');
    await ui.button(give).click();
    await page.getByTestId('exchange-action').getByTestId('exchange-plan').waitFor({ timeout: 30_000 });
    expect(signIns()).toBe(afterCreate + 1);
    expect(await page.getByTestId('exchange-action').innerText()).toContain(
      `Exchange already knows the app (service principal ${sp})`,
    );
    expect(view.errors).toEqual([]);
  }, 300_000);
});
