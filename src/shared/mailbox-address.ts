/**
 * The one plausibility check for a mailbox address, wherever it is typed (the wizard's
 * fields, the test-mail recipient, the CLI's --send-to, a bulk spreadsheet): one `@`, a dot
 * in the domain, no spaces or list separators. Not RFC 5322: its job is to catch "Name
 * <addr>", "a@b; c@d" and stray words before they cost an SMTP connection. Pure, so the
 * window runs the same check. Nor does it take control characters, or an address that starts
 * like a spreadsheet formula (`=`, `+`, `-`): RFC 5322 allows `=1+1@contoso.com`, but no real
 * mailbox is named so and a bulk report would carry it into Excel (OWASP's CSV injection rule).
 */
const MAILBOX = /^[^\s@,;<>()"[\]\\]+@[^\s@,;<>()"[\]\\]+\.[^\s@,;<>()"[\]\\.]+$/;
const CONTROL = /[\x00-\x1f\x7f-\x9f]/;
const FORMULA_START = /^[=+-]/;

export function isPlausibleMailbox(value: string): boolean {
  return (
    value.length <= 254 &&
    MAILBOX.test(value) &&
    !value.includes('..') &&
    !CONTROL.test(value) &&
    !FORMULA_START.test(value)
  );
}

/** The same mailbox? Exchange compares addresses case-insensitively; stray spaces are typing. */
export function sameMailbox(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
