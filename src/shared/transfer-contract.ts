import { z } from 'zod';
import { importChoicesSchema, type ImportOutcome, type ImportPlan } from './profile-import';

/**
 * The window's side of moving profiles between computers (issue 14.14): export to one
 * bundle file, then import it with a plan the user sees first. The passphrase travels to
 * main only; the bundle itself never comes to the window.
 */
export const profilesExportRequestSchema = z.object({
  /** Absent: every saved profile. */
  profileIds: z.array(z.string().min(1).max(100)).max(100_000).optional(),
  includeSecrets: z.boolean(),
  passphrase: z.string().max(1_000).optional(),
});

export type SavedFile =
  { readonly cancelled: true } | { readonly cancelled: false; readonly path: string; readonly count: number };

/** A bundle read in main and kept there under `bundleId` until it is imported or another is opened. */
export type OpenedBundle =
  { readonly cancelled: true } | { readonly cancelled: false; readonly bundleId: string; readonly plan: ImportPlan };

export const profilesImportRequestSchema = z.object({
  bundleId: z.string().min(1).max(100),
  choices: importChoicesSchema,
  passphrase: z.string().max(1_000).optional(),
  withoutSecrets: z.boolean(),
});

export type { ImportOutcome };
