import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/main/handlers';
import { ProblemError } from '../../src/core/problem-error';
import { problem } from '../../src/shared/problem';
import { createBrowserTestPorts } from '../support/browser-ports';
import { testKeychain } from '../support/keychain';
import { startRendererHarness, type RendererHarness } from '../support/renderer-harness';

/** What a user must see on the first screen when the app works: used by both tests below. */
async function expectWorkingStartScreen(page: Page, version: string, timeout = 10_000): Promise<void> {
  await page.getByTestId('app-version').waitFor({ timeout });
  expect(await page.getByTestId('app-version').textContent()).toBe(`Version ${version}`);
  expect(await page.getByTestId('keychain-state').textContent()).toMatch(/^Keychain available/);
  const steps = page.getByRole('list', { name: 'Steps of the wizard' }).getByRole('listitem');
  expect(await steps.count()).toBe(6);
  expect(await steps.first().textContent()).toContain('Target system');
  expect(await steps.last().textContent()).toContain('Export');
}

describe('the first wizard screen, over the real handler map', () => {
  let harness: RendererHarness;
  const dir = mkdtempSync(join(tmpdir(), 'sow-start-'));
  // The real keychain (gnome-keyring in `npm test`'s session) and profile store, as the app uses them.
  const keychain = testKeychain('start-screen');
  const ports = () => createBrowserTestPorts({ secrets: keychain.store, profilesFile: join(dir, 'profiles.json') });
  beforeAll(async () => {
    harness = await startRendererHarness();
  });
  afterAll(async () => {
    await harness?.close();
    await keychain.wipe();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the six steps and shows the version and keychain state that app:info reports', async () => {
    const p = ports();
    const view = await harness.open(createHandlers(p));
    await expectWorkingStartScreen(view.page, p.app.version);
    expect(await view.page.getByRole('heading', { level: 1 }).textContent()).toBe('SMTP OAuth Wizard');
    if (process.env.SOW_SCREENSHOTS === '1') await view.page.screenshot({ path: 'assets/screenshots/start.png' });
    expect(view.errors).toEqual([]);
    await view.close();
  });

  it('shows the diagnosis, not the version, when the app:info channel fails', async () => {
    const p = ports();
    const failing = {
      ...createHandlers(p),
      'app:info': async () => {
        throw new ProblemError(problem({
          code: 'KEYCHAIN_LOCKED',
          title: 'The keychain is locked',
          explanation: 'The app could not read the keychain.',
          fixSteps: ['Unlock the keychain.'],
          commands: ['gnome-keyring-daemon --unlock'],
        }));
      },
    };
    const view = await harness.open(failing);
    const diagnosis = view.page.getByTestId('problem');
    await diagnosis.waitFor();
    expect(await diagnosis.getByRole('heading', { level: 2 }).textContent()).toBe('The keychain is locked');
    expect(await diagnosis.textContent()).toContain('Unlock the keychain.');
    expect(await view.page.getByTestId('app-version').count()).toBe(0);
    // The happy-path check above cannot pass on this screen: an IPC error fails it.
    await expect(expectWorkingStartScreen(view.page, p.app.version, 1_000)).rejects.toThrow();
    // The filled-in command copies through the clipboard port.
    await diagnosis.getByRole('button', { name: /Copy command gnome-keyring-daemon/ }).click();
    await view.page.getByRole('button', { name: 'Copied' }).waitFor();
    expect(p.copied).toEqual(['gnome-keyring-daemon --unlock']);
    await view.close();
  });
});
