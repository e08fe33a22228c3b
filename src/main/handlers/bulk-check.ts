import { setMaxListeners } from 'node:events';
import { dirname } from 'node:path';
import { type z } from 'zod';
import {
  MAX_BULK_LIST_CHARS,
  type BulkCounts,
  type bulkReportRequestSchema,
  type BulkRow,
  type bulkRunRequestSchema,
  type BulkRunSummary,
  type OpenedList,
} from '../../shared/bulk-check';
import { problem } from '../../shared/problem';
import { categoryOf } from '../../shared/problem-codes';
import type { SavedFile } from '../../shared/transfer-contract';
import { bulkNeedsAppOnly, bulkVerify } from '../../core/bulk/bulk-verify';
import { csvCell } from '../../core/bulk/csv-cell';
import { countCsvRows, readCsvRows } from '../../core/bulk/csv-rows';
import { mailboxEntries } from '../../core/bulk/mailbox-entries';
import { createTokenSource } from '../../core/bulk/token-source';
import { resolveNetwork } from '../../core/net/resolve-network';
import { acquireAppOnly } from '../../core/oauth/app-only';
import { writeFileAtomic } from '../../core/profiles/atomic-file';
import { ProblemError } from '../../core/problem-error';
import { saveProblem } from '../../core/targets/write-exports';
import type { HandlerContext } from '../ipc/handler-map';
import type { Operations } from './operations';
import type { HandlerPorts } from './ports';
import { viewOf } from './profiles';

type RunRequest = z.output<typeof bulkRunRequestSchema>;
type ReportRequest = z.output<typeof bulkReportRequestSchema>;

const LIST_FILTERS = [
  { name: 'Mailbox list', extensions: ['csv', 'txt'] },
  { name: 'All files', extensions: ['*'] },
];

/** The report's columns: the CLI's, with the plain-words reason and fix spelled out. */
const REPORT_COLUMNS = [
  'line',
  'mailbox',
  'result',
  'code',
  'reason',
  'fix',
  'command',
  'attempts',
  'duration_ms',
] as const;
const RESULT_WORDS: Readonly<Record<BulkRow['status'], string>> = {
  ok: 'passed',
  failed: 'failed',
  invalid: 'not a mailbox',
};

export function reportCsv(rows: readonly BulkRow[]): string {
  const lines = [REPORT_COLUMNS.join(',')];
  for (const r of rows)
    lines.push(
      [
        String(r.line),
        r.mailbox,
        RESULT_WORDS[r.status],
        r.code ?? '',
        r.title ?? '',
        r.fix ?? '',
        r.command ?? '',
        String(r.attempts),
        String(r.durationMs),
      ]
        .map(csvCell)
        .join(','),
    );
  // CRLF and a BOM: Excel on Windows opens it as UTF-8 with one row per line.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function listTooLarge(name: string): ProblemError {
  return new ProblemError(
    problem({
      code: 'BULK_LIST_TOO_LARGE',
      title: `${name} is too large to check in the app`,
      explanation: `The app checks lists of up to ${(MAX_BULK_LIST_CHARS / 1_000_000).toFixed(0)} million characters (about 200,000 mailboxes).`,
      fixSteps: [
        'Split the list into smaller files, or run the command line’s bulk-verify, which reads a file of any size.',
      ],
    }),
  );
}

/**
 * The bulk check screen: the same core bulkVerify as the CLI's bulk-verify, one progress
 * event per finished row (in list order, so the window's table and the counts agree), and
 * Cancel through the operation id. Rows still in flight when Cancel comes are not reported
 * as failures: they were not checked.
 */
export function createBulkHandlers(ports: HandlerPorts, operations: Operations) {
  const openList = async (): Promise<OpenedList> => {
    const picked = await ports.dialogs.openFile({ title: 'Choose the list of mailboxes', filters: LIST_FILTERS });
    if (!picked) return { cancelled: true };
    if (picked.bytes.byteLength > MAX_BULK_LIST_CHARS) throw listTooLarge(picked.fileName);
    return { cancelled: false, fileName: picked.fileName, text: new TextDecoder('utf-8').decode(picked.bytes) };
  };

  const run = async (req: RunRequest, ctx: HandlerContext): Promise<BulkRunSummary> => {
    const { profile } = await viewOf(ports, req.profileId);
    if (profile.flow !== 'app-only') throw new ProblemError(bulkNeedsAppOnly(profile));
    const list = await mailboxEntries(readCsvRows([req.list]), req.listName);
    const counts: { -readonly [K in keyof BulkCounts]: BulkCounts[K] } = {
      total: (await countCsvRows([req.list])) - (list.hasHeader ? 1 : 0),
      done: 0,
      failed: 0,
      invalid: 0,
    };
    let ok = 0;
    const started = performance.now();
    const say = (message: string, row?: BulkRow): void =>
      ctx.progress({
        operationId: req.operationId,
        stage: 'bulk',
        message,
        fraction: counts.total > 0 ? Math.min(1, counts.done / counts.total) : 0,
        bulk: { counts: { ...counts }, ...(row ? { row } : {}) },
      });
    const deps = { secrets: ports.secrets, profiles: ports.profiles, ...(ports.now ? { now: ports.now } : {}) };
    return operations.run(req.operationId, ctx.signal, async (signal) => {
      // Every check in flight listens for Cancel (16 by default, each with its SMTP socket): not a leak.
      setMaxListeners(256, signal);
      say(`Getting an app-only token for ${profile.name}…`);
      await bulkVerify({
        profile: { ...profile, network: await resolveNetwork(profile, ports.secrets) },
        entries: list.entries,
        signal,
        tokens: createTokenSource({
          acquire: () => acquireAppOnly(profile, deps),
          ...(ports.now ? { now: ports.now } : {}),
        }),
        ...(ports.now ? { now: ports.now } : {}),
        onResult: (row) => {
          if (signal.aborted && row.code && categoryOf(row.code) === 'cancelled') return;
          counts.done += 1;
          if (row.status === 'ok') ok += 1;
          else counts[row.status] += 1;
          say(`${counts.done} of ${counts.total} checked`, row);
        },
      });
      return {
        total: counts.done,
        ok,
        failed: counts.failed,
        invalid: counts.invalid,
        durationMs: Math.round(performance.now() - started),
        cancelled: signal.aborted,
        column: list.column,
      };
    });
  };

  const saveReport = async (req: ReportRequest): Promise<SavedFile> => {
    const day = new Date(ports.now ? ports.now() : Date.now()).toISOString().slice(0, 10);
    const safeName = req.profileName.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'profile';
    const path = await ports.dialogs.chooseSaveFile({
      title: 'Save the bulk check report',
      defaultName: `bulk-check-${safeName}-${day}.csv`,
      filters: [
        { name: 'CSV report', extensions: ['csv'] },
        { name: 'All files', extensions: ['*'] },
      ],
    });
    if (!path) return { cancelled: true };
    try {
      await writeFileAtomic(path, reportCsv(req.rows));
    } catch (e) {
      throw saveProblem(
        dirname(path),
        e,
        'The report could not be saved',
        'The results stay in the window until you leave the screen.',
      );
    }
    return { cancelled: false, path, count: req.rows.length };
  };

  return { openList, run, saveReport };
}
