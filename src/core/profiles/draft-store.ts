import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import {
  draftFormSchema,
  draftSecretsSchema,
  draftStepSchema,
  type DraftSaved,
  type DraftSummary,
  type DraftView,
} from '../../shared/draft';
import type { draftSaveRequestSchema } from '../../shared/draft';
import { problem } from '../../shared/problem';
import { splitProxyPassword, withProxyPassword } from '../net/proxy-password';
import { ProblemError } from '../problem-error';
import { draftKeys } from '../secrets/secret-keys';
import { SecretStoreError, type SecretStore } from '../secrets/secret-store';
import { writeFileAtomic } from './atomic-file';

/**
 * Unfinished new set-ups. One small JSON file beside the profiles holds what was typed
 * except secrets; the client secret, a picked certificate, the PFX password and a proxy
 * password go to the keychain under the draft's id, so nothing secret ever reaches disk.
 * A keychain that cannot be used does not lose the rest: the draft is kept without its
 * secrets and says so.
 */
export interface DraftStore {
  list(): Promise<readonly DraftSummary[]>;
  get(id: string): Promise<DraftView>;
  save(req: z.output<typeof draftSaveRequestSchema>): Promise<DraftSaved>;
  remove(id: string): Promise<void>;
}

const FILE_VERSION = 1;
const storedDraft = z.object({
  id: z.string(),
  updatedAt: z.string(),
  step: draftStepSchema,
  form: draftFormSchema,
  secretsKept: z.boolean(),
});
type StoredDraft = z.infer<typeof storedDraft>;
const fileSchema = z.object({ version: z.literal(FILE_VERSION), drafts: z.array(storedDraft) });

/** The drafts file in the same folder as the profiles file. */
export const draftsFileBeside = (profilesFile: string): string => join(dirname(profilesFile), 'drafts.json');

export function createDraftStore(opts: { file: string; secrets: SecretStore; now?: () => Date }): DraftStore {
  const now = () => (opts.now ? opts.now() : new Date()).toISOString();
  let queue: Promise<unknown> = Promise.resolve();

  async function load(): Promise<StoredDraft[]> {
    let text: string;
    try {
      text = await fs.readFile(opts.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    // A damaged drafts file must not block the app: drafts are a convenience, the profiles are kept elsewhere.
    const parsed = fileSchema.safeParse(safeJson(text));
    return parsed.success ? parsed.data.drafts : [];
  }

  function mutate<T>(fn: (drafts: StoredDraft[]) => Promise<{ next: StoredDraft[]; result: T }>): Promise<T> {
    const run = queue.then(async () => {
      const { next, result } = await fn(await load());
      await writeFileAtomic(opts.file, `${JSON.stringify({ version: FILE_VERSION, drafts: next }, null, 1)}\n`);
      return result;
    });
    queue = run.catch(() => undefined);
    return run;
  }

  const summary = (d: StoredDraft): DraftSummary => ({
    id: d.id,
    updatedAt: d.updatedAt,
    step: d.step,
    name: d.form.name,
    ...(d.form.targetId ? { targetId: d.form.targetId } : {}),
    tenant: d.form.tenant,
    mailbox: d.form.mailbox,
  });

  /** Sets or clears each secret of a draft; false when the keychain could not take them. */
  async function putSecrets(id: string, s: z.output<typeof draftSecretsSchema>, proxyPassword?: string) {
    const entries: [string, string | undefined][] = [
      [draftKeys.clientSecret(id), s.clientSecret || undefined],
      [draftKeys.certificate(id), s.certificate ? JSON.stringify(s.certificate) : undefined],
      [draftKeys.pfxPassword(id), s.pfxPassword || undefined],
      [draftKeys.proxyPassword(id), proxyPassword],
    ];
    try {
      for (const [key, value] of entries) {
        if (value === undefined) await opts.secrets.delete(key);
        else await opts.secrets.set(key, value);
      }
      return true;
    } catch (e) {
      if (e instanceof SecretStoreError) return false;
      throw e;
    }
  }

  async function readSecret(key: string): Promise<string | undefined> {
    try {
      return (await opts.secrets.get(key)) ?? undefined;
    } catch (e) {
      if (e instanceof SecretStoreError) return undefined;
      throw e;
    }
  }

  return {
    list: async () => (await queue.then(load)).map(summary),
    get: async (id) => {
      const d = (await queue.then(load)).find((x) => x.id === id);
      if (!d) throw new ProblemError(draftGone());
      const [clientSecret, certificate, pfxPassword, proxyPassword] = await Promise.all([
        readSecret(draftKeys.clientSecret(id)),
        readSecret(draftKeys.certificate(id)),
        readSecret(draftKeys.pfxPassword(id)),
        readSecret(draftKeys.proxyPassword(id)),
      ]);
      const cert = certificate ? draftSecretsSchema.shape.certificate.safeParse(safeJson(certificate)) : undefined;
      return {
        ...summary(d),
        form: proxyPassword ? { ...d.form, proxyUrl: withProxyPassword(d.form.proxyUrl, proxyPassword) } : d.form,
        secrets: {
          ...(clientSecret ? { clientSecret } : {}),
          ...(cert?.success && cert.data ? { certificate: cert.data } : {}),
          ...(pfxPassword ? { pfxPassword } : {}),
        },
        secretsKept: d.secretsKept,
      };
    },
    save: (req) =>
      mutate(async (drafts) => {
        const id = req.id && drafts.some((d) => d.id === req.id) ? req.id : (req.id ?? randomUUID());
        const proxy = splitProxyPassword(req.form.proxyUrl);
        const secretsKept = await putSecrets(id, req.secrets, proxy.password);
        const draft: StoredDraft = {
          id,
          updatedAt: now(),
          step: req.step,
          form: { ...req.form, proxyUrl: proxy.saved },
          secretsKept,
        };
        return {
          next: drafts.some((d) => d.id === id) ? drafts.map((d) => (d.id === id ? draft : d)) : [...drafts, draft],
          result: { id, updatedAt: draft.updatedAt, secretsKept },
        };
      }),
    remove: (id) =>
      mutate(async (drafts) => {
        for (const key of Object.values(draftKeys)) await opts.secrets.delete(key(id)).catch(() => undefined);
        return { next: drafts.filter((d) => d.id !== id), result: undefined };
      }),
  };
}

const draftGone = () =>
  problem({
    code: 'DRAFT_NOT_FOUND',
    title: 'This unfinished set-up is gone',
    explanation: 'It was finished or discarded, perhaps in another window.',
    fixSteps: ['Go back to the start screen and start a new set-up.'],
  });

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
