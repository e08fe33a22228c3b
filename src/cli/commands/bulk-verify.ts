import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { bulkVerify, DEFAULT_BULK_CONCURRENCY } from '../../core/bulk/bulk-verify';
import type { BulkSummary } from '../../core/bulk/bulk-types';
import { countCsvRows, readCsvRows } from '../../core/bulk/csv-rows';
import { mailboxEntries } from '../../core/bulk/mailbox-entries';
import { createTokenSource } from '../../core/bulk/token-source';
import { resolveNetwork } from '../../core/net/resolve-network';
import { isProblemError } from '../../core/problem-error';
import type { CliContext } from '../cli-context';
import { resolveProfile } from '../cli-context';
import { line } from '../cli-io';
import { acquireToken, profileRef } from '../acquire';
import { csvWriter, jsonWriter } from '../bulk-writers';
import { EXIT, UsageError, type ExitCode } from '../exit-codes';
import { progressBar } from '../progress-bar';

export interface BulkFlags {
  readonly concurrency?: number;
  readonly format: 'csv' | 'json';
  readonly column?: string;
}

/** At most this many bad-row lines on stderr; the rest are in the results. */
const MAX_ROW_ERRORS = 20;

export async function bulkVerifyCommand(
  ctx: CliContext,
  ref: string | undefined,
  file: string | undefined,
  flags: BulkFlags,
): Promise<ExitCode> {
  if (!ref || !file)
    throw new UsageError('USAGE', 'bulk-verify needs a profile and a CSV file: bulk-verify <profile> MAILBOXES.csv');
  const profile = await resolveProfile(ctx, ref);
  if (profile.flow !== 'app-only') {
    throw new UsageError(
      'BULK_NEEDS_APP_ONLY',
      `profile "${profile.name}" is delegated; bulk-verify needs an app-only profile (client credentials with SMTP.SendAsApp and Full Access on each mailbox)`,
    );
  }
  const name = basename(file);
  const list = await mailboxEntries(readCsvRows(await openList(file)), name, flags.column).catch((e: unknown) => {
    // A list without the named column or without rows is a mistake in the input: one line, exit 2.
    if (isProblemError(e)) throw new UsageError(e.problem.code, e.problem.title);
    throw e;
  });
  const { stderr, stdout } = ctx.io;
  // The bar's total is one more read of the file, made only when there is a terminal to show it.
  const total = stderr.isTTY ? (await countCsvRows(await openList(file))) - (list.hasHeader ? 1 : 0) : 0;
  const bar = progressBar(total, `${profile.name}: ${list.column}`, stderr);

  const writer = flags.format === 'json' ? jsonWriter(stdout, profileRef(profile)) : csvWriter(stdout);
  // The CLI's first Ctrl-C aborts ctx.signal: rows in flight end as cancelled and the summary is still written.
  const { signal } = ctx;
  let badRows = 0;
  const summary = await bulkVerify({
    profile: { ...profile, network: await resolveNetwork(profile, ctx.secrets) },
    entries: list.entries,
    concurrency: flags.concurrency ?? DEFAULT_BULK_CONCURRENCY,
    signal,
    tokens: createTokenSource({ acquire: () => acquireToken(ctx, profile), now: ctx.now }),
    onResult: async (r) => {
      if (r.status === 'invalid' && ++badRows <= MAX_ROW_ERRORS) {
        bar.clear();
        await line(
          stderr,
          `smtp-oauth-wizard: ${name} line ${r.line}: ${r.title}; row skipped, the other rows are checked`,
        );
      }
      await writer.row(r);
    },
    onProgress: (p) => bar.update(p.done, p.failed + p.invalid),
    now: ctx.now,
  });
  bar.finish();
  if (badRows > MAX_ROW_ERRORS)
    await line(
      stderr,
      `smtp-oauth-wizard: ${name}: ${badRows - MAX_ROW_ERRORS} more unreadable rows (see the results)`,
    );
  await writer.end(summary);
  await line(stderr, summaryLine(summary, signal.aborted));
  if (summary.invalid > 0) return EXIT.badInput;
  return summary.failed > 0 || signal.aborted ? EXIT.checkFailed : EXIT.ok;
}

/** The list as a byte stream (read as it is checked, so a huge file is never held whole). */
async function openList(file: string): Promise<Readable> {
  let why: string | undefined;
  try {
    const handle = await open(file, 'r');
    if (!(await handle.stat()).isDirectory()) return handle.createReadStream({ highWaterMark: 64 * 1024 });
    await handle.close();
    why = 'it is a folder';
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : code === 'EACCES'
            ? 'permission denied'
            : (code ?? 'unreadable');
  }
  throw new UsageError('FILE_NOT_FOUND', `cannot read mailbox list ${file}: ${why}`);
}

function summaryLine(s: BulkSummary, aborted: boolean): string {
  const rate = s.durationMs > 0 ? ` (${Math.round((s.total / s.durationMs) * 1000)}/s)` : '';
  const codes = Object.entries(s.byCode)
    .sort((a, b) => b[1] - a[1])
    .map(([c, n]) => `${c} ×${n}`)
    .join(', ');
  return `${aborted ? 'Stopped after' : 'Checked'} ${s.total} mailboxes in ${(s.durationMs / 1000).toFixed(1)} s${rate}: ${s.ok} ok, ${s.failed} failed, ${s.invalid} invalid rows${codes ? ` — ${codes}` : ''}; ${s.tokenAcquisitions} token${s.tokenAcquisitions === 1 ? '' : 's'} used.`;
}
