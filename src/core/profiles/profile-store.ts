import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { problem } from '../../shared/problem';
import {
  profileDraftSchema,
  profileSchema,
  tokenStateSchema,
  type Profile,
  type ProfileDraft,
  type ProfileSecretsInput,
  type TokenState,
} from '../../shared/profile';
import type { ProfileFileHealth, ProfileFileRecovered, ProfileFileRecovery } from '../../shared/profile-file-health';
import { ProblemError } from '../problem-error';
import { secretKeys } from '../secrets/secret-keys';
import type { SecretStore } from '../secrets/secret-store';
import { writeFileAtomic } from './atomic-file';
import { fileLock, type CrossProcessLock } from './file-lock';
import {
  FILE_VERSION,
  emptyDoc,
  newerVersionProblem,
  readProfileFile,
  serialiseProfileFile,
  type ProfileDoc,
} from './profile-file';
import { backupFileOf, profileFileHealth, recoverProfileFile } from './profile-recovery';
import { profileSecrets } from './profile-secrets';
import { storageProblem } from './storage-problem';

/**
 * Profiles: non-secret fields in one versioned JSON file, secrets in the SecretStore
 * under the profile's id. The parsed file is kept in memory (a consultant's thousand
 * profiles list instantly) and re-read when it changed on disk. Every change is one
 * read-modify-write under a cross-process lock (the desktop app and the CLI share the
 * file), re-reading the file under the lock, written atomically with the replaced file
 * kept as the last good copy.
 */
export interface ProfileStore {
  list(): Promise<readonly Profile[]>;
  get(id: string): Promise<Profile | undefined>;
  create(draft: ProfileDraft, secrets?: ProfileSecretsInput): Promise<Profile>;
  update(id: string, draft: ProfileDraft, secrets?: ProfileSecretsInput): Promise<Profile>;
  duplicate(id: string): Promise<Profile>;
  remove(id: string): Promise<void>;
  /** Throws StorageProblemError when the file cannot be written: callers recording beside real work warn. */
  recordTokenState(id: string, patch: Partial<TokenState>): Promise<Profile>;
  /** Whether the file itself is readable, damaged (with a last good copy?) or from a newer version. */
  health(): Promise<ProfileFileHealth>;
  /** Replaces a damaged file by its last good copy or by an empty list, keeping it aside. */
  recover(action: ProfileFileRecovery): Promise<ProfileFileRecovered>;
}

/** Top-level marker: the whole-cache keychain entries of earlier versions are deleted. */
const NO_TOKEN_CACHE = 'no-token-cache';

export function createProfileStore(opts: {
  file: string;
  secrets: SecretStore;
  now?: () => Date;
  /** Shared with the keychain store so secret writes nest inside a profile change. */
  lock?: CrossProcessLock;
}): ProfileStore {
  const now = () => (opts.now ? opts.now() : new Date()).toISOString();
  const dir = path.dirname(opts.file);
  const lock = opts.lock ?? fileLock(opts.file);
  const secrets = profileSecrets(opts.secrets);
  let cache: { doc: ProfileDoc; stamp: string } | undefined;
  let pending: Promise<unknown> = Promise.resolve();

  /** Identity of the file's current version: a rename gives a new inode, a write new times. */
  async function stampOf(): Promise<string> {
    try {
      const st = await fs.stat(opts.file, { bigint: true });
      if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      return `${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
      throw storageProblem('read', dir, e, opts.file);
    }
  }

  async function load(): Promise<ProfileDoc> {
    const stamp = await stampOf();
    if (cache && cache.stamp === stamp) return cache.doc;
    const doc = stamp === 'missing' ? emptyDoc() : ((await readProfileFile(opts.file)) ?? emptyDoc());
    cache = { doc, stamp };
    return doc;
  }

  /** One read-modify-write, under the lock, on the file as it is on disk now. */
  function mutate<T>(fn: (profiles: Profile[]) => Promise<{ next: Profile[]; result: T }>): Promise<T> {
    const run = lock.run(async () => {
      const doc = await load();
      if (doc.version > FILE_VERSION) throw newerVersionProblem(opts.file, doc.version);
      const { next, result } = await fn([...doc.profiles]);
      const written = await migrated(doc);
      try {
        // The file being replaced parsed a moment ago: it becomes the last good copy.
        await writeFileAtomic(opts.file, serialiseProfileFile(written, next), {
          keepPreviousAt: backupFileOf(opts.file),
        });
      } catch (e) {
        throw storageProblem('write', dir, e, opts.file);
      }
      cache = { doc: { ...written, profiles: next }, stamp: await stampOf() };
      return result;
    });
    pending = run.catch(() => undefined);
    return run;
  }

  /** Deletes the whole-cache entries earlier versions wrote, once; a locked keychain just waits for next time. */
  async function migrated(doc: ProfileDoc): Promise<ProfileDoc> {
    const done = Array.isArray(doc.extras.migrations) ? (doc.extras.migrations as unknown[]) : [];
    if (done.includes(NO_TOKEN_CACHE)) return doc;
    try {
      const signedIn = doc.profiles.filter(
        (p) => p.tokenState.refreshTokenStoredAt || p.tokenState.accessTokenAcquiredAt,
      );
      await Promise.all(signedIn.map((p) => opts.secrets.delete(secretKeys.legacyTokenCache(p.id))));
    } catch {
      return doc;
    }
    return { ...doc, extras: { ...doc.extras, migrations: [...done, NO_TOKEN_CACHE] } };
  }

  const read = () => pending.then(load);

  return {
    list: async () => [...(await read()).profiles],
    get: async (id) => (await read()).profiles.find((p) => p.id === id),
    create: (draftIn, input) =>
      mutate(async (profiles) => {
        const id = randomUUID();
        const draft = await secrets.store(id, valid(profileDraftSchema, draftIn), input);
        const at = now();
        const profile = valid(profileSchema, { ...draft, id, tokenState: {}, createdAt: at, updatedAt: at });
        return { next: [...profiles, profile], result: profile };
      }),
    update: (id, draftIn, input) =>
      mutate(async (profiles) => {
        const old = find(profiles, id);
        const draft = await secrets.store(id, valid(profileDraftSchema, draftIn), input, old);
        const profile = valid(profileSchema, { ...old, ...draft, id, updatedAt: now() });
        return { next: profiles.map((p) => (p.id === id ? profile : p)), result: profile };
      }),
    duplicate: (id) =>
      mutate(async (profiles) => {
        const old = find(profiles, id);
        const copyId = randomUUID();
        await secrets.copyCredentials(id, copyId);
        const at = now();
        const copy: Profile = {
          ...old,
          id: copyId,
          name: `${old.name} (copy)`,
          tokenState: {},
          createdAt: at,
          updatedAt: at,
        };
        return { next: [...profiles, copy], result: copy };
      }),
    remove: (id) =>
      mutate(async (profiles) => {
        await secrets.removeAll(id);
        return { next: profiles.filter((p) => p.id !== id), result: undefined };
      }),
    recordTokenState: (id, patch) =>
      mutate(async (profiles) => {
        const old = find(profiles, id);
        const profile: Profile = {
          ...old,
          tokenState: { ...old.tokenState, ...valid(tokenStateSchema, patch) },
          updatedAt: now(),
        };
        return { next: profiles.map((p) => (p.id === id ? profile : p)), result: profile };
      }),
    health: () => profileFileHealth(opts.file),
    recover: async (action) => {
      const done = await recoverProfileFile(opts.file, action, lock);
      cache = undefined;
      return done;
    },
  };
}

function find(profiles: readonly Profile[], id: string): Profile {
  const p = profiles.find((x) => x.id === id);
  if (!p)
    throw new ProblemError(
      problem({
        code: 'PROFILE_NOT_FOUND',
        title: 'The profile no longer exists',
        explanation: 'It was deleted, perhaps in another window.',
        fixSteps: ['Pick another profile or create a new one.'],
      }),
    );
  return p;
}

/** Parses what is about to be saved; a value out of bounds is the user's to fix, named by field. */
function valid<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.length ? String(issue.path[issue.path.length - 1]) : 'profile';
  throw new ProblemError(
    problem({
      code: 'PROFILE_INVALID',
      title: 'Some details need fixing',
      explanation: issue?.message ?? 'A value is not valid.',
      fixSteps: ['Correct the field named above and save again.'],
      field,
    }),
  );
}
