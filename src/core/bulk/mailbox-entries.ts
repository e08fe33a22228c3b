import { problem } from '../../shared/problem';
import { isPlausibleMailbox } from '../../shared/mailbox-address';
import { ProblemError } from '../problem-error';
import type { BulkEntry } from './bulk-types';
import { excerptOf, type CsvRow } from './csv-rows';

/**
 * Turns the rows of a mailbox list into entries for the bulk check, as they stream in.
 * Takes the column Excel and the Exchange admin center exports name (Mailbox, Email,
 * PrimarySmtpAddress, UserPrincipalName...) when the first row is a header, else the first
 * column. Unreadable rows stay in the list as invalid entries so they are reported in place;
 * a bad value is quoted back only as a short excerpt.
 */
const HEADER_NAMES = new Set([
  'mailbox',
  'email',
  'emailaddress',
  'mail',
  'address',
  'primarysmtpaddress',
  'smtpaddress',
  'userprincipalname',
  'upn',
  'smtp',
  'windowsemailaddress',
]);

const norm = (s: string): string => s.toLowerCase().replace(/[\s_\-]/g, '');

export interface MailboxList {
  /** The header's name for the column used, or "column 1". */
  readonly column: string;
  /** Whether the first row was a header (so it is not an entry). */
  readonly hasHeader: boolean;
  readonly entries: AsyncIterable<BulkEntry>;
}

function listProblem(code: 'NO_MAILBOX_COLUMN' | 'EMPTY_LIST', title: string, fix: string): ProblemError {
  return new ProblemError(
    problem({
      code,
      title,
      explanation: '',
      fixSteps: [fix],
      ...(code === 'NO_MAILBOX_COLUMN' ? { field: 'column' } : {}),
    }),
  );
}

export function entryFor(row: CsvRow, index: number, column: string): BulkEntry {
  if (!row.ok)
    return {
      line: row.line,
      invalid: {
        code: 'CSV_MALFORMED_ROW',
        title: `malformed CSV row: ${row.reason}; the line reads: ${row.excerpt}`,
      },
    };
  const value = row.fields[index]?.trim() ?? '';
  if (!value) return { line: row.line, invalid: { code: 'MISSING_MAILBOX', title: `no mailbox in ${column}` } };
  if (!isPlausibleMailbox(value)) {
    const shown = excerptOf(value);
    return {
      line: row.line,
      mailbox: shown,
      invalid: { code: 'INVALID_MAILBOX', title: `"${shown}" is not a mailbox address` },
    };
  }
  return { line: row.line, mailbox: value };
}

/**
 * Reads up to the first readable row to find the header and column, then hands back the
 * entries as a stream. Throws a ProblemError when the named column is missing or the list
 * has no rows at all.
 */
export async function mailboxEntries(
  rows: AsyncIterable<CsvRow>,
  name: string,
  columnName?: string,
): Promise<MailboxList> {
  const it = rows[Symbol.asyncIterator]();
  const before: CsvRow[] = [];
  let first: Extract<CsvRow, { ok: true }> | undefined;
  for (let r = await it.next(); !r.done; r = await it.next()) {
    before.push(r.value);
    if (r.value.ok) {
      first = r.value;
      break;
    }
  }
  const header =
    first &&
    !first.fields.some((f) => f.includes('@')) &&
    (columnName !== undefined || first.fields.some((f) => HEADER_NAMES.has(norm(f))))
      ? first
      : undefined;
  let index = 0;
  if (columnName !== undefined) {
    index = header ? header.fields.findIndex((f) => norm(f) === norm(columnName)) : -1;
    if (index < 0)
      throw listProblem(
        'NO_MAILBOX_COLUMN',
        `${name} has no header column named "${excerptOf(columnName)}"`,
        'Give --column the name of the column exactly as the first row of the file spells it, or leave --column out to use the Mailbox, Email or PrimarySmtpAddress column.',
      );
  } else if (header) {
    index = header.fields.findIndex((f) => HEADER_NAMES.has(norm(f)));
  }
  const column = header ? (header.fields[index] ?? '') : `column ${index + 1}`;
  // Peek one row past the header: a file with nothing to check is one clear answer.
  if (header) {
    const next = await it.next();
    if (!next.done) before.push(next.value);
  }
  const pending = before.filter((r) => r !== header);
  if (pending.length === 0)
    throw listProblem(
      'EMPTY_LIST',
      `${name} lists no mailboxes`,
      'Put one mailbox address per row, under a Mailbox column.',
    );

  async function* entries(): AsyncGenerator<BulkEntry> {
    for (const row of pending) yield entryFor(row, index, column);
    for (let r = await it.next(); !r.done; r = await it.next()) yield entryFor(r.value, index, column);
  }
  return { column, hasHeader: header !== undefined, entries: entries() };
}
