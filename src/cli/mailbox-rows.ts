import type { BulkEntry } from '../core/bulk/bulk-types';
import { isPlausibleMailbox } from '../shared/mailbox-address';
import type { CsvRow } from './csv';
import { UsageError } from './exit-codes';

/**
 * Turns the rows of a mailbox list into entries for the bulk check. Takes the column
 * Excel and the Exchange admin center exports name (Mailbox, Email, PrimarySmtpAddress,
 * UserPrincipalName...) when the first row is a header, else the first column.
 * Unreadable rows stay in the list as invalid entries so they are reported in place.
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
  readonly entries: readonly BulkEntry[];
  /** The header's name for the column used, or "column 1". */
  readonly column: string;
}

export function mailboxEntries(rows: readonly CsvRow[], file: string, columnName?: string): MailboxList {
  const first = rows.find((r) => r.ok);
  const header =
    first?.ok &&
    !first.fields.some((f) => f.includes('@')) &&
    (columnName !== undefined || first.fields.some((f) => HEADER_NAMES.has(norm(f))))
      ? first
      : undefined;
  let index = 0;
  if (columnName !== undefined) {
    index = header?.ok ? header.fields.findIndex((f) => norm(f) === norm(columnName)) : -1;
    if (index < 0) throw new UsageError('NO_MAILBOX_COLUMN', `${file} has no header column named "${columnName}"`);
  } else if (header?.ok) {
    index = header.fields.findIndex((f) => HEADER_NAMES.has(norm(f)));
  }
  const column = header?.ok ? (header.fields[index] ?? '') : `column ${index + 1}`;
  const entries: BulkEntry[] = [];
  for (const row of rows) {
    if (row === header) continue;
    if (!row.ok) {
      entries.push({
        line: row.line,
        invalid: { code: 'CSV_MALFORMED_ROW', title: `malformed CSV row: ${row.error}` },
      });
      continue;
    }
    const value = row.fields[index]?.trim() ?? '';
    if (!value)
      entries.push({ line: row.line, invalid: { code: 'MISSING_MAILBOX', title: `no mailbox in ${column}` } });
    else if (!isPlausibleMailbox(value))
      entries.push({
        line: row.line,
        mailbox: value,
        invalid: { code: 'INVALID_MAILBOX', title: `"${value}" is not a mailbox address` },
      });
    else entries.push({ line: row.line, mailbox: value });
  }
  if (entries.length === 0) throw new UsageError('EMPTY_LIST', `${file} lists no mailboxes`);
  return { entries, column };
}
