import { z } from 'zod';
import type { Flow, TargetId } from './profile';

/**
 * What importing a bundle will do, profile by profile, before anything is written, and
 * what it did. Nothing is overwritten unless the user chose `replace` for that profile.
 *
 * - add: a new profile (the bundle's id when it is free, its name, or "name (imported)"
 *   when another profile already has that name);
 * - replace: the bundle's settings (and secrets) go into the clashing local profile;
 * - skip: the local profile stays as it is and the bundle's one is not imported.
 */
export const importActions = ['add', 'replace', 'skip'] as const;
export const importActionSchema = z.enum(importActions);
export type ImportAction = z.infer<typeof importActionSchema>;

export type ImportClash =
  | { readonly kind: 'none' }
  /** The same profile, imported or exported before: a local profile has its id. */
  | { readonly kind: 'same-id'; readonly localId: string; readonly localName: string; readonly localUpdatedAt: string }
  /** A different local profile has the same name. */
  | { readonly kind: 'same-name'; readonly localId: string; readonly localName: string };

export interface ImportPlanItem {
  /** The profile's position in the bundle, as a string: the key choices refer to. */
  readonly key: string;
  readonly name: string;
  readonly targetId?: TargetId;
  readonly flow?: Flow;
  readonly tenant?: string;
  readonly mailbox?: string;
  readonly clash: ImportClash;
  /** What the user may choose for it (replace only when there is something to replace). */
  readonly actions: readonly ImportAction[];
  /** What happens when the user chooses nothing: never `replace`. */
  readonly defaultAction: ImportAction;
  /** The name it is saved under when added. */
  readonly addedAs: string;
  /** Set when the bundle's entry cannot be read: it is not imported. */
  readonly invalid?: string;
}

export interface ImportPlan {
  readonly fileName: string;
  readonly exportedAt: string;
  readonly exportedBy: string;
  /** Secrets are in the bundle, sealed: importing them needs the passphrase. */
  readonly encrypted: boolean;
  readonly items: readonly ImportPlanItem[];
}

export const importChoicesSchema = z.record(z.string().max(10), importActionSchema);
export type ImportChoices = z.infer<typeof importChoicesSchema>;

export type ImportResultAction = 'added' | 'replaced' | 'skipped' | 'failed';

export interface ImportResult {
  readonly key: string;
  readonly name: string;
  readonly action: ImportResultAction;
  /** The local profile it became or replaced. */
  readonly profileId?: string;
  /** In plain words: why skipped, what it was renamed to, why it failed. */
  readonly note: string;
}

export interface ImportOutcome {
  readonly results: readonly ImportResult[];
  /** Whether secrets went into the keychain (a sealed bundle opened with its passphrase). */
  readonly secretsImported: boolean;
}
