import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { problem } from '../../shared/problem';
import { profileSchema, type Profile } from '../../shared/profile';
import { ProblemError } from '../problem-error';
import { CHECKED_STAMP_FIELD, hasValidCheckedStamp, withCheckedStamp } from './checked-stamp';
import { unknownFields, withUnknownFields, type Extras } from './keep-unknown-fields';
import { storageProblem } from './storage-problem';

/**
 * The profile file: `{ version, profiles: [...] }`, read leniently and written back without
 * losing anything this version does not understand: unknown fields (a newer version's) stay,
 * an entry that cannot be read stays as it was, and a file of a newer format is never
 * rewritten. Only a file that is not JSON of this shape at all counts as damaged.
 */
export const FILE_VERSION = 1;

export interface ProfileDoc {
  readonly version: number;
  readonly profiles: readonly Profile[];
  /** By profile id, the fields this version does not know (only profiles that have some). */
  readonly unknown: ReadonlyMap<string, Extras>;
  /** Entries that could not be read, written back as they are. */
  readonly unreadable: readonly { readonly raw: unknown; readonly reason: string }[];
  /** Top-level fields besides `version` and `profiles`. */
  readonly extras: Readonly<Record<string, unknown>>;
}

export const emptyDoc = (): ProfileDoc => ({
  version: FILE_VERSION,
  profiles: [],
  unknown: new Map(),
  unreadable: [],
  extras: {},
});

const topLevel = z.looseObject({ version: z.number().int().positive(), profiles: z.array(z.unknown()) });

/** Reads the file; undefined when it does not exist. Throws typed problems. */
export async function readProfileFile(file: string): Promise<ProfileDoc | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw storageProblem('read', path.dirname(file), e, file);
  }
  return parseProfileFile(text, file);
}

/** `revalidate`: check every entry even when the file's stamp says these rules already did (tests compare both). */
export function parseProfileFile(text: string, file: string, opts: { revalidate?: boolean } = {}): ProfileDoc {
  const top = topLevel.safeParse(safeJson(text));
  if (!top.success) throw damaged(file);
  const { version, profiles: entries, [CHECKED_STAMP_FIELD]: _stamp, ...extras } = top.data;
  // Unchanged since this app validated and wrote every entry (and it stamps only files without
  // unknown fields or unreadable entries): the entries are the profiles it wrote.
  if (!opts.revalidate && version === FILE_VERSION && hasValidCheckedStamp(text))
    return { version, profiles: entries as Profile[], unknown: new Map(), unreadable: [], extras };
  const profiles: Profile[] = [];
  const seen = new Set<string>();
  const unknown = new Map<string, Extras>();
  const unreadable: { raw: unknown; reason: string }[] = [];
  entries.forEach((entry, i) => {
    const parsed = profileSchema.safeParse(entry);
    if (parsed.success && !seen.has(parsed.data.id)) {
      profiles.push(parsed.data);
      seen.add(parsed.data.id);
      const extras = unknownFields(profileSchema, entry);
      if (extras) unknown.set(parsed.data.id, extras);
    } else {
      const issue = parsed.success ? undefined : parsed.error.issues[0];
      const reason = issue ? `${issue.path.join('.') || 'entry'}: ${issue.message}` : 'the same id appears twice';
      unreadable.push({ raw: entry, reason: `Profile ${i + 1}: ${reason}` });
    }
  });
  return { version, profiles, unknown, unreadable, extras };
}

/** The file's text for `profiles` (the new list), keeping everything `doc` held beside them. */
export function serialiseProfileFile(doc: ProfileDoc, profiles: readonly Profile[]): string {
  const kept = profiles.map((p) => doc.unknown.get(p.id));
  const entries = [
    ...profiles.map((p, i) => withUnknownFields(profileSchema, kept[i], p)),
    ...doc.unreadable.map((u) => u.raw),
  ];
  const json = JSON.stringify({ ...doc.extras, version: doc.version, profiles: entries }, null, 1);
  // Only a file that is exactly this version's profiles can be taken as checked when read back.
  const plain = doc.version === FILE_VERSION && doc.unreadable.length === 0 && kept.every((k) => k === undefined);
  return plain ? withCheckedStamp(`${json}\n`) : `${json}\n`;
}

/** A write would erase what a newer version stored: refused, in plain words. */
export function newerVersionProblem(file: string, version: number): ProblemError {
  return new ProblemError(
    problem({
      code: 'PROFILE_FILE_NEWER',
      title: 'The profile file is from a newer version of the app',
      explanation: `${file} was written by a newer version of SMTP OAuth Wizard (file format ${version}; this version understands format ${FILE_VERSION}). To keep what the newer version stored, this version does not change the file.`,
      fixSteps: ['Update SMTP OAuth Wizard (and its command line) to the newest version on this computer.'],
    }),
  );
}

export function damaged(file: string): ProblemError {
  return new ProblemError(
    problem({
      code: 'PROFILE_FILE_CORRUPT',
      title: 'The profile file cannot be read',
      explanation: `${file} is damaged (it is not a profile list) and was left untouched; secrets stay in the keychain. Restore its last good copy or start fresh: on the app's start screen, or with \`smtp-oauth-wizard profiles restore-backup\` or \`profiles start-fresh\` (the damaged file is kept).`,
      fixSteps: [
        'On the start screen, choose “Restore the last good copy”, or “Start fresh” (the damaged file is kept beside it).',
        'On the command line: smtp-oauth-wizard profiles restore-backup, or smtp-oauth-wizard profiles start-fresh.',
      ],
    }),
  );
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
