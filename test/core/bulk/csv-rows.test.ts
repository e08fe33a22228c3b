import { describe, expect, it } from 'vitest';
import { csvCell } from '../../../src/core/bulk/csv-cell';
import { countCsvRows, readCsvRows, type CsvRow } from '../../../src/core/bulk/csv-rows';
import { mailboxEntries } from '../../../src/core/bulk/mailbox-entries';
import type { BulkEntry } from '../../../src/core/bulk/bulk-types';

const rowsOf = async (chunks: Iterable<string | Uint8Array>, maxLineChars?: number): Promise<CsvRow[]> => {
  const out: CsvRow[] = [];
  for await (const r of readCsvRows(chunks, maxLineChars ? { maxLineChars } : {})) out.push(r);
  return out;
};
const all = async (it: AsyncIterable<BulkEntry>): Promise<BulkEntry[]> => {
  const out: BulkEntry[] = [];
  for await (const e of it) out.push(e);
  return out;
};

describe('mailbox CSV reader (csv-parse, one row per line)', () => {
  it('reads plain rows, CRLF, a BOM and quoted fields with commas and doubled quotes', async () => {
    const rows = await rowsOf(['\uFEFFmailbox,note\r\na@contoso.com,"x, y"\r\n"b@contoso.com","say ""hi"""\r\n']);
    expect(rows).toEqual([
      { line: 1, ok: true, fields: ['mailbox', 'note'] },
      { line: 2, ok: true, fields: ['a@contoso.com', 'x, y'] },
      { line: 3, ok: true, fields: ['b@contoso.com', 'say "hi"'] },
    ]);
  });

  it('reads the same rows whatever the chunk borders, even inside a UTF-8 character', async () => {
    const bytes = Buffer.from('mailbox,name\nä@contoso.com,Zoë\nb@contoso.com,"a, b"\n', 'utf8');
    const whole = await rowsOf([bytes]);
    const oneByte = await rowsOf(Array.from(bytes, (b) => Uint8Array.of(b)));
    expect(oneByte).toEqual(whole);
    expect(whole[1]).toEqual({ line: 2, ok: true, fields: ['ä@contoso.com', 'Zoë'] });
  });

  it('makes a stray quote one invalid row and reads the next line normally', async () => {
    const rows = await rowsOf(['a@contoso.com\n"b@contoso.com\nc@contoso.com\nbad"row@contoso.com\nd@contoso.com']);
    expect(rows).toEqual([
      { line: 1, ok: true, fields: ['a@contoso.com'] },
      { line: 2, ok: false, reason: 'a quoted field is not closed on its line', excerpt: '"b@contoso.com' },
      { line: 3, ok: true, fields: ['c@contoso.com'] },
      { line: 4, ok: false, reason: 'a quote (") inside an unquoted field', excerpt: 'bad"row@contoso.com' },
      { line: 5, ok: true, fields: ['d@contoso.com'] },
    ]);
  });

  it('finds a quote that spans lines inside an otherwise clean batch', async () => {
    // Line 2 opens a quote that line 4 closes: parsed as one batch this would be one record.
    const rows = await rowsOf(['a@contoso.com\n"b@contoso.com\nc@contoso.com\nx"\ne@contoso.com\n']);
    expect(rows.map((r) => [r.line, r.ok])).toEqual([
      [1, true],
      [2, false],
      [3, true],
      [4, false],
      [5, true],
    ]);
  });

  it('skips blank lines but keeps the file line numbers', async () => {
    const rows = await rowsOf(['a@contoso.com\n\n   \r\nb@contoso.com\n']);
    expect(rows.map((r) => r.line)).toEqual([1, 4]);
  });

  it('reports a line over the limit without holding it, with a short excerpt', async () => {
    const long = 'x'.repeat(5_000);
    const chunks = ['a@contoso.com\n', ...Array.from({ length: 20 }, () => long), '\nb@contoso.com\n'];
    const rows = await rowsOf(chunks, 1_000);
    expect(rows[1]).toEqual({
      line: 2,
      ok: false,
      reason: 'the line is 100,000 characters long (at most 1,000)',
      excerpt: `${'x'.repeat(40)}…`,
    });
    expect(rows[2]).toEqual({ line: 3, ok: true, fields: ['b@contoso.com'] });
    expect(await countCsvRows(chunks, { maxLineChars: 1_000 })).toBe(rows.length);
  });

  it('counts the rows it will give, for a progress bar', async () => {
    const text = '\uFEFFmailbox\n\na@contoso.com\n"b\n  \nc@contoso.com';
    expect(await countCsvRows([text])).toBe((await rowsOf([text])).length);
  });
});

describe('mailbox entries from the rows', () => {
  const entriesOf = async (text: string, column?: string) => {
    const list = await mailboxEntries(readCsvRows([text]), 'list.csv', column);
    return { ...list, entries: await all(list.entries) };
  };

  it('takes the named header column and reports bad rows in place with an excerpt only', async () => {
    const list = await entriesOf(
      `Name,PrimarySmtpAddress\nA,a@contoso.com\nB,${'y'.repeat(300)}\nC,\nD,=1+1@contoso.com\nE,"x\n`,
    );
    expect(list.column).toBe('PrimarySmtpAddress');
    expect(list.entries).toEqual([
      { line: 2, mailbox: 'a@contoso.com' },
      {
        line: 3,
        mailbox: `${'y'.repeat(40)}…`,
        invalid: { code: 'INVALID_MAILBOX', title: `"${'y'.repeat(40)}…" is not a mailbox address` },
      },
      { line: 4, invalid: { code: 'MISSING_MAILBOX', title: 'no mailbox in PrimarySmtpAddress' } },
      {
        line: 5,
        mailbox: '=1+1@contoso.com',
        invalid: { code: 'INVALID_MAILBOX', title: '"=1+1@contoso.com" is not a mailbox address' },
      },
      {
        line: 6,
        invalid: {
          code: 'CSV_MALFORMED_ROW',
          title: 'malformed CSV row: a quoted field is not closed on its line; the line reads: E,"x',
        },
      },
    ]);
  });

  it('uses the first column without a header, and says so', async () => {
    const list = await entriesOf('a@contoso.com,x\nb@contoso.com,y\n');
    expect(list.column).toBe('column 1');
    expect(list.entries.map((e) => e.mailbox)).toEqual(['a@contoso.com', 'b@contoso.com']);
  });

  it('names a missing --column and an empty list as problems', async () => {
    await expect(entriesOf('mailbox\na@contoso.com\n', 'Email')).rejects.toMatchObject({
      problem: { code: 'NO_MAILBOX_COLUMN', field: 'column' },
    });
    await expect(entriesOf('mailbox\n\n')).rejects.toMatchObject({ problem: { code: 'EMPTY_LIST' } });
    await expect(entriesOf('')).rejects.toMatchObject({ problem: { code: 'EMPTY_LIST' } });
  });
});

describe('CSV report cells', () => {
  it('quotes only when needed', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "x"')).toBe('"say ""x"""');
  });

  it('neutralises a cell a spreadsheet would run as a formula (OWASP)', () => {
    for (const cell of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx', '=HYPERLINK("http://x","y")'])
      expect(csvCell(cell), JSON.stringify(cell)).toBe(`"'${cell.replace(/"/g, '""')}"`);
    expect(csvCell('a=b')).toBe('a=b');
  });
});
