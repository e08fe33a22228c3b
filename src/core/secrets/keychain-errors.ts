import { problem, type Problem } from '../../shared/problem';
import type { RegisteredCode } from '../../shared/problem-codes';
import { SecretStoreError, type SecretStoreFailure } from './secret-store';

const PLATFORM_HINT =
  process.platform === 'darwin'
    ? 'Open Keychain Access and make sure the login keychain is unlocked.'
    : process.platform === 'win32'
      ? 'Make sure Windows Credential Manager is available for your account.'
      : 'Make sure a Secret Service (GNOME Keyring or KWallet) is running and unlocked.';

const UNLOCK_HINT =
  process.platform === 'darwin'
    ? 'Unlock the login keychain in Keychain Access (or log out and in again), then try again.'
    : process.platform === 'win32'
      ? 'Log out of Windows and in again, then try again.'
      : 'Unlock your keyring (in Passwords and Keys: right-click "Login" → Unlock, or log out and in again), then try again.';

const LEAD: Readonly<Record<SecretStoreFailure, string>> = {
  unavailable: 'The system keychain is not available, so secrets cannot be stored or read.',
  locked: 'The system keychain is locked, so the app cannot read or store secrets. Nothing was deleted.',
  denied: 'Access to the system keychain was refused.',
  'too-large': 'The secret is too large for the keychain.',
  corrupt: 'A secret in the keychain is damaged.',
};

/** The keychain is locked: its own reason, never "not stored" (keytar answers null for both). */
export const lockedKeychain = (cause?: unknown): SecretStoreError =>
  new SecretStoreError('locked', `${LEAD.locked} ${UNLOCK_HINT}`, cause === undefined ? undefined : { cause });

/** Turns the platform's keychain errors into a reason and plain words. */
export function describeKeychainError(e: unknown): SecretStoreError {
  if (e instanceof SecretStoreError) return e;
  const text = e instanceof Error ? e.message : String(e);
  // libsecret says "Cannot create an item in a locked collection" when a write meets a locked keyring.
  if (/locked|unlock|prompt|timed out/i.test(text)) return lockedKeychain(e);
  const reason: SecretStoreFailure = /denied|not allowed|cancel|user interaction/i.test(text)
    ? 'denied'
    : 'unavailable';
  return new SecretStoreError(reason, `${LEAD[reason]} ${PLATFORM_HINT}`, { cause: e });
}

const TITLES: Readonly<Record<SecretStoreFailure, string>> = {
  unavailable: 'The system keychain is not available',
  locked: 'The system keychain is locked',
  denied: 'Access to the system keychain was refused',
  'too-large': 'The secret is too large for the keychain',
  corrupt: 'A secret in the keychain is damaged',
};

/** The stable code scripts and the window branch on, one per reason (each in shared/problem-codes.ts). */
const CODES = {
  unavailable: 'KEYCHAIN_UNAVAILABLE',
  locked: 'KEYCHAIN_LOCKED',
  denied: 'KEYCHAIN_DENIED',
  'too-large': 'KEYCHAIN_TOO_LARGE',
  corrupt: 'KEYCHAIN_CORRUPT',
} as const satisfies Readonly<Record<SecretStoreFailure, RegisteredCode>>;

export const keychainCode = (reason: SecretStoreFailure): RegisteredCode => CODES[reason];

/**
 * A keychain failure as the Problem a person reads. Its message is already plain words
 * (and names keys, never values), so it becomes the explanation as it is.
 */
export function keychainProblem(e: SecretStoreError): Problem {
  const retry = e.reason === 'locked' || e.reason === 'unavailable';
  return problem({
    code: keychainCode(e.reason),
    title: TITLES[e.reason],
    explanation: e.message,
    fixSteps:
      e.reason === 'locked'
        ? [UNLOCK_HINT, 'Profiles and their settings are kept; only secrets need the keychain.']
        : retry
          ? [
              'Make the keychain available (see above), then try again. Profiles and their settings are kept; only secrets need the keychain.',
            ]
          : e.reason === 'corrupt'
            ? ['Enter the secret again (or sign in again) to replace the damaged entry.']
            : ['Use a smaller value; if it keeps happening, send the support report.'],
    retryable: retry,
  });
}
