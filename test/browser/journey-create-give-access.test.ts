import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../emulator';
import { findTenant } from '../emulator/directory';
import { CONTOSO, MAILBOXES, USERS } from '../emulator/fixtures/ids';
import type { TestPorts } from '../support/browser-ports';
import type { RendererPage } from '../support/renderer-harness';
import { type CreateJourneyWorld, openCreateJourney } from './create-journey-world';
import { userActions } from './user-actions';
import { driver } from './wizard-driver';

/** Exchange applies the change to SMTP only after this much emulator time (the reference: up to about an hour). */
const PROPAGATION_MINUTES = 10;

/**
 * Issue 15 acceptance: app-only from the start screen with nothing done in a portal or in
 * PowerShell. Create it for me makes the app; on Verify, "Give the app access to <mailbox>…"
 * registers its service principal in Exchange (with the object ID the creation returned) and
 * grants the mailbox; the first SMTP login after that still fails while Exchange propagates, and
 * the app's re-checks (waiting on the emulator's clock) report success once that time has passed.
 */
describe('journey: Create it for me, then give the app access from the window (app-only)', () => {
  let emu: Emulator;
  let login: CreateJourneyWorld['login'];
  let ports: TestPorts;
  let view: RendererPage;
  let world: CreateJourneyWorld | undefined;
  const contoso = () => findTenant(emu.directory, CONTOSO)!;
  const mailbox = () => contoso().mailboxes.find((m) => m.address === MAILBOXES.unpermitted)!;

  beforeAll(async () => {
    world = await openCreateJourney('journey-create-give-access', { exchangePropagationMinutes: PROPAGATION_MINUTES });
    ({ emu, login, ports, view } = world);
  });
  afterAll(async () => {
    await world?.close();
  });

  it('creates the app, gives it access in Exchange, and reports success once Exchange has applied it', async () => {
    const ui = driver(view.page);
    const { page } = view;
    const user = userActions('create → give access (app-only)');
    const { act } = user;

    await act('New set-up', () => ui.button('New set-up').click());
    await act('choose App-only mailer', () => page.getByRole('radio', { name: /App-only mailer/ }).check());
    await act('Next', () => ui.next());
    await ui.expectStep('App registration');
    await act('type the mailbox', () => ui.fill('Mailbox that sends', MAILBOXES.unpermitted));
    await act('Sign in as an administrator and create', () =>
      ui.button('Sign in as an administrator and create').click(),
    );
    await page.getByTestId('registration-result').waitFor({ timeout: 60_000 });

    const profile = (await ports.profiles.list())[0]!;
    const sp = profile.registration!.servicePrincipalObjectId!;
    expect(profile.flow).toBe('app-only');
    expect(profile.mailbox).toBe(MAILBOXES.unpermitted);
    // Nothing in Exchange yet: the app is unknown to it and has no right on the mailbox.
    expect(contoso().exchangeServicePrincipals).not.toContain(sp);
    expect(mailbox().fullAccessServicePrincipals).not.toContain(sp);

    await act('Next', () => ui.next());
    await ui.expectStep('Details');
    await act('Next', () => ui.next());
    await ui.expectStep('Sign in');
    await act('Get token', () => ui.button('Get token').click());
    await page.getByTestId('sign-in-done').waitFor({ timeout: 30_000 });
    await act('Next', () => ui.next());
    await ui.expectStep('Verify');

    // The plan first: the Enterprise application's object ID the creation returned, then the mailbox.
    await act(`Give the app access to ${MAILBOXES.unpermitted}…`, () =>
      ui.button(`Give the app access to ${MAILBOXES.unpermitted}…`).click(),
    );
    const action = page.getByTestId('exchange-action');
    await action.getByTestId('exchange-plan').waitFor({ timeout: 30_000 });
    expect(await action.innerText()).toContain(`Signed in to Exchange Online as ${USERS.alice.upn}`);
    // The emulator's default: Graph Command Line Tools gets no Exchange token, so Exchange asked again, and says why.
    expect(await action.getByTestId('exchange-second-sign-in').innerText()).toMatch(
      /not allowed to ask Exchange Online for a token \(AADSTS65002\)\. One more sign-in is needed for Exchange/,
    );
    const script = await action.getByTestId('exchange-script').innerText();
    expect(script).toContain(`New-ServicePrincipal -AppId ${profile.clientId} -ObjectId ${sp}`);
    expect(script).toContain(`Add-MailboxPermission -Identity ${MAILBOXES.unpermitted}`);
    expect(await action.getByTestId('exchange-step').count()).toBe(2);
    expect(contoso().exchangeServicePrincipals).not.toContain(sp);

    const before = emu.clock.now();
    await act('Run these 2 commands in Exchange Online', () =>
      action.getByRole('button', { name: 'Run these 2 commands in Exchange Online' }).click(),
    );
    // Each re-check is a real token redemption and SMTP login: generous bounds for a loaded machine.
    await action.getByTestId('exchange-ok').waitFor({ timeout: 150_000 });
    // More than one check (the first was refused while Exchange propagated), and success only after the bound.
    expect(await action.getByTestId('exchange-ok').innerText()).toMatch(/Exchange took about \d+ min/);
    expect(emu.clock.now() - before).toBeGreaterThanOrEqual(PROPAGATION_MINUTES * 60_000);
    expect(await action.getByTestId('exchange-step').evaluateAll((ls) => ls.map((l) => l.dataset.status))).toEqual([
      'done',
      'done',
    ]);
    expect(contoso().exchangeServicePrincipals).toContain(sp);
    expect(mailbox().fullAccessServicePrincipals).toContain(sp);

    // Verify checks again by itself and says the login works.
    await page.getByTestId('verify-ok').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('verify-ok').innerText()).toContain(`SMTP login as ${MAILBOXES.unpermitted} worked`);
    // The Microsoft sign-in pages' own steps (the creation's admin sign-in, and Exchange's if asked again).
    user.elsewhere.push(...login.actions);
    user.print();
    expect(view.errors).toEqual([]);
  }, 360_000);
});
