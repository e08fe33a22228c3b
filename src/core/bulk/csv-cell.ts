/**
 * One cell of a CSV report that people open in Excel or LibreOffice. Quoted when it holds a
 * comma, quote or line break (RFC 4180). A cell that starts with `=`, `+`, `-`, `@`, TAB or
 * CR is a formula to a spreadsheet (OWASP's CSV injection rule): a mailbox list or a server's
 * reply can put `=HYPERLINK(...)` there, so such a cell gets a leading `'`, which the
 * spreadsheet shows as text and does not run.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== value ? `"${text.replace(/"/g, '""')}"` : text;
}
