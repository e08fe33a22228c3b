import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExportOutput } from '../../shared/export-output';
import { problem } from '../../shared/problem';
import { ProblemError } from '../problem-error';
import { writeFileAtomic } from '../profiles/atomic-file';

/** A file name that stays inside the target directory on every OS. */
export function safeFileName(name: string): string {
  const cleaned = name
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, 200);
  return cleaned === '' ? 'export.txt' : cleaned;
}

/** A save that failed, in plain words (the file system's code picks the advice); also for the other files the app saves. */
export function saveProblem(
  dir: string,
  e: unknown,
  title = 'The exports could not be saved',
  otherwise: string | undefined = 'Or copy each output from the window instead of saving it.',
): ProblemError {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : 'UNKNOWN';
  const advice: Record<string, string> = {
    EACCES: 'You are not allowed to write there. Choose a folder in your own home folder or documents.',
    EPERM: 'You are not allowed to write there. Choose a folder in your own home folder or documents.',
    EROFS: 'That drive is read-only. Choose another folder.',
    ENOSPC: 'The disk is full. Free some space or choose another drive.',
    ENOTDIR: 'Part of that path is a file, not a folder. Choose another folder.',
  };
  return new ProblemError(
    problem({
      code: `EXPORT_SAVE_${code}`,
      category: 'environment',
      title,
      explanation: `Saving to ${dir} failed (${code}).`,
      fixSteps: [advice[code] ?? 'Choose another folder and save again.', ...(otherwise ? [otherwise] : [])],
    }),
    { cause: e },
  );
}

/** Owner-only for secrets; scripts executable. */
function modeOf(o: ExportOutput): number {
  const executable = o.language === 'shell';
  if (o.holdsSecret) return executable ? 0o700 : 0o600;
  return executable ? 0o755 : 0o644;
}

/**
 * A list of secret values none of which is in it (withheld, or not there yet): as a file
 * it would hold only "(hidden…)" lines, so it is not written; the window copies each value
 * from the keychain instead, and a save with secrets included writes it.
 */
export const onlyStandIns = (o: ExportOutput): boolean =>
  o.kind === 'fields' && (o.fields?.length ?? 0) > 0 && (o.fields ?? []).every((f) => f.secret && f.withheld === true);

/**
 * Saves each output as a file in `dir` (except lists of withheld secrets) and returns the paths
 * written. Each is written atomically with its final mode from the start (writeFileAtomic), so a
 * file that holds a secret is never readable by others, not even while being written over an older copy.
 */
export async function writeExports(outputs: readonly ExportOutput[], dir: string): Promise<string[]> {
  try {
    return await writeAll(outputs, dir);
  } catch (e) {
    throw saveProblem(dir, e);
  }
}

async function writeAll(outputs: readonly ExportOutput[], dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const used = new Set<string>();
  const written: string[] = [];
  for (const o of outputs.filter((x) => !onlyStandIns(x))) {
    let name = safeFileName(o.name);
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${i}-${safeFileName(o.name)}`;
    used.add(name.toLowerCase());
    const path = join(dir, name);
    await writeFileAtomic(path, o.content, { mode: modeOf(o) });
    written.push(path);
  }
  return written;
}
