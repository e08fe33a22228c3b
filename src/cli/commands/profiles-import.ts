import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { readBundle, type ReadBundle } from '../../core/profiles/bundle-read';
import { actionFor, planImport } from '../../core/profiles/import-plan';
import { importBundle } from '../../core/profiles/profile-import';
import { isProblemError } from '../../core/problem-error';
import type { ImportAction, ImportChoices, ImportPlan, ImportResult } from '../../shared/profile-import';
import { requireKeychain, type CliContext } from '../cli-context';
import { json, line } from '../cli-io';
import { EXIT, UsageError, type ExitCode } from '../exit-codes';
import { PASSPHRASE_ENV, passphraseFrom } from '../passphrase';

export interface ProfilesImportFlags {
  /** For a profile that is already here (same id): skip (default), replace or add a copy. */
  readonly existing: ImportAction;
  /** For a different profile with the same name: add renamed (default), replace or skip. */
  readonly sameName: ImportAction;
  readonly withoutSecrets: boolean;
  readonly passphraseFile?: string;
  readonly dryRun: boolean;
}

/** The bundle's own mistakes (wrong passphrase, damaged file) are mistakes in the input: one line, exit 2. */
function asUsage(e: unknown): never {
  if (isProblemError(e) && e.problem.code.startsWith('BUNDLE_'))
    throw new UsageError(e.problem.code, `${e.problem.title}. ${e.problem.explanation}`);
  throw e;
}

function choicesFor(plan: ImportPlan, flags: ProfilesImportFlags): ImportChoices {
  const choices: Record<string, ImportAction> = {};
  for (const item of plan.items) {
    if (item.clash.kind === 'same-id') choices[item.key] = flags.existing;
    else if (item.clash.kind === 'same-name') choices[item.key] = flags.sameName;
  }
  return choices;
}

/** What --dry-run prints for each profile: what the import would do. */
function planned(plan: ImportPlan, choices: ImportChoices): ImportResult[] {
  return plan.items.map((item) => {
    const action = item.invalid ? 'failed' : actionFor(item, choices);
    const note = item.invalid
      ? `would not be imported: ${item.invalid}`
      : action === 'skip'
        ? item.clash.kind === 'same-id'
          ? 'would be skipped: it is already here (--existing replace or add to change that)'
          : 'would be skipped'
        : action === 'replace'
          ? `would replace “${item.clash.kind === 'none' ? item.name : item.clash.localName}”`
          : item.addedAs === item.name
            ? 'would be added'
            : `would be added as “${item.addedAs}” (a profile with its name is already here)`;
    const shown =
      action === 'skip' ? 'skipped' : action === 'replace' ? 'replaced' : action === 'add' ? 'added' : 'failed';
    return { key: item.key, name: item.name, action: shown, note };
  });
}

/**
 * `profiles import FILE`: the profiles of a bundle into this computer's profile file and
 * keychain. A profile already here is skipped unless --existing says otherwise; one with a
 * taken name is added renamed. Secrets need the bundle's passphrase, or --without-secrets.
 */
export async function profilesImport(
  ctx: CliContext,
  file: string | undefined,
  flags: ProfilesImportFlags,
): Promise<ExitCode> {
  if (!file) throw new UsageError('USAGE', 'profiles import needs the bundle file: profiles import FILE');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UsageError('FILE_NOT_FOUND', `cannot read ${file}`);
  }
  const name = basename(file);
  let bundle: ReadBundle;
  try {
    bundle = readBundle(text, name);
  } catch (e) {
    asUsage(e);
  }
  const plan = planImport(bundle, await ctx.profiles.list(), name);
  const choices = choicesFor(plan, flags);
  let results: readonly ImportResult[];
  let secretsImported = false;
  if (flags.dryRun) {
    results = planned(plan, choices);
  } else {
    const withSecrets = bundle.encrypted && !flags.withoutSecrets;
    let passphrase: string | undefined;
    if (withSecrets) {
      await requireKeychain(ctx);
      passphrase = await passphraseFrom(ctx.io, {
        ...(flags.passphraseFile !== undefined ? { file: flags.passphraseFile } : {}),
        confirm: false,
        missing: `${name} holds encrypted secrets: give its passphrase with --passphrase-file FILE or the environment variable ${PASSPHRASE_ENV}, or add --without-secrets`,
      });
    }
    const outcome = await importBundle(ctx, bundle, {
      fileName: name,
      choices,
      withoutSecrets: !withSecrets,
      ...(passphrase !== undefined ? { passphrase } : {}),
    }).catch(asUsage);
    results = outcome.results;
    secretsImported = outcome.secretsImported;
  }
  const failed = results.some((r) => r.action === 'failed');
  if (ctx.json) {
    await json(ctx.io.stdout, {
      ok: !failed,
      file,
      dryRun: flags.dryRun,
      encrypted: bundle.encrypted,
      secretsImported,
      results,
    });
  } else {
    for (const r of results) await line(ctx.io.stdout, `${r.action.padEnd(8)}  ${r.name}: ${r.note}`);
    if (!flags.dryRun && bundle.encrypted && !secretsImported)
      await line(ctx.io.stdout, 'The secrets were left out: enter each client secret or certificate again in the app.');
  }
  return failed ? EXIT.badInput : EXIT.ok;
}
