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

/** A save that failed, in plain words (the file system's code picks the advice). */
function saveProblem(dir: string, e: unknown): ProblemError {
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
      title: 'The exports could not be saved',
      explanation: `Saving to ${dir} failed (${code}).`,
      fixSteps: [
        advice[code] ?? 'Choose another folder and save again.',
        'Or copy each output from the window instead of saving it.',
      ],
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
 * Saves each output as a file in `dir` and returns the paths written. Each is written
 * atomically with its final mode from the start (writeFileAtomic), so a file that holds a
 * secret is never readable by others, not even while being written over an older copy.
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
  for (const o of outputs) {
    let name = safeFileName(o.name);
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${i}-${safeFileName(o.name)}`;
    used.add(name.toLowerCase());
    const path = join(dir, name);
    await writeFileAtomic(path, o.content, { mode: modeOf(o) });
    written.push(path);
  }
  return written;
}
