import { promises as fs } from 'node:fs';
import path from 'node:path';
import { problem } from '../../shared/problem';
import type { ProfileFileHealth, ProfileFileRecovered, ProfileFileRecovery } from '../../shared/profile-file-health';
import { ProblemError, isProblemError } from '../problem-error';
import { writeFileAtomic } from './atomic-file';
import type { CrossProcessLock } from './file-lock';
import { FILE_VERSION, parseProfileFile, readProfileFile } from './profile-file';
import { storageProblem } from './storage-problem';

/**
 * The way out of a damaged profile file, for the start screen and the CLI alike: every
 * successful save keeps the file it replaced as `profiles.json.bak` (the last good copy),
 * and a damaged file can be replaced by that copy or by an empty list. Either way the
 * damaged file is kept beside it, renamed, never deleted.
 */
export const backupFileOf = (file: string): string => `${file}.bak`;

export async function profileFileHealth(file: string): Promise<ProfileFileHealth> {
  try {
    const doc = await readProfileFile(file);
    if (doc && doc.version > FILE_VERSION) return { state: 'newer', file, version: doc.version };
    return { state: 'ok', file, unreadable: doc ? doc.unreadable.map((u) => u.reason) : [] };
  } catch (e) {
    if (!isProblemError(e) || e.problem.code !== 'PROFILE_FILE_CORRUPT') throw e;
    const backup = await readBackup(file);
    return {
      state: 'damaged',
      file,
      reason: e.problem.explanation,
      ...(backup ? { backup: { file: backup.file, profiles: backup.profiles, savedAt: backup.savedAt } } : {}),
    };
  }
}

export async function recoverProfileFile(
  file: string,
  action: ProfileFileRecovery,
  lock: CrossProcessLock,
): Promise<ProfileFileRecovered> {
  return lock.run(async () => {
    const health = await profileFileHealth(file);
    if (health.state !== 'damaged') {
      throw new ProblemError(
        problem({
          code: 'PROFILE_FILE_NOT_DAMAGED',
          title: 'The profile file is not damaged',
          explanation: `${file} can be read, so nothing was changed.`,
          fixSteps: ['Reload the profile list.'],
        }),
      );
    }
    const backup = action === 'restore-backup' ? await readBackup(file) : undefined;
    if (action === 'restore-backup' && !backup) {
      throw new ProblemError(
        problem({
          code: 'PROFILE_BACKUP_MISSING',
          title: 'There is no good copy to restore',
          explanation: `No readable ${path.basename(backupFileOf(file))} is next to ${file}; the damaged file was left untouched.`,
          fixSteps: ['Start fresh instead (the damaged file is kept), or restore the file from your own backup.'],
        }),
      );
    }
    const keptAs = `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    try {
      await fs.rename(file, keptAs);
      if (backup) await writeFileAtomic(file, backup.text);
    } catch (e) {
      throw storageProblem('write', path.dirname(file), e, file);
    }
    return { keptAs, profiles: backup?.profiles ?? 0 };
  });
}

async function readBackup(
  file: string,
): Promise<{ file: string; text: string; profiles: number; savedAt: string } | undefined> {
  const bak = backupFileOf(file);
  try {
    const [text, st] = await Promise.all([fs.readFile(bak, 'utf8'), fs.stat(bak)]);
    const doc = parseProfileFile(text, bak);
    return { file: bak, text, profiles: doc.profiles.length, savedAt: st.mtime.toISOString() };
  } catch {
    return undefined;
  }
}
