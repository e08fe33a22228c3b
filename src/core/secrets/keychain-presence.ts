import type { CredentialBackend } from './credential-backend';
import { describeKeychainError, lockedKeychain } from './keychain-errors';

/**
 * Telling "not stored" from "locked" without listing the keychain. On a locked Secret
 * Service collection keytar's get answers null for an entry that exists, exactly as for one
 * that does not. So the app keeps one entry of its own, written at first use: when a read
 * answers null, the sentinel is read too, and a null there means the keychain is locked
 * (or this is the first use: then writing the sentinel either works, proving the keychain
 * open, or fails with the keychain's own reason).
 */
export const SENTINEL_ACCOUNT = 'keychain-check';
const SENTINEL_VALUE = 'sow1:t:present';

/**
 * `present`: the sentinel was there, so the null being checked means absent.
 * `created`: it was missing and has now been written, so the keychain is open; the caller
 * reads its entry once more (writing may have unlocked it through the OS prompt).
 * Throws a typed `locked` (or other) SecretStoreError when the keychain cannot be read.
 */
export async function confirmReadable(backend: CredentialBackend): Promise<'present' | 'created'> {
  if ((await backend.get(SENTINEL_ACCOUNT)) !== null) return 'present';
  try {
    await backend.set(SENTINEL_ACCOUNT, SENTINEL_VALUE);
  } catch (e) {
    throw describeKeychainError(e);
  }
  // A write that "worked" but cannot be read back is a keychain that hides its entries.
  if ((await backend.get(SENTINEL_ACCOUNT)) === null) throw lockedKeychain();
  return 'created';
}
