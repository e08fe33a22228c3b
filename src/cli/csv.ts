/**
 * A small RFC 4180 reader for the mailbox lists helpdesk staff export from Excel or the
 * Exchange admin center: quoted fields, doubled quotes, CRLF or LF, an optional BOM.
 * A bad row does not stop the file: it comes back as an error with its line number so
 * the good rows are still checked.
 */
export type CsvRow =
  | { readonly line: number; readonly ok: true; readonly fields: readonly string[] }
  | { readonly line: number; readonly ok: false; readonly error: string };

export function parseCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let i = 0;
  let line = 1;
  while (i < src.length) {
    const start = line;
    const fields: string[] = [];
    let field = '';
    let error: string | undefined;
    let quoted = false;
    let atFieldStart = true;
    for (; i < src.length; i++) {
      const c = src[i];
      if (quoted) {
        if (c === '"' && src[i + 1] === '"') {
          field += '"';
          i++;
        } else if (c === '"') {
          quoted = false;
        } else {
          if (c === '\n') line++;
          field += c;
        }
        continue;
      }
      if (c === '"' && atFieldStart) {
        quoted = true;
        atFieldStart = false;
        continue;
      }
      if (c === '"') {
        error ??= 'a quote (") inside an unquoted field';
        field += c;
        continue;
      }
      if (c === ',') {
        fields.push(field);
        field = '';
        atFieldStart = true;
        continue;
      }
      if (c === '\r' && src[i + 1] === '\n') continue;
      if (c === '\n') {
        i++;
        line++;
        break;
      }
      field += c;
      atFieldStart = false;
    }
    if (quoted) error = 'a quoted field is never closed';
    fields.push(field);
    const blank = fields.length === 1 && fields[0]?.trim() === '';
    if (!blank)
      rows.push(
        error ? { line: start, ok: false, error } : { line: start, ok: true, fields: fields.map((f) => f.trim()) },
      );
  }
  return rows;
}

/** Quotes a value for CSV output when it needs it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
