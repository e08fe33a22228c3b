import { describe, expect, it } from 'vitest';
import { csvField, parseCsv } from '../../src/cli/csv';

describe('mailbox CSV reader', () => {
  it('reads plain rows, CRLF, a BOM and quoted fields with commas and doubled quotes', () => {
    const rows = parseCsv('\uFEFFmailbox,note\r\na@contoso.com,"x, y"\r\n"b@contoso.com","say ""hi"""\r\n');
    expect(rows).toEqual([
      { line: 1, ok: true, fields: ['mailbox', 'note'] },
      { line: 2, ok: true, fields: ['a@contoso.com', 'x, y'] },
      { line: 3, ok: true, fields: ['b@contoso.com', 'say "hi"'] },
    ]);
  });

  it('reports a malformed row with its line number and keeps reading the rest', () => {
    const rows = parseCsv('a@contoso.com\nbad"row@contoso.com\nc@contoso.com\n');
    expect(rows[1]).toEqual({ line: 2, ok: false, error: 'a quote (") inside an unquoted field' });
    expect(rows[2]).toEqual({ line: 3, ok: true, fields: ['c@contoso.com'] });
  });

  it('skips blank lines and reports a quote never closed', () => {
    const rows = parseCsv('a@contoso.com\n\n"b@contoso.com\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ line: 3, ok: false, error: 'a quoted field is never closed' });
  });

  it('quotes output fields only when needed', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "x"')).toBe('"say ""x"""');
  });
});
