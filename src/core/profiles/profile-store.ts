import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { z } from 'zod';
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
import { splitProxyPassword } from '../net/proxy-password';
import { ProblemError } from '../problem-error';
import { profilePrefix, secretKeys } from '../secrets/secret-keys';
import type { SecretStore } from '../secrets/secret-store';
import { writeFileAtomic } from './atomic-file';
import { importPemCertificate, importPfxCertificate } from './certificate';

/**
 * Profiles: non-secret fields in one versioned JSON file, secrets in the SecretStore
 * under the profile's id. The parsed file is kept in memory (a consultant's thousand
 * profiles list instantly) and re-read only when its size or mtime changed, so the desktop
 * app and the CLI writing the same file do not undo each other's changes; writes are
 * serialised, re-read first and atomic.
 */
export interface ProfileStore {
  list(): Promise<readonly Profile[]>;
  get(id: string): Promise<Profile | undefined>;
  /** `options.id`: keep this id (an imported profile) when it is free; otherwise a new one is made. */
  create(draft: ProfileDraft, secrets?: ProfileSecretsInput, options?: { readonly id?: string }): Promise<Profile>;
  update(id: string, draft: ProfileDraft, secrets?: ProfileSecretsInput): Promise<Profile>;
  duplicate(id: string): Promise<Profile>;
  remove(id: string): Promise<void>;
  recordTokenState(id: string, patch: Partial<TokenState>): Promise<Profile>;
}

const FILE_VERSION = 1;
const fileSchema = z.object({ version: z.literal(FILE_VERSION), profiles: z.array(profileSchema) });

export function createProfileStore(opts: { file: string; secrets: SecretStore; now?: () => Date }): ProfileStore {
  const now = () => (opts.now ? opts.now() : new Date()).toISOString();
  let cache: { profiles: Profile[]; stamp: string } | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  /** Size + mtime of the file, or 'missing'; cheap enough to check on every read. */
  async function stampOf(): Promise<string> {
    try {
      const st = await fs.stat(opts.file);
      return `${st.size}:${st.mtimeMs}`;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
      throw e;
    }
  }

  async function load(): Promise<Profile[]> {
    const stamp = await stampOf();
    if (cache && cache.stamp === stamp) return cache.profiles;
    if (stamp === 'missing') return (cache = { profiles: [], stamp }).profiles;
    const text = await fs.readFile(opts.file, 'utf8');
    const parsed = fileSchema.safeParse(safeJson(text));
    if (!parsed.success) {
      throw new ProblemError(
        problem({
          code: 'PROFILE_FILE_CORRUPT',
          title: 'The profile file cannot be read',
          explanation: `${opts.file} is damaged or was written by a newer version of the app. It was left untouched.`,
          fixSteps: [
            'Restore the file from a backup, or move it aside to start with no profiles. Secrets stay in the keychain.',
          ],
        }),
      );
    }
    return (cache = { profiles: parsed.data.profiles, stamp }).profiles;
  }

  /** Runs one change at a time: read-modify-write must not interleave. */
  function mutate<T>(fn: (profiles: Profile[]) => Promise<{ next: Profile[]; result: T }>): Promise<T> {
    const run = queue.then(async () => {
      const { next, result } = await fn([...(await load())]);
      await writeFileAtomic(opts.file, `${JSON.stringify({ version: FILE_VERSION, profiles: next }, null, 1)}\n`);
      cache = { profiles: next, stamp: await stampOf() };
      return result;
    });
    queue = run.catch(() => undefined);
    return run;
  }

  const find = (profiles: readonly Profile[], id: string): Profile => {
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
  };

  /** Puts secrets into the keychain; returns the credential facts derived from them. */
  async function storeSecrets(
    id: string,
    draft: ProfileDraft,
    s: ProfileSecretsInput | undefined,
  ): Promise<ProfileDraft> {
    if (!s) return draft;
    if (s.clientSecret !== undefined) {
      await opts.secrets.set(secretKeys.clientSecret(id), s.clientSecret.trim());
      await clearCertificate(id);
      return { ...draft, credential: draft.credential.kind === 'secret' ? draft.credential : { kind: 'secret' } };
    }
    const cert = s.certificatePem
      ? importPemCertificate(s.certificatePem)
      : s.pfxBase64
        ? importPfxCertificate(s.pfxBase64, s.pfxPassword ?? '')
        : undefined;
    if (cert) {
      await opts.secrets.set(secretKeys.certificateKey(id), cert.privateKeyPem);
      await opts.secrets.set(secretKeys.certificatePem(id), cert.certificatePem);
      await opts.secrets.delete(secretKeys.clientSecret(id));
      return { ...draft, credential: cert.info };
    }
    return draft;
  }

  /**
   * The proxy password goes to the keychain, the file keeps `http://user@host:port`. An address
   * without a password keeps the stored one for the same user (the form shows the address
   * without it); another user, or no proxy login at all, drops it.
   */
  async function storeProxyPassword(id: string, draft: ProfileDraft, old?: Profile): Promise<ProfileDraft> {
    const split = splitProxyPassword(draft.network.proxyUrl);
    const oldUser = old ? splitProxyPassword(old.network.proxyUrl).user : '';
    if (split.password !== undefined) await opts.secrets.set(secretKeys.proxyPassword(id), split.password);
    else if (oldUser && oldUser !== split.user) await opts.secrets.delete(secretKeys.proxyPassword(id));
    return split.saved === draft.network.proxyUrl
      ? draft
      : { ...draft, network: { ...draft.network, proxyUrl: split.saved } };
  }

  async function clearCertificate(id: string): Promise<void> {
    await opts.secrets.delete(secretKeys.certificateKey(id));
    await opts.secrets.delete(secretKeys.certificatePem(id));
  }

  return {
    list: async () => [...(await queue.then(load))],
    get: async (id) => (await queue.then(load)).find((p) => p.id === id),
    create: (draftIn, secrets, options) =>
      mutate(async (profiles) => {
        const wanted = options?.id;
        const id = wanted && !profiles.some((p) => p.id === wanted) ? wanted : randomUUID();
        const draft = await storeProxyPassword(id, await storeSecrets(id, profileDraftSchema.parse(draftIn), secrets));
        const at = now();
        const profile = profileSchema.parse({ ...draft, id, tokenState: {}, createdAt: at, updatedAt: at });
        return { next: [...profiles, profile], result: profile };
      }),
    update: (id, draftIn, secrets) =>
      mutate(async (profiles) => {
        const old = find(profiles, id);
        const draft = await storeProxyPassword(
          id,
          await storeSecrets(id, profileDraftSchema.parse(draftIn), secrets),
          old,
        );
        if (draft.credential.kind === 'none') {
          await opts.secrets.delete(secretKeys.clientSecret(id));
          await clearCertificate(id);
        }
        const profile = profileSchema.parse({ ...old, ...draft, id, updatedAt: now() });
        return { next: profiles.map((p) => (p.id === id ? profile : p)), result: profile };
      }),
    duplicate: (id) =>
      mutate(async (profiles) => {
        const old = find(profiles, id);
        const copyId = randomUUID();
        // Credentials come along (same app, same proxy); tokens do not: they belong to one sign-in.
        for (const key of [
          secretKeys.clientSecret,
          secretKeys.certificateKey,
          secretKeys.certificatePem,
          secretKeys.proxyPassword,
        ]) {
          const v = await opts.secrets.get(key(id));
          if (v !== null) await opts.secrets.set(key(copyId), v);
        }
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
        for (const key of await opts.secrets.keys(profilePrefix(id))) await opts.secrets.delete(key);
        return { next: profiles.filter((p) => p.id !== id), result: undefined };
      }),
    recordTokenState: (id, patch) =>
      mutate(async (profiles) => {
        const old = find(profiles, id);
        const profile: Profile = {
          ...old,
          tokenState: tokenStateSchema.parse({ ...old.tokenState, ...patch }),
          updatedAt: now(),
        };
        return { next: profiles.map((p) => (p.id === id ? profile : p)), result: profile };
      }),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
