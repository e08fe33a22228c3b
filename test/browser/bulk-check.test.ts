import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/main/handlers';
import { startEmulator, type Emulator } from '../emulator';
import { DAEMON_SECRET } from '../emulator/fixtures/ids';
import { bulkWorld, daemonDraft, expectedCode, type MailboxKind } from '../cli/bulk-world';
import { createBrowserTestPorts, type TestPorts } from '../support/browser-ports';
import { testKeychain } from '../support/keychain';
import { startRendererHarness, type RendererHarness, type RendererPage } from '../support/renderer-harness';
import { auditStep } from './step-audit';

/**
 * Issue 14.18: helpdesk checks 50 mailboxes of the emulator's Contoso from the window (a few
 * without Full Access, one with SMTP AUTH off, one the app may not use), filters the
 * failures, saves the report, and stops a long run with Cancel.
 */
const failing: Readonly<Record<number, MailboxKind>> = {
  7: 'no-access',
  19: 'smtp-disabled',
  33: 'missing',
  41: 'no-access',
};
const world = bulkWorld(50, (i) => failing[i] ?? 'ok');

describe('the bulk check screen', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sow-bulk-screen-'));
  const keychain = testKeychain('bulk-screen');
  let emu: Emulator;
  let harness: RendererHarness;
  let ports: TestPorts;
  let view: RendererPage;
  beforeAll(async () => {
    emu = await startEmulator({ directory: world.directory });
    harness = await startRendererHarness();
    ports = createBrowserTestPorts({
      secrets: keychain.store,
      profilesFile: join(dir, 'profiles.json'),
      now: () => emu.clock.now(),
    });
    await ports.profiles.create(daemonDraft(emu, { name: 'Contoso daemon' }), { clientSecret: DAEMON_SECRET });
    view = await harness.open(createHandlers(ports));
  });
  afterAll(async () => {
    await harness?.close();
    await emu?.close();
    await keychain.wipe();
    rmSync(dir, { recursive: true, force: true });
  });

  it('checks a pasted list: live table, counts, the failures in plain words, filter, report CSV', async () => {
    const { page } = view;
    await page.getByRole('button', { name: 'Check many mailboxes…' }).click();
    await page.getByRole('heading', { name: 'Check many mailboxes' }).waitFor();
    const pasted = [...world.mailboxes.map((m) => m.address), '=1+1@contoso.com'].join('\n');
    await page.getByRole('textbox', { name: 'Mailboxes' }).fill(pasted);
    await page.getByRole('button', { name: 'Check mailboxes' }).click();
    const summary = page.getByTestId('bulk-summary');
    await summary.waitFor({ timeout: 60_000 });
    expect(await summary.innerText()).toMatch(
      /^Checked 51 mailboxes in [\d.]+ s: 46 passed, 4 failed, 1 not a mailbox\.$/,
    );
    await expect.poll(() => page.getByTestId('bulk-row').count()).toBe(51);
    expect(await page.getByTestId('bulk-progress').innerText()).toContain(
      '51 of 51 checked · 4 failed · 1 not a mailbox',
    );

    // Rows in list order, each failure with its reason and fix in words.
    const rows = page.getByTestId('bulk-row');
    expect(await rows.nth(0).innerText()).toContain(world.mailboxes[0]?.address);
    const noAccess = await rows.nth(7).innerText();
    expect(noAccess).toContain('Failed');
    expect(noAccess).toMatch(/Fix: /);
    expect(noAccess).toContain('Add-MailboxPermission');
    expect(await rows.nth(7).getAttribute('data-status')).toBe('failed');
    expect(await rows.nth(50).innerText()).toContain('Not a mailbox');

    await page.getByRole('radio', { name: 'Failed (5)' }).check();
    expect(await rows.count()).toBe(5);
    expect(await page.locator('[data-testid="bulk-row"][data-status="ok"]').count()).toBe(0);
    const violations = (await auditStep(page, 'bulk-check')).map((v) => `${v.id} at ${v.targets.join(', ')}`);
    expect(violations).toEqual([]);
    await page.getByRole('radio', { name: 'Passed (46)' }).check();
    expect(await rows.count()).toBe(46);
    await page.getByRole('radio', { name: 'All (51)' }).check();

    const report = join(dir, 'report.csv');
    ports.nextSaveFile = report;
    await page.getByRole('button', { name: 'Save report as CSV…' }).click();
    await page.getByTestId('bulk-report-saved').waitFor();
    const back = parse(readFileSync(report, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    expect(back.map((r) => r.code)).toEqual([
      ...world.mailboxes.map((m) => expectedCode[m.kind] ?? ''),
      'INVALID_MAILBOX',
    ]);
    expect(back[50]?.mailbox).toBe("'=1+1@contoso.com");
    expect(view.errors).toEqual([]);
  }, 120_000);

  it('opens a CSV file and stops a long run with Cancel, keeping the rows checked so far', async () => {
    const { page } = view;
    // 1,000 rows: the 50 mailboxes twenty times over, as an Exchange admin center export.
    const lines = ['DisplayName,PrimarySmtpAddress'];
    for (let round = 0; round < 20; round++) for (const m of world.mailboxes) lines.push(`Box,${m.address}`);
    ports.nextOpenFile = { fileName: 'all-mailboxes.csv', bytes: Buffer.from(lines.join('\r\n')) };
    await page.getByRole('button', { name: 'Open CSV file…' }).click();
    await page.getByText('From all-mailboxes.csv.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Check mailboxes' }).click();
    await page.getByTestId('bulk-row').first().waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Cancel' }).click();
    const summary = page.getByTestId('bulk-summary');
    await summary.waitFor({ timeout: 60_000 });
    const text = await summary.innerText();
    expect(text).toMatch(/^Stopped after \d+ mailbox/);
    const stoppedAt = Number(/after (\d+)/.exec(text)?.[1]);
    expect(stoppedAt).toBeLessThan(1000);
    await expect.poll(() => page.getByTestId('bulk-row').count()).toBe(Math.min(stoppedAt, 500));
    // Nothing that Cancel cut short is shown as a failure.
    const failedLabel = await page.getByText(/^Failed \(\d+\)$/).innerText();
    const expectedFailures = Array.from({ length: stoppedAt }, (_, i) => world.mailboxes[i % 50]).filter(
      (m) => m?.kind !== 'ok',
    ).length;
    expect(failedLabel).toBe(`Failed (${expectedFailures})`);
    expect(view.errors).toEqual([]);
  }, 120_000);

  it('takes a CSV file dropped on the list', async () => {
    const { page } = view;
    const textarea = page.getByRole('textbox', { name: 'Mailboxes' });
    // A drop as the OS delivers it (the test file has no DOM types: the page builds the event).
    await page.evaluate(`(() => {
      const data = new DataTransfer();
      data.items.add(new File(['Mailbox\\r\\ndropped@contoso.com\\r\\n'], 'dropped.csv', { type: 'text/csv' }));
      document.querySelector('textarea').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    })()`);
    await page.getByText('From dropped.csv.', { exact: false }).waitFor();
    expect(await textarea.inputValue()).toBe('Mailbox\ndropped@contoso.com\n');
    expect(view.errors).toEqual([]);
  });
});
