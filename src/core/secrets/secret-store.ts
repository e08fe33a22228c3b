/**
 * Where secrets live: the OS keychain in the app, memory in unit tests of other modules.
 * Values are strings up to 64 KB (a certificate key); implementations must round-trip them
 * whatever the platform's per-entry limit. `get` answers `null` only for a secret that is
 * really absent: a locked keychain is a `SecretStoreError` with reason `locked`.
 */
export interface SecretStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  /** Removing a key that does not exist is not an error. */
  delete(key: string): Promise<void>;
  /**
   * Says whether the store can be used right now, without throwing. There is no listing:
   * names are a closed set (secret-keys.ts), so a profile's secrets are deleted by name.
   */
  status(): Promise<SecretStoreStatus>;
}

export type SecretStoreStatus =
  | { readonly available: true; readonly backend: string }
  | {
      readonly available: false;
      readonly backend: string;
      readonly reason: SecretStoreFailure;
      readonly message: string;
    };

export type SecretStoreFailure = 'unavailable' | 'locked' | 'denied' | 'too-large' | 'corrupt';

/** The largest secret any store accepts: a serialized MSAL cache or a PFX-derived key fits easily. */
export const MAX_SECRET_BYTES = 64 * 1024;

/** A typed keychain failure whose message is already in plain words. */
export class SecretStoreError extends Error {
  readonly reason: SecretStoreFailure;

  constructor(reason: SecretStoreFailure, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SecretStoreError';
    this.reason = reason;
  }
}
