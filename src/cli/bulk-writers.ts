import type { BulkRowResult, BulkSummary } from '../core/bulk/bulk-types';
import { write } from './cli-io';
import { csvCell } from '../core/bulk/csv-cell';

/**
 * Streams bulk results as they arrive: CSV (one row per mailbox, for Excel) or one JSON
 * document `{ profile, results: [...], summary }` written piece by piece, so neither
 * format holds the whole report in memory.
 */
export interface BulkWriter {
  row(r: BulkRowResult): Promise<void> | void;
  end(summary: BulkSummary): Promise<void> | void;
}

const CSV_COLUMNS = ['line', 'mailbox', 'status', 'code', 'title', 'fix', 'attempts', 'duration_ms'] as const;

export function csvWriter(out: NodeJS.WritableStream): BulkWriter {
  let started = false;
  const header = (): string => (started ? '' : ((started = true), `${CSV_COLUMNS.join(',')}\n`));
  return {
    row: (r) =>
      write(
        out,
        `${header()}${[String(r.line), r.mailbox, r.status, r.code ?? '', r.title ?? '', r.fix ?? '', String(r.attempts), String(r.durationMs)].map(csvCell).join(',')}\n`,
      ),
    end: () => (started ? undefined : write(out, header())),
  };
}

export function jsonWriter(
  out: NodeJS.WritableStream,
  profile: { readonly id: string; readonly name: string },
): BulkWriter {
  let count = 0;
  const open = `{\n  "profile": ${JSON.stringify(profile)},\n  "results": [`;
  return {
    row: (r) => write(out, `${count++ === 0 ? open : ','}\n    ${JSON.stringify(r)}`),
    end: (s) => write(out, `${count === 0 ? `${open}]` : '\n  ]'},\n  "summary": ${JSON.stringify(s)}\n}\n`),
  };
}
