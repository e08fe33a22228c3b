import { z } from 'zod';

/**
 * The bulk check screen's wire format (issue 14.18): one row per mailbox as main finishes
 * it (a progress event), the counts for the bar, and the report the window sends back to
 * be saved. The same fields as core's BulkRowResult, checked again where they cross.
 */
export const bulkRowSchema = z.object({
  line: z.number().int().nonnegative(),
  mailbox: z.string().max(1_000),
  status: z.enum(['ok', 'failed', 'invalid']),
  code: z.string().max(200).optional(),
  title: z.string().max(2_000).optional(),
  fix: z.string().max(4_000).optional(),
  command: z.string().max(4_000).optional(),
  attempts: z.number().int().nonnegative(),
  durationMs: z.number().nonnegative(),
});
export type BulkRow = z.infer<typeof bulkRowSchema>;

export const bulkCountsSchema = z.object({
  /** Rows in the list (its header not counted). */
  total: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  invalid: z.number().int().nonnegative(),
});
export type BulkCounts = z.infer<typeof bulkCountsSchema>;

/** What a progress event of a bulk run carries besides its message. */
export const bulkProgressSchema = z.object({ counts: bulkCountsSchema, row: bulkRowSchema.optional() });
export type BulkProgressPayload = z.infer<typeof bulkProgressSchema>;

/** The largest pasted or opened list the window sends (about 200,000 addresses). */
export const MAX_BULK_LIST_CHARS = 10_000_000;

export const bulkRunRequestSchema = z.object({
  profileId: z.string().min(1),
  operationId: z.string().min(1).max(100),
  /** The list as pasted or read from the CSV file the user opened. */
  list: z.string().min(1).max(MAX_BULK_LIST_CHARS),
  /** The file's name, or "pasted list", for messages. */
  listName: z.string().min(1).max(300),
});

export interface BulkRunSummary {
  readonly total: number;
  readonly ok: number;
  readonly failed: number;
  readonly invalid: number;
  readonly durationMs: number;
  /** Stopped by Cancel: the rows checked so far are all there is. */
  readonly cancelled: boolean;
  /** The list's mailbox column (its header name, or "column 1"). */
  readonly column: string;
}

export type OpenedList =
  { readonly cancelled: true } | { readonly cancelled: false; readonly fileName: string; readonly text: string };

export const bulkReportRequestSchema = z.object({
  profileName: z.string().max(300),
  rows: z.array(bulkRowSchema).max(500_000),
});
