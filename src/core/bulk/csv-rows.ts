import { parse } from 'csv-parse/sync';
import { boundedLines, type PhysicalLine } from './bounded-lines';

/**
 * Reads the mailbox lists helpdesk staff export from Excel or the Exchange admin center
 * (quoted fields, doubled quotes, CRLF or LF, an optional BOM) as a stream of rows, with
 * csv-parse doing the CSV. One rule is ours: a row is one line. A quoted field may not run
 * past its line, because a single stray `"` would otherwise swallow every row after it
 * into one field (the parser reads on until it finds the next quote). So every bad line
 * is one invalid row with its line number and the next line is read normally, a line
 * longer than `maxLineChars` is reported without being held in memory, and an invalid
 * row carries a short excerpt, never the whole line.
 */
export type CsvRow =
  | { readonly line: number; readonly ok: true; readonly fields: readonly string[] }
  | { readonly line: number; readonly ok: false; readonly reason: string; readonly excerpt: string };

export interface CsvReadOptions {
  /** Longest line read; longer ones are invalid rows. Default 65,536 characters. */
  readonly maxLineChars?: number;
}

export const DEFAULT_MAX_LINE_CHARS = 65_536;
/** Characters of a bad line that an invalid row quotes back. */
export const EXCERPT_CHARS = 40;
/** Lines handed to the parser at once while they parse cleanly (one call per line is 5× slower). */
const BATCH = 256;

const OPTIONS = { record_delimiter: '\n', relax_column_count: true, trim: true } as const;

/** The parser's error codes in words a spreadsheet user can act on. */
const REASONS: Readonly<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is not closed on its line',
  INVALID_OPENING_QUOTE: 'a quote (") inside an unquoted field',
  CSV_INVALID_CLOSING_QUOTE: 'text right after a closing quote',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'text right after a closing quote',
};

/** The start of a line, cut to a few characters, for an invalid row's message. */
export function excerptOf(text: string, max = EXCERPT_CHARS): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function parseLine(l: PhysicalLine): CsvRow {
  if (l.overLength !== undefined)
    return {
      line: l.line,
      ok: false,
      reason: `the line is ${l.overLength.toLocaleString('en-US')} characters long (at most ${l.text.length.toLocaleString('en-US')})`,
      excerpt: excerptOf(l.text),
    };
  try {
    const [fields = ['']] = parse(l.text, OPTIONS);
    return { line: l.line, ok: true, fields };
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    const reason = (typeof code === 'string' && REASONS[code]) || 'the line is not valid CSV';
    return { line: l.line, ok: false, reason, excerpt: excerptOf(l.text) };
  }
}

/** A batch of clean lines parses in one call; any error or merged line sends it line by line. */
function parseBatch(batch: readonly PhysicalLine[]): CsvRow[] {
  if (batch.length > 1 && batch.every((l) => l.overLength === undefined)) {
    try {
      const records = parse(batch.map((l) => l.text).join('\n'), OPTIONS);
      // Fewer records than lines means a quoted field ran across a line: find it line by line.
      if (records.length === batch.length)
        return records.map((fields, i) => ({ line: (batch[i] as PhysicalLine).line, ok: true, fields }));
    } catch {
      // Fall through: the line-by-line pass names the bad line and keeps the good ones.
    }
  }
  // Line by line, most lines of a damaged file make csv-parse throw, and a thrown error's stack
  // is most of its cost (the row needs only the error's code): none is captured meanwhile.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return batch.map(parseLine);
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

export async function* readCsvRows(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  options: CsvReadOptions = {},
): AsyncGenerator<CsvRow> {
  let batch: PhysicalLine[] = [];
  for await (const l of boundedLines(chunks, options.maxLineChars ?? DEFAULT_MAX_LINE_CHARS)) {
    const text = l.line === 1 && l.text.charCodeAt(0) === 0xfeff ? l.text.slice(1) : l.text;
    if (l.overLength === undefined && text.trim() === '') continue;
    batch.push(text === l.text ? l : { ...l, text });
    if (batch.length >= BATCH) {
      yield* parseBatch(batch);
      batch = [];
    }
  }
  yield* parseBatch(batch);
}

/** How many rows `readCsvRows` will give for the same input (for a progress bar's total). */
export async function countCsvRows(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  options: CsvReadOptions = {},
): Promise<number> {
  let n = 0;
  for await (const l of boundedLines(chunks, options.maxLineChars ?? DEFAULT_MAX_LINE_CHARS))
    if (l.overLength !== undefined || l.text.replace(/^\uFEFF/, '').trim() !== '') n += 1;
  return n;
}
