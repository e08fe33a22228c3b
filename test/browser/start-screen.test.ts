import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/main/handlers';
import { ProblemError } from '../../src/core/problem-error';
import { problem } from '../../src/shared/problem';
import { secretKeys } from '../../src/core/secrets/secret-keys';
import type { ProfileDraft } from '../../src/shared/profile';
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
        throw new ProblemError(
          problem({
            code: 'KEYCHAIN_LOCKED',
            title: 'The keychain is locked',
            explanation: 'The app could not read the keychain.',
            fixSteps: ['Unlock the keychain.'],
            commands: ['gnome-keyring-daemon --unlock'],
          }),
        );
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

  it('warns before the refresh token reaches 90 days unused and the secret expires, re-acquires in one click, duplicates and deletes with confirmation', async () => {
    const p = ports();
    const day = 86_400_000;
    const draft: ProfileDraft = {
      name: 'Fabrikam notifications',
      targetId: 'aem',
      flow: 'delegated',
      cloud: 'global',
      customAuthorityHost: '',
      tenant: 'fabrikam.com',
      clientId: 'aaaaaaaa-0000-4000-8000-000000000001',
      credential: { kind: 'secret', expiresOn: new Date(Date.now() + 10 * day).toISOString() },
      redirectUri: 'http://localhost',
      scopes: ['https://outlook.office365.com/SMTP.Send', 'offline_access'],
      mailbox: 'notify@fabrikam.com',
      fromAddress: 'notify@fabrikam.com',
      smtpHost: 'smtp.office365.com',
      smtpPort: 587,
      network: { proxyUrl: '', extraCaPem: '', timeoutMs: 30_000 },
    };
    const created = await p.profiles.create(draft, { clientSecret: 'Zz9~a-long-enough-secret-value-0001' });
    const lastUsed = new Date(Date.now() - 80 * day).toISOString();
    await p.profiles.recordTokenState(created.id, {
      refreshTokenStoredAt: lastUsed,
      refreshTokenLastUsedAt: lastUsed,
      account: 'notify@fabrikam.com',
    });

    const view = await harness.open(createHandlers(p));
    const { page } = view;
    const card = page.getByTestId('profile-card');
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain('Token acquired');
    expect(text).toMatch(/Refresh token \(if unused\) runs out in 10 days/);
    expect(text).toMatch(/Client secret runs out in 10 days/);
    expect(await page.locator('main').innerText()).toContain('it must keep that one');

    // One click from the warning to the sign-in step of that profile.
    await card.getByRole('button', { name: 'Sign in again' }).click();
    await page.locator('nav[aria-label="Wizard steps"] [aria-current="step"]', { hasText: 'Sign in' }).waitFor();
    expect(await page.locator('#step-title').textContent()).toBe('Sign in as notify@fabrikam.com');
    await page.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('button', { name: 'Duplicate Fabrikam notifications' }).click();
    await page.getByRole('button', { name: 'Open Fabrikam notifications (copy)' }).waitFor();
    const copy = (await p.profiles.list()).find((x) => x.name === 'Fabrikam notifications (copy)');
    expect(copy).toBeDefined();
    expect(await keychain.store.get(secretKeys.clientSecret(copy?.id ?? ''))).toBe(
      'Zz9~a-long-enough-secret-value-0001',
    );

    // Delete asks first; "Keep it" keeps it.
    await page.getByRole('button', { name: 'Delete Fabrikam notifications (copy)' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('Delete “Fabrikam notifications (copy)”?');
    await dialog.getByRole('button', { name: 'Keep it' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByTestId('profile-card').count()).toBe(2);
    await page.getByRole('button', { name: 'Delete Fabrikam notifications (copy)' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.getByTestId('profile-card').count()).toBe(1);
    expect((await keychain.accounts()).filter((a) => a.startsWith(`profile/${copy?.id ?? ''}/`))).toEqual([]);
    expect(view.errors).toEqual([]);
    await view.close();
  });

  it('lists a consultant’s two hundred profiles and finds one by mailbox', async () => {
    const p = createBrowserTestPorts({ secrets: keychain.store, profilesFile: join(dir, 'many.json') });
    for (let i = 0; i < 200; i++) {
      await p.profiles.create({
        name: `Client ${i}`,
        targetId: i % 2 ? 'generic' : 'onit',
        flow: 'delegated',
        cloud: 'global',
        customAuthorityHost: '',
        tenant: `client${i}.example.com`,
        clientId: 'aaaaaaaa-0000-4000-8000-000000000001',
        credential: { kind: 'secret' },
        redirectUri: 'http://localhost',
        scopes: ['https://outlook.office.com/SMTP.Send', 'offline_access'],
        mailbox: `mailer${i}@client${i}.example.com`,
        fromAddress: '',
        smtpHost: 'smtp.office365.com',
        smtpPort: 587,
        network: { proxyUrl: '', extraCaPem: '', timeoutMs: 30_000 },
      });
    }
    const view = await harness.open(createHandlers(p));
    const { page } = view;
    await page.getByRole('heading', { name: 'Saved profiles (200)' }).waitFor();
    expect(await page.getByTestId('profile-card').count()).toBe(200);
    await page.getByLabel('Find a profile').fill('mailer150@');
    await expect.poll(() => page.getByTestId('profile-card').count()).toBe(1);
    expect(await page.getByTestId('profile-card').innerText()).toContain('Client 150');
    await page.getByLabel('Find a profile').fill('nobody-here');
    await page.getByText('No profile matches “nobody-here”.').waitFor();
    expect(view.errors).toEqual([]);
    await view.close();
  });
});
