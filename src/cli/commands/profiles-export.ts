import { access } from 'node:fs/promises';
import { writeFileAtomic } from '../../core/profiles/atomic-file';
import { exportBundle } from '../../core/profiles/profile-export';
import { isProblemError } from '../../core/problem-error';
import type { Profile } from '../../shared/profile';
import { requireKeychain, resolveProfile, type CliContext } from '../cli-context';
import { json, line } from '../cli-io';
import { profileRef } from '../acquire';
import { EXIT, UsageError, type ExitCode } from '../exit-codes';
import { PASSPHRASE_ENV, passphraseFrom } from '../passphrase';

export interface ProfilesExportFlags {
  readonly out: string | undefined;
  readonly includeSecrets: boolean;
  readonly passphraseFile?: string;
  readonly force: boolean;
}

/**
 * `profiles export [<profile>...] --out FILE [--include-secrets]`: the named profiles (all
 * of them when none is named) as one bundle file for another computer. Secrets only with
 * --include-secrets, and then only sealed with a passphrase.
 */
export async function profilesExport(
  ctx: CliContext,
  refs: readonly string[],
  flags: ProfilesExportFlags,
): Promise<ExitCode> {
  if (!flags.out) throw new UsageError('USAGE', 'profiles export needs --out FILE (the bundle file to write)');
  if (!flags.force && (await exists(flags.out)))
    throw new UsageError(
      'FILE_EXISTS',
      `${flags.out} already exists; choose another name or add --force to replace it`,
    );
  const chosen: Profile[] = [];
  for (const ref of refs) {
    const p = await resolveProfile(ctx, ref);
    if (!chosen.some((c) => c.id === p.id)) chosen.push(p);
  }
  const profiles = refs.length > 0 ? chosen : await ctx.profiles.list();
  if (profiles.length === 0) throw new UsageError('BUNDLE_NO_PROFILES', 'there are no profiles to export');
  let passphrase: string | undefined;
  if (flags.includeSecrets) {
    await requireKeychain(ctx);
    passphrase = await passphraseFrom(ctx.io, {
      ...(flags.passphraseFile !== undefined ? { file: flags.passphraseFile } : {}),
      confirm: true,
      missing: `--include-secrets needs a passphrase: --passphrase-file FILE, the environment variable ${PASSPHRASE_ENV}, or run it in a terminal to type one`,
    });
  }
  let text: string;
  try {
    text = await exportBundle(profiles, ctx.secrets, {
      includeSecrets: flags.includeSecrets,
      ...(passphrase !== undefined ? { passphrase } : {}),
      exportedBy: 'smtp-oauth-wizard command line',
    });
  } catch (e) {
    // A weak passphrase is a mistake in the input: one line, exit 2.
    if (isProblemError(e) && e.problem.field === 'passphrase') throw new UsageError(e.problem.code, e.problem.title);
    throw e;
  }
  await writeFileAtomic(flags.out, text);
  if (ctx.json) {
    await json(ctx.io.stdout, {
      ok: true,
      file: flags.out,
      includeSecrets: flags.includeSecrets,
      profiles: profiles.map(profileRef),
    });
    return EXIT.ok;
  }
  const count = `${profiles.length} profile${profiles.length === 1 ? '' : 's'}`;
  await line(ctx.io.stdout, `Exported ${count} to ${flags.out}:`);
  for (const p of profiles) await line(ctx.io.stdout, `  ${p.name}  (${p.id})`);
  await line(
    ctx.io.stdout,
    flags.includeSecrets
      ? 'Secrets are in the file, encrypted with your passphrase: give the passphrase to the importer another way than the file.'
      : 'No secrets are in the file: after import, enter each client secret or certificate again and sign in again (or export with --include-secrets).',
  );
  return EXIT.ok;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
