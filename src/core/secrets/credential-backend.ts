/**
 * One flat keychain namespace (service + account -> password), the shape keytar offers.
 * Kept as an interface so the entry layer above it can be tested on any backend and the
 * per-entry size limit can be observed. There is deliberately no way to list entries:
 * listing crashes keytar on a locked collection and costs seconds at a thousand entries,
 * and every name the app uses is known (secret-keys.ts).
 */
export interface CredentialBackend {
  readonly name: string;
  /** `null` means "no entry" only when the keychain is unlocked: see keychain-presence.ts. */
  get(account: string): Promise<string | null>;
  set(account: string, value: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}

/** Windows Credential Manager's cap for one credential blob, the strictest of the three OSes. */
export const MAX_ENTRY_BYTES = 2560;
