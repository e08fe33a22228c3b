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

/** One numbered thing to do at the target, in its own words, naming the outputs it uses. */
export const deploymentStepSchema = z.object({
  title: z.string(),
  detail: z.string(),
  /** Names of the outputs (files, forms) this step uses, in the order it uses them. */
  outputs: z.array(z.string()),
});
export type DeploymentStep = z.infer<typeof deploymentStepSchema>;

/** A measurement the target imposes a limit on, e.g. the refresh token against Cloud Manager's 2,048 characters. */
export const exportCheckSchema = z.object({
  /** What was measured, e.g. "Refresh token length". */
  label: z.string(),
  /** `unknown`: the value could not be read (keychain locked, no token yet). */
  status: z.enum(['ok', 'too-long', 'unknown']),
  /** One plain sentence: the measurement and, when it fails, what to do. */
  message: z.string(),
  measured: z.number().int().optional(),
  limit: z.number().int().optional(),
});
export type ExportCheck = z.infer<typeof exportCheckSchema>;

export const exportOutputSchema = z.object({
  /** File name when saved (safe: no path separators); unique within one export. */
  name: z.string(),
  /** Short heading for the UI, e.g. "AEM: OAuth configuration provider (OSGi)". */
  title: z.string(),
  /** Where this goes and what to do with it, one or two sentences. */
  description: z.string(),
  /** `steps`: the numbered deployment steps (`steps`), saved as a text file. */
  kind: z.enum(['file', 'fields', 'steps']),
  /**
   * `target`: what the profile's target system itself needs (shown first); `other`: the
   * generic formats and helper scripts (to test the same credentials by hand).
   */
  group: z.enum(['target', 'other']),
  /** Where this output goes at the target, in plain words (a folder in the project, a form). */
  placement: z.string().optional(),
  /** The text to copy or save; for `fields`, one "Label: value" line per field. */
  content: z.string(),
  /**
   * True when the content carries a secret value, and always for the view that
   * lists secret values to paste. Saved with 0600 permissions; the UI asks before copying.
   */
  holdsSecret: z.boolean(),
  language: exportLanguageSchema.optional(),
  fields: z.array(exportFieldSchema).optional(),
  steps: z.array(deploymentStepSchema).optional(),
  checks: z.array(exportCheckSchema).optional(),
  /** Set when secret values were put into the content because the user asked for it. */
  warning: z.string().optional(),
});
export type ExportOutput = z.infer<typeof exportOutputSchema>;

/**
 * How AEM reaches SMTP. AEM as a Cloud Service only through its egress proxy
 * (`AEM_PROXY_HOST` and a Cloud Manager port forward); AEM 6.5 and Managed Services
 * connect to the real host directly.
 */
export const aemExportSettingsSchema = z.object({
  connection: z.enum(['cloud-service', 'direct']).default('cloud-service'),
  /** The port forward's `portOrig` that `smtp.port` points at (Cloud Manager allows 30000–30999). */
  proxyPort: z.number().int().min(30000).max(30999).default(30587),
});
export type AemExportSettings = z.output<typeof aemExportSettingsSchema>;
export const defaultAemExportSettings: AemExportSettings = { connection: 'cloud-service', proxyPort: 30587 };

/** The user's choices for an export: secret values in the outputs (off by default), target options. */
export interface ExportOptions {
  readonly includeSecrets: boolean;
  readonly aem?: AemExportSettings;
}
