import { problem } from '../../shared/problem';
import type { ProfileDraft, ProfileSecretsInput } from '../../shared/profile';
import type { BundleProfile, BundleProfileSecrets, BundleSecrets } from '../../shared/profile-bundle';
import type { ImportChoices, ImportOutcome, ImportPlanItem, ImportResult } from '../../shared/profile-import';
import { diagnose } from '../diagnose/index';
import { withProxyPassword } from '../net/proxy-password';
import { ProblemError } from '../problem-error';
import { secretKeys } from '../secrets/secret-keys';
import type { SecretStore } from '../secrets/secret-store';
import { bundleSecrets, type ReadBundle } from './bundle-read';
import { actionFor, nameKey, planImport, uniqueName } from './import-plan';
import type { ProfileStore } from './profile-store';

export interface ImportDeps {
  readonly profiles: ProfileStore;
  readonly secrets: SecretStore;
}

export interface ImportOptions {
  readonly fileName: string;
  readonly choices: ImportChoices;
  /** Opens the sealed secrets; not needed with `withoutSecrets` or a bundle without secrets. */
  readonly passphrase?: string;
  /** Import the settings of a sealed bundle and leave its secrets out (the user will enter them again). */
  readonly withoutSecrets?: boolean;
}

/** Ids become keychain names (`profile/<id>/…`): only ids shaped like the app's own are kept. */
const SAFE_ID = /^[A-Za-z0-9-]{1,100}$/;

/** The bundle's profile as the store's normal save path takes it: a draft, its secrets, the proxy password put back. */
function draftOf(
  p: BundleProfile,
  s: BundleProfileSecrets | undefined,
): { draft: ProfileDraft; input: ProfileSecretsInput } {
  const { id: _id, tokenState: _t, ...fields } = p;
  const network =
    s?.proxyPassword !== undefined
      ? { ...fields.network, proxyUrl: withProxyPassword(fields.network.proxyUrl, s.proxyPassword) }
      : fields.network;
  const input: ProfileSecretsInput =
    s?.clientSecret !== undefined
      ? { clientSecret: s.clientSecret }
      : s?.certificateKeyPem !== undefined && s.certificatePem !== undefined
        ? { certificatePem: `${s.certificatePem.trim()}\n${s.certificateKeyPem.trim()}\n` }
        : {};
  return { draft: { ...fields, network }, input };
}

function needsPassphrase(): ProblemError {
  return new ProblemError(
    problem({
      code: 'BUNDLE_PASSPHRASE_NEEDED',
      title: 'Enter the bundle’s passphrase',
      explanation: 'The secrets in this bundle are encrypted with the passphrase chosen when it was exported.',
      fixSteps: ['Type that passphrase, or import the profiles without their secrets.'],
      field: 'passphrase',
    }),
  );
}

/**
 * Imports a read bundle through the profile store's own create and update (its checks,
 * its lock, its keychain writes). The secrets are opened first, so a wrong passphrase
 * changes nothing. Each profile succeeds or fails on its own; a failure that is about this
 * computer (keychain, disk) stops the rest, which are reported as not imported.
 */
export async function importBundle(deps: ImportDeps, bundle: ReadBundle, opts: ImportOptions): Promise<ImportOutcome> {
  const withSecrets = bundle.encrypted && !opts.withoutSecrets;
  let secrets: BundleSecrets = {};
  if (withSecrets) {
    if (!opts.passphrase) throw needsPassphrase();
    secrets = await bundleSecrets(bundle, opts.passphrase);
  }
  // Planned again against the profiles as they are now: another window may have changed them since the preview.
  const local = await deps.profiles.list();
  const plan = planImport(bundle, local, opts.fileName);
  const taken = new Set(local.map((p) => nameKey(p.name)));
  const usedIds = new Set(local.map((p) => p.id));
  const results: ImportResult[] = [];
  let stopped: string | undefined;

  for (const item of plan.items) {
    const entry = bundle.entries[Number(item.key)];
    if (!entry?.ok) {
      results.push({
        key: item.key,
        name: item.name,
        action: 'failed',
        note: `Not imported: ${item.invalid ?? 'unreadable'}.`,
      });
      continue;
    }
    const action = actionFor(item, opts.choices);
    if (stopped || action === 'skip') {
      results.push({ key: item.key, name: item.name, action: 'skipped', note: stopped ?? skipNote(item) });
      continue;
    }
    const s = withSecrets ? secrets[entry.profile.id] : undefined;
    try {
      const result =
        action === 'replace' && item.clash.kind !== 'none'
          ? await replace(deps, item, entry.profile, s, item.clash.localId)
          : await add(deps, item, entry.profile, s, taken, usedIds);
      results.push(result);
    } catch (e) {
      const p = diagnose(e);
      results.push({
        key: item.key,
        name: item.name,
        action: 'failed',
        note: `Not imported: ${p.title}. ${p.explanation}`,
      });
      if (p.category === 'environment')
        stopped = `Not imported: the import stopped at an earlier profile (${p.title}).`;
    }
  }
  return { results, secretsImported: withSecrets };
}

function skipNote(item: ImportPlanItem): string {
  return item.clash.kind === 'same-id'
    ? `Skipped: “${item.clash.localName}” is this profile, already here; yours was left as it is.`
    : 'Skipped, as chosen.';
}

async function add(
  deps: ImportDeps,
  item: ImportPlanItem,
  p: BundleProfile,
  s: BundleProfileSecrets | undefined,
  taken: Set<string>,
  usedIds: Set<string>,
): Promise<ImportResult> {
  const name = uniqueName(p.name, taken);
  const { draft, input } = draftOf(p, s);
  const keepId = SAFE_ID.test(p.id) && !usedIds.has(p.id);
  const created = await deps.profiles.create({ ...draft, name }, input, keepId ? { id: p.id } : {});
  taken.add(nameKey(created.name));
  usedIds.add(created.id);
  await storeToken(deps, created.id, p, s);
  const renamed = created.name !== p.name;
  return {
    key: item.key,
    name: p.name,
    action: 'added',
    profileId: created.id,
    note: renamed
      ? `Added as “${created.name}”: a profile named “${item.clash.kind === 'none' ? p.name : item.clash.localName}” is already here.`
      : 'Added.',
  };
}

async function replace(
  deps: ImportDeps,
  item: ImportPlanItem,
  p: BundleProfile,
  s: BundleProfileSecrets | undefined,
  localId: string,
): Promise<ImportResult> {
  const { draft, input } = draftOf(p, s);
  const updated = await deps.profiles.update(localId, draft, input);
  await storeToken(deps, updated.id, p, s);
  const localName = item.clash.kind === 'none' ? updated.name : item.clash.localName;
  return {
    key: item.key,
    name: p.name,
    action: 'replaced',
    profileId: updated.id,
    note: `Replaced the settings${s && Object.keys(s).length > 0 ? ' and secrets' : ''} of “${localName}”, as chosen.`,
  };
}

/** The refresh token goes where a sign-in would put it, with the dates that say how long it lasts. */
async function storeToken(
  deps: ImportDeps,
  id: string,
  p: BundleProfile,
  s: BundleProfileSecrets | undefined,
): Promise<void> {
  if (s?.refreshToken === undefined) return;
  await deps.secrets.set(secretKeys.refreshToken(id), s.refreshToken);
  await deps.profiles.recordTokenState(id, p.tokenState);
}
