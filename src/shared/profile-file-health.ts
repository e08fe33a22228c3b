/**
 * What the start screen and `smtp-oauth-wizard profiles status` say about the profile file
 * itself, so a damaged file is a choice (restore the last good copy, or start fresh with the
 * damaged file kept aside) rather than a dead end.
 */
export type ProfileFileHealth =
  | {
      readonly state: 'ok';
      readonly file: string;
      /** Entries the app could not read; they stay in the file untouched. */
      readonly unreadable: readonly string[];
    }
  | {
      readonly state: 'damaged';
      readonly file: string;
      readonly reason: string;
      /** The last good copy, when there is one. */
      readonly backup?: { readonly file: string; readonly profiles: number; readonly savedAt: string };
    }
  | { readonly state: 'newer'; readonly file: string; readonly version: number };

export type ProfileFileRecovery = 'restore-backup' | 'start-fresh';

export interface ProfileFileRecovered {
  /** Where the damaged file was kept. */
  readonly keptAs: string;
  /** Profiles in the file now. */
  readonly profiles: number;
}
