import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/main/handlers';
import { secretKeys } from '../../src/core/secrets/secret-keys';
import { daemonDraft } from '../cli/bulk-world';
import { createBrowserTestPorts } from '../support/browser-ports';
import { testKeychain } from '../support/keychain';
import { startRendererHarness, type RendererHarness } from '../support/renderer-harness';
import { auditStep } from './step-audit';

/**
 * Issue 14.14 in the window: a consultant exports two profiles with their secrets from one
 * computer and imports them on another that already has a profile of the same name. Two
 * profile files and two keychain services stand for the two computers.
 */
const where = { authorityHost: '127.0.0.1:44301', smtp: { host: '127.0.0.1', port: 2587 }, caPem: '' };
const SECRET = 'Qq7~transfer-secret-value-0001';

describe('export and import profiles on the start screen', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sow-transfer-'));
  const kcA = testKeychain('transfer-a');
  const kcB = testKeychain('transfer-b');
  let harness: RendererHarness;
  beforeAll(async () => {
    harness = await startRendererHarness();
  });
  afterAll(async () => {
    await harness?.close();
    await kcA.wipe();
    await kcB.wipe();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exports with an encrypted passphrase, then imports with the plan first and a choice per profile', async () => {
    const violations: string[] = [];
    const audit = async (page: Parameters<typeof auditStep>[0], name: string) =>
      violations.push(...(await auditStep(page, name)).map((v) => `${name}: ${v.id} at ${v.targets.join(', ')}`));

    // Computer A: two app-only profiles, one with a client secret.
    const a = createBrowserTestPorts({ secrets: kcA.store, profilesFile: join(dir, 'a.json') });
    await a.profiles.create(daemonDraft(where, { name: 'Contoso daemon' }), { clientSecret: SECRET });
    await a.profiles.create(daemonDraft(where, { name: 'Contoso reports', mailbox: 'reports@contoso.com' }), {
      clientSecret: 'another-secret-value-02',
    });
    const viewA = await harness.open(createHandlers(a));
    const pageA = viewA.page;
    await pageA.getByRole('button', { name: 'Export profiles…' }).click();
    const exportDialog = pageA.getByRole('dialog', { name: 'Export profiles' });
    await exportDialog.waitFor();
    expect(await exportDialog.innerText()).toContain('All 2 saved profiles go into one file');
    await exportDialog.getByRole('checkbox', { name: /Include the secrets/ }).check();
    await exportDialog.getByLabel(/^Passphrase\W*$/).fill('too short');
    await exportDialog.getByLabel('Passphrase again').fill('too short');
    await exportDialog.getByRole('button', { name: 'Save to a file…' }).click();
    await exportDialog.getByText('Use at least 12 characters.').waitFor();
    expect(a.dialogsShown).toEqual([]);
    const passphrase = 'a long passphrase for Bob';
    await exportDialog.getByLabel(/^Passphrase\W*$/).fill(passphrase);
    await exportDialog.getByLabel('Passphrase again').fill(passphrase);
    const file = join(dir, 'handover.json');
    a.nextSaveFile = file;
    await audit(pageA, 'profiles-export');
    await exportDialog.getByRole('button', { name: 'Save to a file…' }).click();
    await exportDialog.getByTestId('export-profiles-done').waitFor();
    expect(await exportDialog.getByTestId('export-profiles-done').innerText()).toContain(
      `Saved 2 profiles to ${file}, secrets encrypted.`,
    );
    expect(a.dialogsShown[0]).toMatch(
      /^Save the profiles with their encrypted secrets \(smtp-oauth-profiles-.*\.json\)$/,
    );
    const bundle = readFileSync(file, 'utf8');
    expect(bundle).not.toContain(SECRET);
    expect(bundle).toContain('Contoso daemon');
    await exportDialog.getByRole('button', { name: 'Close' }).click();
    expect(viewA.errors).toEqual([]);
    await viewA.close();

    // Computer B already has a different profile named "Contoso daemon".
    const b = createBrowserTestPorts({ secrets: kcB.store, profilesFile: join(dir, 'b.json') });
    await b.profiles.create(daemonDraft(where, { name: 'Contoso daemon', mailbox: 'old@contoso.com' }), {});
    const viewB = await harness.open(createHandlers(b));
    const page = viewB.page;
    b.nextOpenFile = { fileName: 'handover.json', bytes: readFileSync(file) };
    await page.getByRole('button', { name: 'Import profiles…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import profiles from handover.json' });
    await dialog.waitFor();
    const planRows = dialog.getByTestId('import-plan-row');
    expect(await planRows.count()).toBe(2);
    expect(await planRows.nth(0).innerText()).toContain('Another profile here is named “Contoso daemon”');
    expect(await planRows.nth(1).innerText()).toContain('New on this computer');
    // Never "replace" unless chosen: the clash is added under a new name by default.
    expect(await dialog.getByLabel('Import “Contoso daemon”').inputValue()).toBe('add');
    await dialog.getByLabel('Import “Contoso reports”').selectOption('skip');
    expect(await dialog.getByRole('button', { name: 'Import 1 profile' }).isDisabled()).toBe(true);
    await dialog.getByLabel('Passphrase of the file').fill('not the passphrase');
    await audit(page, 'profiles-import-plan');
    await dialog.getByRole('button', { name: 'Import 1 profile' }).click();
    await dialog.getByTestId('problem').waitFor();
    expect(await dialog.getByTestId('problem').getAttribute('data-problem-code')).toBe('BUNDLE_PASSPHRASE_WRONG');
    expect((await b.profiles.list()).length).toBe(1);

    // The choices stay after the wrong passphrase.
    expect(await dialog.getByLabel('Import “Contoso reports”').inputValue()).toBe('skip');
    await dialog.getByLabel('Passphrase of the file').fill(passphrase);
    await dialog.getByRole('button', { name: 'Import 1 profile' }).click();
    await dialog.getByTestId('import-result-row').first().waitFor();
    const results = await dialog.getByTestId('import-result-row').allInnerTexts();
    expect(results[0]).toMatch(/Contoso daemon\s+Added/);
    expect(results[0]).toContain('Contoso daemon (imported)');
    expect(results[1]).toMatch(/Contoso reports\s+Skipped/);
    await audit(page, 'profiles-import-done');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Open Contoso daemon (imported)' }).waitFor();
    const imported = (await b.profiles.list()).find((p) => p.name === 'Contoso daemon (imported)');
    expect(await kcB.store.get(secretKeys.clientSecret(imported?.id ?? ''))).toBe(SECRET);
    expect(await page.content()).not.toContain(SECRET);

    expect(violations).toEqual([]);
    expect(viewB.errors).toEqual([]);
  }, 120_000);
});
