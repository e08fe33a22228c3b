import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/main/handlers';
import { draftKeys } from '../../src/core/secrets/secret-keys';
import { AEM_APP, AEM_SECRET, CONTOSO, USERS } from '../emulator/fixtures/ids';
import { createBrowserTestPorts, type TestPorts } from '../support/browser-ports';
import { testKeychain } from '../support/keychain';
import { startRendererHarness, type RendererHarness } from '../support/renderer-harness';
import { auditStep } from './step-audit';
import { driver, expectNoSecret } from './wizard-driver';

/**
 * Issue 14.1: the start screen promises that everything typed is kept. An unsaved new
 * set-up is kept as a draft while it is typed (its secret in the real keychain, never in
 * a file), survives Close and a renderer crash, and is continued or discarded from the
 * start screen; unsaved changes to a saved profile are asked about before they go.
 */
describe('nothing typed is lost: drafts and the question before discarding', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sow-nothing-lost-'));
  const keychain = testKeychain('nothing-lost');
  const draftsFile = join(dir, 'drafts.json');
  let harness: RendererHarness;
  let ports: TestPorts;

  beforeAll(async () => {
    harness = await startRendererHarness();
    ports = createBrowserTestPorts({ secrets: keychain.store, profilesFile: join(dir, 'profiles.json') });
  });
  afterAll(async () => {
    await harness?.close();
    await keychain.wipe();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a closed new set-up as a draft, secret in the keychain only, and continues it exactly as typed', async () => {
    const view = await harness.open(createHandlers(ports));
    const { page } = view;
    const ui = driver(page);
    await ui.button('New set-up').click();
    await page.getByRole('radio', { name: /Adobe Experience Manager as a Cloud Service/ }).check();
    await ui.next();
    await ui.doItMyself();
    await ui.next();
    await ui.expectStep('Details');
    await ui.fill('Profile name', 'Contoso AEM');
    await ui.fill('Directory (tenant) ID', CONTOSO);
    await ui.fill('Application (client) ID', AEM_APP);
    await ui.fill('Client secret value', AEM_SECRET);
    await page.getByTestId('draft-status').filter({ hasText: 'Draft kept' }).waitFor({ timeout: 20_000 });

    // Close: no question needed, nothing lost; the start screen says where the work is.
    await ui.button('Close').click();
    await page
      .getByTestId('start-notice')
      .filter({ hasText: '“Contoso AEM” is kept as an unfinished set-up' })
      .waitFor();
    expect((await ui.focused()).id).toBe('start-title');
    const card = page.getByTestId('draft-card');
    expect(await card.innerText()).toContain('Contoso AEM');
    expect(await card.innerText()).toContain('at “Details”');

    // On disk: what was typed, never the secret. In the keychain: the secret.
    expect(existsSync(draftsFile)).toBe(true);
    expectNoSecret(readFileSync(draftsFile, 'utf8'), [AEM_SECRET]);
    expect(readFileSync(draftsFile, 'utf8')).toContain(AEM_APP);
    const draftId = (await ports.drafts.list())[0]?.id ?? '';
    expect(await keychain.store.get(draftKeys.clientSecret(draftId))).toBe(AEM_SECRET);
    expect(await auditStep(page, 'start-with-draft')).toEqual([]);

    // Continue: the same step, every field as typed, the secret too.
    await page.getByRole('button', { name: 'Continue Contoso AEM' }).click();
    await ui.expectStep('Details');
    expect(await page.getByLabel('Profile name', { exact: false }).inputValue()).toBe('Contoso AEM');
    expect(await page.getByLabel('Application (client) ID', { exact: false }).inputValue()).toBe(AEM_APP);
    expect(await page.getByLabel('Client secret value', { exact: false }).inputValue()).toBe(AEM_SECRET);

    // Saving the profile makes the draft redundant: it goes, with its keychain entry.
    await ui.fill('Mailbox that logs in', USERS.alice.upn);
    await ui.next();
    await ui.expectStep('Sign in');
    await expect.poll(() => ports.drafts.list().then((d) => d.length)).toBe(0);
    expect(await keychain.store.get(draftKeys.clientSecret(draftId))).toBeNull();
    expect(await keychain.store.get(`profile/${(await ports.profiles.list())[0]?.id ?? ''}/client-secret`)).toBe(
      AEM_SECRET,
    );
    await ui.button('Close').click();
    await page.getByRole('button', { name: 'Open Contoso AEM' }).waitFor();
    expect(await page.getByTestId('draft-card').count()).toBe(0);
    expect(view.errors).toEqual([]);
    await view.close();
  }, 90_000);

  it('keeps the draft through a crash of the window, and discards it only after asking', async () => {
    const view = await harness.open(createHandlers(ports));
    const { page } = view;
    const ui = driver(page);
    await ui.button('New set-up').click();
    await page.getByRole('radio', { name: /Generic SMTP XOAUTH2/ }).check();
    await ui.next();
    await ui.doItMyself();
    await ui.next();
    await ui.fill('Profile name', 'Interrupted set-up');
    await ui.fill('Client secret value', 'Zz9~typed-before-the-crash-0001');
    await page.getByTestId('draft-status').filter({ hasText: 'Draft kept' }).waitFor({ timeout: 20_000 });

    // The window dies (reload = a renderer crash and restart): the draft is there.
    await page.reload();
    const card = page.getByTestId('draft-card').filter({ hasText: 'Interrupted set-up' });
    await card.waitFor({ timeout: 20_000 });

    // Discard asks first; "Keep it" keeps it and gives focus back to the Discard button.
    const draftId = (await ports.drafts.list()).find((d) => d.name === 'Interrupted set-up')?.id ?? '';
    expect(await keychain.store.get(draftKeys.clientSecret(draftId))).toBe('Zz9~typed-before-the-crash-0001');
    const discard = page.getByRole('button', { name: 'Discard Interrupted set-up' });
    await discard.click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('the secret kept for it in the keychain, are removed');
    await dialog.getByRole('button', { name: 'Keep it' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => discard.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    expect(await card.count()).toBe(1);

    await discard.click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Discard' }).click();
    await expect.poll(() => card.count()).toBe(0);
    await expect.poll(async () => (await ui.focused()).id).toBe('start-title');
    expect(await ports.drafts.list()).toEqual([]);
    for (const key of Object.values(draftKeys)) expect(await keychain.store.get(key(draftId))).toBeNull();
    expect(view.errors).toEqual([]);
    await view.close();
  }, 90_000);

  it('asks before throwing away unsaved changes to a saved profile', async () => {
    const view = await harness.open(createHandlers(ports));
    const { page } = view;
    const ui = driver(page);
    const mailbox = page.getByLabel('Mailbox that logs in', { exact: false });
    await page.getByRole('button', { name: 'Open Contoso AEM' }).click();
    await ui.expectStep('Details');
    await ui.fill('Mailbox that logs in', 'shared@contoso.com');

    // Keep editing: nothing changes, focus goes back to Close.
    await ui.button('Close').click();
    const dialog = page.getByRole('alertdialog');
    expect(await dialog.getByRole('heading').textContent()).toBe('Save the changes to “Contoso AEM”?');
    await dialog.getByRole('button', { name: 'Keep editing' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await mailbox.inputValue()).toBe('shared@contoso.com');
    await expect.poll(async () => (await ui.focused()).text).toBe('Close');

    // Discard changes: the profile keeps what was saved.
    await ui.button('Close').click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Discard changes' }).click();
    await page.getByRole('button', { name: 'Open Contoso AEM' }).waitFor();
    expect((await ports.profiles.list())[0]?.mailbox).toBe(USERS.alice.upn);

    // Save changes: saved, then closed.
    await page.getByRole('button', { name: 'Open Contoso AEM' }).click();
    await ui.fill('Mailbox that logs in', 'shared@contoso.com');
    await ui.button('Close').click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('button', { name: 'Open Contoso AEM' }).waitFor();
    expect((await ports.profiles.list())[0]?.mailbox).toBe('shared@contoso.com');
    expect(view.errors).toEqual([]);
    await view.close();
  }, 90_000);
});
