import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src/main/handlers';
import { dispatch } from '../../../src/main/ipc/dispatch';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store';
import { secretKeys } from '../../../src/core/secrets/secret-keys';
import type { BulkRow, BulkRunSummary } from '../../../src/shared/bulk-check';
import type { ProgressEvent } from '../../../src/shared/ipc-contract';
import type { Result } from '../../../src/shared/result';
import type { ImportOutcome, OpenedBundle, SavedFile } from '../../../src/shared/transfer-contract';
import { startEmulator, type Emulator } from '../../emulator';
import { DAEMON_SECRET } from '../../emulator/fixtures/ids';
import { bulkWorld, daemonDraft, expectedCode, type MailboxKind } from '../../cli/bulk-world';
import { createBrowserTestPorts, type TestPorts } from '../../support/browser-ports';

/** The window's channels for profile bundles (issue 14.14) and the bulk check (14.18), through dispatch as IPC runs them. */
const dir = mkdtempSync(join(tmpdir(), 'sow-transfer-bulk-'));
const kinds: MailboxKind[] = ['ok', 'ok', 'no-access', 'ok', 'ok', 'smtp-disabled', 'ok', 'missing', 'ok', 'ok'];
const world = bulkWorld(50, (i) => kinds[i % kinds.length] as MailboxKind);
let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ directory: world.directory });
});
afterAll(async () => {
  await emu?.close();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
function computer() {
  const secrets = new MemorySecretStore();
  const ports: TestPorts = createBrowserTestPorts({
    secrets,
    profilesFile: join(dir, `profiles-${++n}.json`),
    now: () => emu.clock.now(),
  });
  const handlers = createHandlers(ports);
  const events: ProgressEvent[] = [];
  const call = async <T>(channel: string, request: unknown, onEvent?: (e: ProgressEvent) => void) =>
    (await dispatch(handlers, channel, request, {
      signal: new AbortController().signal,
      progress: (p) => {
        const e = { ...p, operationId: p.operationId ?? channel };
        events.push(e);
        onEvent?.(e);
      },
    })) as Result<T>;
  return { secrets, ports, call, events };
}

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.problem.code}: ${r.problem.title}`);
  return r.value;
};

describe('profiles:export / profiles:import-open / profiles:import', () => {
  it('seals the secrets with the passphrase, plans new / same / conflict, imports only what was chosen', async () => {
    const a = computer();
    const daemon = await a.ports.profiles.create(daemonDraft(emu, { name: 'Daemon' }), { clientSecret: DAEMON_SECRET });
    await a.ports.profiles.create(daemonDraft(emu, { name: 'Second' }), { clientSecret: 'second-secret-value' });

    // A weak passphrase is refused before any dialog opens.
    const weak = await a.call('profiles:export', { includeSecrets: true, passphrase: 'short' });
    expect(!weak.ok && weak.problem.code).toBe('BUNDLE_PASSPHRASE_WEAK');
    expect(a.ports.dialogsShown).toEqual([]);
    // Cancel in the save dialog writes nothing.
    expect(value(await a.call<SavedFile>('profiles:export', { includeSecrets: false }))).toEqual({ cancelled: true });

    const file = join(dir, 'bundle.json');
    a.ports.nextSaveFile = file;
    const passphrase = 'correct horse battery staple';
    const saved = value(await a.call<SavedFile>('profiles:export', { includeSecrets: true, passphrase }));
    expect(saved).toEqual({ cancelled: false, path: file, count: 2 });
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(DAEMON_SECRET);
    expect(text).not.toContain('second-secret-value');
    expect(statSync(file).mode & 0o077).toBe(0);

    // The other computer already has "Daemon" (an unrelated profile of that name).
    const b = computer();
    await b.ports.profiles.create(daemonDraft(emu, { name: 'Daemon', mailbox: 'other@contoso.com' }), {});
    b.ports.nextOpenFile = { fileName: 'bundle.json', bytes: readFileSync(file) };
    const opened = value(await b.call<OpenedBundle>('profiles:import-open', undefined));
    if (opened.cancelled) throw new Error('cancelled');
    expect(opened.plan.encrypted).toBe(true);
    expect(opened.plan.items.map((i) => [i.name, i.clash.kind, i.defaultAction, i.addedAs])).toEqual([
      ['Daemon', 'same-name', 'add', 'Daemon (imported)'],
      ['Second', 'none', 'add', 'Second'],
    ]);

    const wrong = await b.call('profiles:import', {
      bundleId: opened.bundleId,
      choices: {},
      withoutSecrets: false,
      passphrase: 'wrong passphrase!!',
    });
    expect(!wrong.ok && wrong.problem.code).toBe('BUNDLE_PASSPHRASE_WRONG');
    expect(await b.ports.profiles.list()).toHaveLength(1);

    // Still open after the wrong passphrase; "Second" is skipped by choice.
    const outcome = value(
      await b.call<ImportOutcome>('profiles:import', {
        bundleId: opened.bundleId,
        choices: { '1': 'skip' },
        withoutSecrets: false,
        passphrase,
      }),
    );
    expect(outcome.secretsImported).toBe(true);
    expect(outcome.results.map((r) => [r.name, r.action])).toEqual([
      ['Daemon', 'added'],
      ['Second', 'skipped'],
    ]);
    const names = (await b.ports.profiles.list()).map((p) => p.name);
    expect(names).toEqual(['Daemon', 'Daemon (imported)']);
    const added = outcome.results[0]?.profileId ?? '';
    expect(await b.secrets.get(secretKeys.clientSecret(added))).toBe(DAEMON_SECRET);
    // Imported once: the same bundle id cannot import again.
    const again = await b.call('profiles:import', { bundleId: opened.bundleId, choices: {}, withoutSecrets: true });
    expect(!again.ok && again.problem.code).toBe('IMPORT_NOT_OPEN');

    // Back on the first computer the same bundle is "already here": skipped unless replace is chosen.
    a.ports.nextOpenFile = { fileName: 'bundle.json', bytes: readFileSync(file) };
    const home = value(await a.call<OpenedBundle>('profiles:import-open', undefined));
    if (home.cancelled) throw new Error('cancelled');
    expect(home.plan.items[0]).toMatchObject({ clash: { kind: 'same-id', localId: daemon.id }, defaultAction: 'skip' });
    expect(home.plan.items[0]?.actions).toContain('replace');
  }, 60_000);

  it('names a file that is not a bundle', async () => {
    const c = computer();
    c.ports.nextOpenFile = { fileName: 'notes.txt', bytes: Buffer.from('hello') };
    const r = await c.call('profiles:import-open', undefined);
    expect(!r.ok && r.problem.code).toBe('BUNDLE_NOT_A_BUNDLE');
  });
});

describe('bulk:run / bulk:save-report', () => {
  const list = [
    'Name,PrimarySmtpAddress',
    ...world.mailboxes.map((m, i) => `Box ${i},${m.address}`),
    'Bad,=cmd|x@contoso.com',
  ].join('\r\n');

  it('streams one row per mailbox in list order with the counts, and saves a neutralised CSV', async () => {
    const c = computer();
    const p = await c.ports.profiles.create(daemonDraft(emu), { clientSecret: DAEMON_SECRET });
    const summary = value(
      await c.call<BulkRunSummary>('bulk:run', { profileId: p.id, operationId: 'bulk-1', list, listName: 'boxes.csv' }),
    );
    const rows = c.events.flatMap((e) => (e.bulk?.row ? [e.bulk.row] : []));
    expect(rows).toHaveLength(51);
    expect(rows.slice(0, 50).map((r) => [r.mailbox, r.code])).toEqual(
      world.mailboxes.map((m) => [m.address, expectedCode[m.kind]]),
    );
    expect(rows[50]).toMatchObject({ status: 'invalid', code: 'INVALID_MAILBOX' });
    const failing = world.mailboxes.filter((m) => m.kind !== 'ok').length;
    expect(summary).toMatchObject({
      total: 51,
      ok: 50 - failing,
      failed: failing,
      invalid: 1,
      cancelled: false,
      column: 'PrimarySmtpAddress',
    });
    const last = c.events.at(-1)?.bulk?.counts;
    expect(last).toEqual({ total: 51, done: 51, failed: failing, invalid: 1 });

    const report = join(dir, 'report.csv');
    c.ports.nextSaveFile = report;
    const saved = value(await c.call<SavedFile>('bulk:save-report', { profileName: p.name, rows }));
    expect(saved).toEqual({ cancelled: false, path: report, count: 51 });
    expect(c.ports.dialogsShown.at(-1)).toMatch(/bulk-check-Daemon-bulk-\d{4}-\d\d-\d\d\.csv/);
    const text = readFileSync(report, 'utf8');
    const back = parse(text, { columns: true, bom: true }) as Record<string, string>[];
    expect(back).toHaveLength(51);
    expect(back[2]).toMatchObject({ mailbox: world.mailboxes[2]?.address, result: 'failed', code: 'SMTP_430_4.2.0' });
    expect(back[2]?.reason).not.toBe('');
    // The formula-looking cell starts with a quote, so a spreadsheet shows it as text.
    expect(back[50]?.mailbox).toBe("'=cmd|x@contoso.com");
  }, 60_000);

  it('Cancel stops the run: the rows so far are kept and none is reported as a failure it was not', async () => {
    const c = computer();
    const p = await c.ports.profiles.create(daemonDraft(emu), { clientSecret: DAEMON_SECRET });
    let cancelled = false;
    const summary = value(
      await c.call<BulkRunSummary>(
        'bulk:run',
        { profileId: p.id, operationId: 'bulk-2', list, listName: 'boxes.csv' },
        (e) => {
          if (!cancelled && (e.bulk?.counts.done ?? 0) >= 5) {
            cancelled = true;
            void c.call('operation:cancel', { operationId: 'bulk-2' });
          }
        },
      ),
    );
    const rows: BulkRow[] = c.events.flatMap((e) => (e.bulk?.row ? [e.bulk.row] : []));
    expect(summary.cancelled).toBe(true);
    expect(summary.total).toBe(rows.length);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.length).toBeLessThan(51);
    for (const [i, r] of rows.entries()) expect(r.code, r.mailbox).toBe(expectedCode[world.mailboxes[i]?.kind ?? 'ok']);
  }, 60_000);

  it('refuses a list with no mailboxes with a reason', async () => {
    const c = computer();
    const p = await c.ports.profiles.create(daemonDraft(emu), { clientSecret: DAEMON_SECRET });
    const empty = await c.call('bulk:run', {
      profileId: p.id,
      operationId: 'b',
      list: 'Mailbox\r\n',
      listName: 'empty.csv',
    });
    expect(!empty.ok && empty.problem.code).toBe('EMPTY_LIST');
  });
});
