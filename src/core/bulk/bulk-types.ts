/**
 * What the bulk mailbox check takes and gives. Plain data: the CLI renders it as CSV or
 * JSON, a future UI could show it as a table. Results are small on purpose (no
 * transcript): thousands of rows stream through without memory growing.
 */

/** One mailbox to check, or an input row that could not be read (kept so it is reported in place). */
export type BulkEntry =
  | { readonly line: number; readonly mailbox: string }
  | {
      readonly line: number;
      readonly mailbox?: string;
      readonly invalid: { readonly code: string; readonly title: string };
    };

export type BulkStatus = 'ok' | 'failed' | 'invalid';

export interface BulkRowResult {
  /** Line in the input file (1-based), so helpdesk can find the row. */
  readonly line: number;
  readonly mailbox: string;
  readonly status: BulkStatus;
  /** The diagnosis code and title when it failed or was invalid. */
  readonly code?: string;
  readonly title?: string;
  /** The first fix step, enough to act on from a spreadsheet. */
  readonly fix?: string;
  /** The diagnosis's commands, one a line (Connect-ExchangeOnline, Add-MailboxPermission … filled in): the fix step's "command below". */
  readonly command?: string;
  /** SMTP connections made (more than one after a 4xx back-off); 0 for invalid rows. */
  readonly attempts: number;
  readonly durationMs: number;
}

export interface BulkProgress {
  readonly done: number;
  readonly failed: number;
  readonly invalid: number;
}

export interface BulkSummary {
  readonly total: number;
  readonly ok: number;
  readonly failed: number;
  readonly invalid: number;
  /** Failures per diagnosis code (invalid rows included), for the summary line. */
  readonly byCode: Readonly<Record<string, number>>;
  /** Access tokens fetched: 1 unless one expired during the run. */
  readonly tokenAcquisitions: number;
  readonly durationMs: number;
}
