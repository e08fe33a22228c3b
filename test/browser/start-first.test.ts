import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/main/handlers';
import { MemorySecretStore } from '../../src/core/secrets/memory-secret-store';
import { createBrowserTestPorts } from '../support/browser-ports';
import { startRendererHarness, type RendererHarness } from '../support/renderer-harness';

/**
 * The start screen renders first and fills in what app:info says (versions, keychain state)
 * when it arrives: a keychain that is slow to answer must not hold up the whole window.
 */
describe('the app shell', () => {
  let harness: RendererHarness;
  const dir = mkdtempSync(join(tmpdir(), 'sow-start-first-'));
  beforeAll(async () => {
    harness = await startRendererHarness();
  });
  afterAll(async () => {
    await harness?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the start screen and its actions while the keychain is still being asked, then fills the state in', async () => {
    const ports = createBrowserTestPorts({ secrets: new MemorySecretStore(), profilesFile: join(dir, 'p.json') });
    const handlers = createHandlers(ports);
    let answer: () => void = () => undefined;
    const keychainAnswered = new Promise<void>((resolve) => (answer = resolve));
    const view = await harness.open({
      ...handlers,
      'app:info': async (req, ctx) => {
        await keychainAnswered;
        return handlers['app:info'](req, ctx);
      },
    });
    const { page } = view;
    await page.getByRole('button', { name: 'New set-up' }).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('keychain-pending').textContent()).toBe('Checking the keychain…');
    expect(await page.getByTestId('app-version').count()).toBe(0);

    answer();
    await page.getByTestId('keychain-state').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('app-version').textContent()).toBe(`Version ${ports.app.version}`);
    expect(await page.getByTestId('keychain-pending').count()).toBe(0);

    // The wizard's code arrives when a set-up is opened (its own chunk), under the same CSP.
    await page.getByRole('button', { name: 'New set-up' }).click();
    await page.getByRole('radio', { name: /Adobe Experience Manager/ }).waitFor({ timeout: 30_000 });
    expect(view.errors).toEqual([]);
    await view.close();
  });
});
