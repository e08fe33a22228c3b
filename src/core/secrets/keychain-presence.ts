import { describeKeychainError, lockedKeychain } from './keychain-errors';
import type { KeychainGate } from './keychain-gate';

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

const checks = new WeakMap<KeychainGate, Promise<'present' | 'created'>>();

/**
 * `present`: the sentinel was there, so the null being checked means absent.
 * `created`: it was missing and has now been written, so the keychain is open; the caller
 * reads its entry once more (writing may have unlocked it through the OS prompt).
 * Throws a typed `locked` (or other) SecretStoreError when the keychain cannot be read.
 * Concurrent callers share one check.
 */
export function confirmReadable(gate: KeychainGate): Promise<'present' | 'created'> {
  const running = checks.get(gate);
  if (running) return running;
  const check = sentinelCheck(gate).catch((e: unknown) => {
    const err = describeKeychainError(e);
    if (err.reason === 'locked') gate.markLocked();
    throw err;
  });
  checks.set(gate, check);
  void check.finally(() => checks.delete(gate)).catch(() => undefined);
  return check;
}

async function sentinelCheck(gate: KeychainGate): Promise<'present' | 'created'> {
  if ((await gate.get(SENTINEL_ACCOUNT)) !== null) return 'present';
  await gate.set(SENTINEL_ACCOUNT, SENTINEL_VALUE);
  // A write that "worked" but cannot be read back is a keychain that hides its entries.
  if ((await gate.get(SENTINEL_ACCOUNT)) === null) throw lockedKeychain();
  return 'created';
}
