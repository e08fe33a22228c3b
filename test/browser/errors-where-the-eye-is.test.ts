import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/main/handlers';
import { ProblemError } from '../../src/core/problem-error';
import { SecretStoreError } from '../../src/core/secrets/secret-store';
import { problem } from '../../src/shared/problem';
import { loadKeyMaterial } from '../emulator/key-material';
import { DAEMON_APP, CONTOSO } from '../emulator/fixtures/ids';
import { createBrowserTestPorts, type TestPorts } from '../support/browser-ports';
import { testKeychain } from '../support/keychain';
import { startRendererHarness, type RendererHarness, type RendererPage } from '../support/renderer-harness';
import { auditStep } from './step-audit';
import { driver } from './wizard-driver';

/** The element is inside the window, not under the sticky Back/Next bar or below the fold. */
async function expectInView(page: Page, target: Locator): Promise<void> {
  const box = await target.boundingBox();
  const footer = await page.locator('[data-testid="wizard-close"]').boundingBox();
  const size = page.viewportSize() ?? { width: 900, height: 640 };
  expect(box, 'the element is rendered').not.toBeNull();
  if (!box) return;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(footer ? footer.y : size.height);
}

/**
 * Issue 14.3, 14.5, 14.7, 14.9 at the smallest window (900 x 640): a problem is shown under
 * its field and that field takes focus, in form order; a tenant name gets "Did you mean";
 * the PFX is checked as it is chosen; the scopes box shows every scope; jargon is behind
 * "Details".
 */
describe('errors where the eye is, in plain words', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sow-eye-'));
  const keychain = testKeychain('errors-eye');
  const keys = loadKeyMaterial();
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

  const toDetails = async (view: RendererPage, target: RegExp): Promise<void> => {
    const ui = driver(view.page);
    await ui.button('New set-up').click();
    await view.page.getByRole('radio', { name: target }).check();
    await ui.next();
    await ui.doItMyself();
    await ui.next();
    await ui.expectStep('Details');
  };

  it('focuses the first invalid field in form order, suggests the tenant domain, and checks the PFX as it is chosen', async () => {
    const view = await harness.open(createHandlers(ports));
    const { page } = view;
    const ui = driver(page);
    await toDetails(view, /App-only mailer/);

    // An empty Save: the first field of the form (the profile name), not the first rule that failed.
    await ui.button('Save and continue').click();
    await expect.poll(async () => (await ui.focused()).id).toBe('field-name');
    expect(await ui.fieldMessage('name')).toContain('Profile name: give it a name');
    await expectInView(page, page.locator('#field-name'));

    // "Contoso": what it probably means, one click away, and where the ID is.
    await ui.fill('Profile name', 'Contoso daemon');
    await ui.fill('Directory (tenant) ID', 'Contoso');
    const tenantMessage = await ui.fieldMessage('tenant');
    expect(tenantMessage).toContain('Did you mean contoso.onmicrosoft.com?');
    expect(tenantMessage).toContain('Overview page');
    expect(tenantMessage).not.toMatch(/8-4-4-4-12|organizations, common or consumers/);
    await ui.button('Use contoso.onmicrosoft.com').click();
    expect(await page.locator('#field-tenant').inputValue()).toBe('contoso.onmicrosoft.com');
    expect((await ui.focused()).id).toBe('field-tenant');
    await ui.fill('Directory (tenant) ID', CONTOSO);
    await ui.fill('Application (client) ID', DAEMON_APP);

    // The PFX is opened as soon as it is chosen: without its password it asks for it, and focus goes there.
    await page.getByRole('radio', { name: 'Certificate' }).check();
    ports.nextCertificateFile = { fileName: 'daemon.pfx', bytes: Buffer.from(keys.app2PfxBase64, 'base64') };
    await ui.button('Choose certificate file…').click();
    await expect.poll(async () => (await ui.focused()).id).toBe('field-pfxPassword');
    expect(await ui.fieldMessage('pfxPassword')).toContain('this file is protected; enter its password');
    // A wrong password: said under the field, in view, with focus still there.
    await ui.fill('PFX password', 'not-the-password');
    await page
      .locator('[data-field="pfxPassword"]')
      .getByText('The PFX password is wrong')
      .waitFor({ timeout: 20_000 });
    expect((await ui.focused()).id).toBe('field-pfxPassword');
    await expectInView(page, page.locator('[data-field="pfxPassword"]').getByText('The PFX password is wrong'));
    // The right one: the certificate's facts, no error.
    await ui.fill('PFX password', keys.app2PfxPassword);
    await page
      .locator('[data-field="certificate"]')
      .getByText(/^Opens: .+valid until \d{4}-\d\d-\d\d/)
      .waitFor({
        timeout: 20_000,
      });
    expect(await page.locator('[data-field="pfxPassword"]').getByText('The PFX password is wrong').count()).toBe(0);
    expect(await auditStep(page, 'details-errors-in-place')).toEqual([]);
    expect(view.errors).toEqual([]);
    await view.close();
  }, 90_000);

  it('puts a problem main raises at Save under its field (focused), and any other where focus goes', async () => {
    let answer: 'field' | 'keychain' = 'field';
    const handlers = createHandlers(ports);
    const view = await harness.open({
      ...handlers,
      // Main validates again and may disagree (its checks are the ones that count); or the keychain is locked.
      'profiles:save': async () => {
        if (answer === 'keychain') throw new SecretStoreError('locked', 'The keychain is locked.');
        throw new ProblemError(
          problem({
            code: 'PROFILE_INVALID',
            title: 'Some details need fixing',
            explanation: 'Mailbox: this mailbox is not in the tenant you entered.',
            fixSteps: ['Correct the field named above and save again.'],
            field: 'mailbox',
          }),
        );
      },
    });
    const { page } = view;
    const ui = driver(page);
    await toDetails(view, /Generic SMTP XOAUTH2/);
    await ui.fill('Profile name', 'Generic mailer');
    await ui.fill('Directory (tenant) ID', CONTOSO);
    await ui.fill('Application (client) ID', DAEMON_APP);
    await ui.fill('Client secret value', 'Zz9~a-long-enough-secret-value-0001');
    await ui.fill('Mailbox that logs in', 'someone@contoso.com');
    await page.locator('#field-name').focus();
    await page.evaluate('window.scrollTo(0, 0)');

    await ui.button('Save and continue').click();
    await expect.poll(async () => (await ui.focused()).id).toBe('field-mailbox');
    expect(await ui.fieldMessage('mailbox')).toBe('Mailbox: this mailbox is not in the tenant you entered.');
    await expectInView(page, page.locator('#field-mailbox'));
    // Changing the field takes the message away.
    await ui.fill('Mailbox that logs in', 'other@contoso.com');
    expect(await page.locator('[data-field="mailbox"]').getByText('not in the tenant').count()).toBe(0);

    answer = 'keychain';
    await ui.button('Save and continue').click();
    await expect.poll(async () => (await ui.focused()).label).toBe('Save result');
    expect(await page.getByTestId('problem').innerText()).toMatch(/keychain/i);
    await expectInView(page, page.getByTestId('problem').getByRole('heading'));
    expect(view.errors).toEqual([]);
    await view.close();
  }, 90_000);

  for (const viewport of [
    { width: 900, height: 640 },
    { width: 1280, height: 800 },
  ])
    it(`shows every scope in the scopes box at ${viewport.width} x ${viewport.height}`, async () => {
      const view = await harness.open(createHandlers(ports), { viewport });
      const { page } = view;
      await toDetails(view, /Adobe Experience Manager as a Cloud Service/);
      const box = page.locator('#field-scopes');
      const scopes = (await box.inputValue()).split('\n');
      expect(scopes.length).toBeGreaterThanOrEqual(5);
      const fits = await box.evaluate((el) => el.scrollHeight <= el.clientHeight);
      expect(fits, 'no scope is hidden behind a scroll bar').toBe(true);
      // Plain words in the header; the keychain binding's name is a detail.
      expect(await page.getByTestId('keychain-state').textContent()).toBe(
        'Keychain available: secrets stay in the system keychain',
      );
      expect(view.errors).toEqual([]);
      await view.close();
    }, 60_000);
});
