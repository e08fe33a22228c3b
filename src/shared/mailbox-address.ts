/**
 * The one plausibility check for a mailbox address, wherever it is typed (the wizard's
 * fields, the test-mail recipient, the CLI's --send-to, a bulk spreadsheet): one `@`, a dot
 * in the domain, no spaces or list separators. Not RFC 5322: its job is to catch "Name
 * <addr>", "a@b; c@d" and stray words before they cost an SMTP connection. Pure, so the
 * window runs the same check.
 */
const MAILBOX = /^[^\s@,;<>()"[\]\\]+@[^\s@,;<>()"[\]\\]+\.[^\s@,;<>()"[\]\\.]+$/;

export function isPlausibleMailbox(value: string): boolean {
  return value.length <= 254 && MAILBOX.test(value) && !value.includes('..');
}

/** The same mailbox? Exchange compares addresses case-insensitively; stray spaces are typing. */
export function sameMailbox(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
