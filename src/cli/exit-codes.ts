/**
 * The command's exit codes, part of its contract with scripts (documented in --help and
 * docs/cli.md): a helpdesk script branches on them without parsing any text.
 */
export const EXIT = {
  /** Everything checked worked. */
  ok: 0,
  /** A check ran and failed: token refused, SMTP login refused, a mailbox of a bulk run failed. */
  checkFailed: 1,
  /** The command line or an input file is wrong (unknown profile, missing file, bad rows). */
  badInput: 2,
  /** The computer cannot do it now: keychain unavailable or locked, profile file unreadable. */
  environment: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A mistake in what the user typed or gave: one line, exit 2. */
export class UsageError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'UsageError';
    this.code = code;
  }
}
