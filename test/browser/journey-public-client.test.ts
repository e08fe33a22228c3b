import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/main/handlers';
import { secretKeys } from '../../src/core/secrets/secret-keys';
import { startEmulator, type Emulator } from '../emulator';
import { CONTOSO, PUBLIC_APP, USERS } from '../emulator/fixtures/ids';
import { createBrowserTestPorts, type TestPorts } from '../support/browser-ports';
import { testKeychain } from '../support/keychain';
import { createPlaywrightLoginWindow, type PlaywrightLoginWindow } from '../support/playwright-login-window';
import { startRendererHarness, type RendererHarness, type RendererPage } from '../support/renderer-harness';
import { auditStep } from './step-audit';
import { driver } from './wizard-driver';

/**
 * Journey: a public client (no secret) for a delegated target, signed in with a device
 * code that the mailbox owner enters on a second browser, against the emulator, the real
 * keychain and the real handler map.
 */
describe('journey: public client with device code sign-in', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sow-journey-public-'));
  const keychain = testKeychain('journey-public');
  let emu: Emulator;
  // The mailbox owner's own device: a separate Chromium on the emulator's /devicelogin page.
  let owner: PlaywrightLoginWindow;
  let harness: RendererHarness;
  let ports: TestPorts;
  let view: RendererPage;

  beforeAll(async () => {
    emu = await startEmulator({ behaviour: { deviceCodeIntervalSeconds: 1 } });
    owner = await createPlaywrightLoginWindow(emu, { username: USERS.alice.upn, password: USERS.alice.password });
    harness = await startRendererHarness();
    ports = createBrowserTestPorts({ secrets: keychain.store, profilesFile: join(dir, 'profiles.json'), now: () => emu.clock.now() });
    view = await harness.open(createHandlers(ports));
  });
  afterAll(async () => {
    if (process.env.SOW_DEBUG) await view?.page.screenshot({ path: '/tmp/journey-public-last.png', fullPage: true });
    await harness?.close();
    await owner?.close();
    await emu?.close();
    await keychain.wipe();
    rmSync(dir, { recursive: true, force: true });
  });

  it('offers "no credential" for delegated targets, warns when the target sends a secret, and saves a public client', async () => {
    const ui = driver(view.page);
    const { page } = view;
    const violations: string[] = [];
    const audit = async (name: string) => violations.push(...(await auditStep(page, name)).map((v) => `${name}: ${v.id} at ${v.targets.join(', ')}: ${v.html}`));
    const none = page.getByRole('radio', { name: /None — public client/ });

    await ui.button('New set-up').click();
    await page.getByRole('radio', { name: /Adobe Experience Manager as a Cloud Service/ }).check();
    await ui.next();
    await ui.next();
    await ui.expectStep('Details');
    expect(await page.getByTestId('public-client-warning').count()).toBe(0);
    await none.check();
    // AEM always sends its client secret when it refreshes: said plainly, with the AADSTS code.
    const warning = await page.getByTestId('public-client-warning').innerText();
    expect(warning).toContain('Adobe Experience Manager as a Cloud Service sends a client secret');
    expect(warning).toContain('AADSTS700025');
    expect(await page.getByTestId('public-client-how').innerText()).toContain('“Allow public client flows”: Yes');
    expect(await page.getByLabel('Client secret value').count()).toBe(0);
    await audit('step-3-details-public-client');

    // The generic mailer refreshes without a secret: the choice stays, the warning goes.
    await ui.button('Back').click();
    await ui.button('Back').click();
    await page.getByRole('radio', { name: /Generic SMTP XOAUTH2/ }).check();
    await ui.next();
    await ui.next();
    await ui.expectStep('Details');
    expect(await none.isChecked()).toBe(true);
    expect(await page.getByTestId('public-client-warning').count()).toBe(0);

    await ui.fill('Profile name', 'Alice, public client');
    await ui.connectTo(emu, CONTOSO);
    await ui.fill('Application (client) ID', PUBLIC_APP);
    await ui.fill('Mailbox that logs in', USERS.alice.upn);
    await ui.next();
    await ui.expectStep('Sign in');
    const [saved] = await ports.profiles.list();
    expect(saved?.credential).toEqual({ kind: 'none' });
    expect(await keychain.store.get(secretKeys.clientSecret(saved?.id ?? ''))).toBeNull();

    expect(violations).toEqual([]);
    expect(view.errors).toEqual([]);
  }, 90_000);
});
