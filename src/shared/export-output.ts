import { z } from 'zod';

/**
 * One thing the user copies or saves for a target system: a file (config, script,
 * snippet) or a list of form fields to type into the target's admin page.
 * Built by `exportsFor` in src/core/targets; pure data so it crosses IPC as is.
 */

export const exportLanguages = [
  'json',
  'shell',
  'powershell',
  'python',
  'javascript',
  'csharp',
  'dotenv',
  'text',
] as const;
export const exportLanguageSchema = z.enum(exportLanguages);
export type ExportLanguage = z.infer<typeof exportLanguageSchema>;

export const exportFieldSchema = z.object({
  /** The label exactly as the target's form shows it. */
  label: z.string(),
  value: z.string(),
  /** The value is (or, when hidden, stands for) a secret: show it masked, copy on demand. */
  secret: z.boolean(),
});
export type ExportField = z.infer<typeof exportFieldSchema>;

export const exportOutputSchema = z.object({
  /** File name when saved (safe: no path separators); unique within one export. */
  name: z.string(),
  /** Short heading for the UI, e.g. "AEM: OAuth configuration provider (OSGi)". */
  title: z.string(),
  /** Where this goes and what to do with it, one or two sentences. */
  description: z.string(),
  kind: z.enum(['file', 'fields']),
  /** The text to copy or save; for `fields`, one "Label: value" line per field. */
  content: z.string(),
  /**
   * True when the content carries a secret value, and always for the view that
   * lists secret values to paste. Saved with 0600 permissions; the UI asks before copying.
   */
  holdsSecret: z.boolean(),
  language: exportLanguageSchema.optional(),
  fields: z.array(exportFieldSchema).optional(),
  /** Set when secret values were put into the content because the user asked for it. */
  warning: z.string().optional(),
});
export type ExportOutput = z.infer<typeof exportOutputSchema>;

/** The user's choice that lets secret values into outputs (off by default). */
export interface ExportOptions {
  readonly includeSecrets: boolean;
}
