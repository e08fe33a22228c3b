import { problem } from '../../shared/problem';
import { ProblemError } from '../problem-error';

/**
 * The data folder cannot be read or written: read-only drive, full disk, no permission,
 * `profiles.json` being a folder, another process holding the file. Always names the folder,
 * because that is what the person has to look at. A caller that only records something
 * beside its real work (token dates after a sign-in) catches this and warns instead of failing.
 */
export class StorageProblemError extends ProblemError {
  constructor(...args: ConstructorParameters<typeof ProblemError>) {
    super(...args);
    this.name = 'StorageProblemError';
  }
}

/** The codes this module gives (registered as 'environment' in shared/problem-codes.ts). */
type StorageCode =
  'DISK_READ_ONLY' | 'DISK_FULL' | 'DISK_NO_ACCESS' | 'DISK_NOT_A_FILE' | 'DISK_ERROR' | 'PROFILE_FILE_BUSY';

export const isStorageProblem = (e: unknown): e is StorageProblemError => e instanceof StorageProblemError;

const errno = (e: unknown): string =>
  typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : 'UNKNOWN';

/** A file-system failure while reading or writing in `dir` (for `file`, when one is meant). */
export function storageProblem(
  op: 'read' | 'write' | 'busy',
  dir: string,
  cause: unknown,
  file?: string,
): StorageProblemError {
  const code = errno(cause);
  const doing = op === 'read' ? 'read' : 'save';
  const make = (c: StorageCode, title: string, explanation: string, fixSteps: string[]) =>
    new StorageProblemError(problem({ code: c, title, explanation, fixSteps, detail: code }), { cause });
  const elsewhere = `Or set SMTP_OAUTH_WIZARD_HOME to a folder you can write to and start the app again.`;
  if (op === 'busy') {
    return make(
      'PROFILE_FILE_BUSY',
      'Another window or command is still saving profiles',
      `${file ?? dir} was locked by another process for more than 30 seconds, so nothing was changed.`,
      [
        'Wait until the other SMTP OAuth Wizard window or command has finished, then try again.',
        `If none is running, the lock is removed automatically after 10 seconds; try again.`,
      ],
    );
  }
  if (code === 'EROFS')
    return make(
      'DISK_READ_ONLY',
      `The data folder is read-only`,
      `The app could not ${doing} in ${dir}: the drive is read-only.`,
      [
        'Make the drive writable again (a full or damaged disk is often remounted read-only), then try again.',
        elsewhere,
      ],
    );
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return make(
      'DISK_FULL',
      'The disk is full',
      `The app could not ${doing} in ${dir}: there is no space left on the disk (or your quota is used up).`,
      ['Free some disk space, then try again. Nothing was changed: the previous profile file is intact.', elsewhere],
    );
  if (code === 'EACCES' || code === 'EPERM')
    return make(
      'DISK_NO_ACCESS',
      'The data folder cannot be written',
      `The app is not allowed to ${doing} in ${dir}.`,
      [
        `Give your account write permission on ${dir} (or remove it so the app creates it again), then try again.`,
        elsewhere,
      ],
    );
  if (code === 'EISDIR' || code === 'ENOTDIR')
    return make(
      'DISK_NOT_A_FILE',
      'A folder is in the way of the profile file',
      code === 'EISDIR'
        ? `${file ?? dir} is a folder, so the app cannot ${doing} its profiles there.`
        : `Part of the path ${file ?? dir} is a file where a folder should be.`,
      [`Move ${file ?? dir} aside (or rename it), then try again.`, elsewhere],
    );
  return make('DISK_ERROR', `The data folder could not be used`, `The app could not ${doing} in ${dir} (${code}).`, [
    'Check the disk and try again.',
    elsewhere,
  ]);
}
