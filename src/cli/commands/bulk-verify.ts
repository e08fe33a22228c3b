import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { bulkVerify, DEFAULT_BULK_CONCURRENCY } from '../../core/bulk/bulk-verify';
import type { BulkSummary } from '../../core/bulk/bulk-types';
import { createTokenSource } from '../../core/bulk/token-source';
import { resolveNetwork } from '../../core/net/resolve-network';
import type { CliContext } from '../cli-context';
import { resolveProfile } from '../cli-context';
import { line } from '../cli-io';
import { acquireToken, profileRef } from '../acquire';
import { csvWriter, jsonWriter } from '../bulk-writers';
import { parseCsv } from '../csv';
import { EXIT, UsageError, type ExitCode } from '../exit-codes';
import { mailboxEntries } from '../mailbox-rows';
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
  const { entries, column } = mailboxEntries(parseCsv(await readList(file)), basename(file), flags.column);
  const { stderr, stdout } = ctx.io;
  const bad = entries.filter((e) => 'invalid' in e);
  for (const e of bad.slice(0, MAX_ROW_ERRORS)) {
    if ('invalid' in e)
      await line(
        stderr,
        `smtp-oauth-wizard: ${basename(file)} line ${e.line}: ${e.invalid.title}; row skipped, the other rows are checked`,
      );
  }
  if (bad.length > MAX_ROW_ERRORS)
    await line(
      stderr,
      `smtp-oauth-wizard: ${basename(file)}: ${bad.length - MAX_ROW_ERRORS} more unreadable rows (see the results)`,
    );

  const writer = flags.format === 'json' ? jsonWriter(stdout, profileRef(profile)) : csvWriter(stdout);
  const bar = progressBar(entries.length, `${profile.name}: ${column}`, stderr);
  const { signal } = ctx;
  const summary = await bulkVerify({
    profile: { ...profile, network: await resolveNetwork(profile, ctx.secrets) },
    entries,
    concurrency: flags.concurrency ?? DEFAULT_BULK_CONCURRENCY,
    signal,
    tokens: createTokenSource({ acquire: () => acquireToken(ctx, profile), now: ctx.now }),
    onResult: (r) => writer.row(r),
    onProgress: (p) => bar.update(p.done, p.failed + p.invalid),
    now: ctx.now,
  });
  bar.finish();
  await writer.end(summary);
  await line(stderr, summaryLine(summary, signal.aborted));
  if (summary.invalid > 0) return EXIT.badInput;
  return summary.failed > 0 || signal.aborted ? EXIT.checkFailed : EXIT.ok;
}

async function readList(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : code === 'EACCES'
            ? 'permission denied'
            : (code ?? 'unreadable');
    throw new UsageError('FILE_NOT_FOUND', `cannot read mailbox list ${file}: ${why}`);
  }
}

function summaryLine(s: BulkSummary, aborted: boolean): string {
  const rate = s.durationMs > 0 ? ` (${Math.round((s.total / s.durationMs) * 1000)}/s)` : '';
  const codes = Object.entries(s.byCode)
    .sort((a, b) => b[1] - a[1])
    .map(([c, n]) => `${c} ×${n}`)
    .join(', ');
  return `${aborted ? 'Stopped after' : 'Checked'} ${s.total} mailboxes in ${(s.durationMs / 1000).toFixed(1)} s${rate}: ${s.ok} ok, ${s.failed} failed, ${s.invalid} invalid rows${codes ? ` — ${codes}` : ''}; ${s.tokenAcquisitions} token${s.tokenAcquisitions === 1 ? '' : 's'} used.`;
}
