/**
 * A plausibility check for a mailbox address typed into a spreadsheet: one `@`, a dot in
 * the domain, no spaces or list separators. Not RFC 5322: its job is to catch "Name
 * <addr>", "a@b; c@d" and stray words before they cost an SMTP connection.
 */
const MAILBOX = /^[^\s@,;<>()"[\]\\]+@[^\s@,;<>()"[\]\\]+\.[^\s@,;<>()"[\]\\.]+$/;

export function isPlausibleMailbox(value: string): boolean {
  return value.length <= 254 && MAILBOX.test(value) && !value.includes('..');
}
