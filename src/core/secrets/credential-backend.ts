/**
 * One flat keychain namespace (service + account -> password), the shape keytar offers.
 * Kept as an interface so the chunking layer above it can be tested on any backend and
 * the per-entry size limit can be observed.
 */
export interface CredentialBackend {
  readonly name: string;
  get(account: string): Promise<string | null>;
  set(account: string, value: string): Promise<void>;
  delete(account: string): Promise<boolean>;
  accounts(): Promise<readonly string[]>;
}

/** Windows Credential Manager's cap for one credential blob, the strictest of the three OSes. */
export const MAX_ENTRY_BYTES = 2560;
