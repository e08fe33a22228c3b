import { exportsForProfile, writeExports } from '../../core/targets/index';
import type { CliContext } from '../cli-context';
import { requireKeychain, resolveProfile } from '../cli-context';
import { json, line } from '../cli-io';
import { profileRef } from '../acquire';
import { EXIT, UsageError, type ExitCode } from '../exit-codes';

/**
 * `export <profile> --out DIR [--include-secrets]`: the files the target system needs.
 * Secrets go into the files only when asked, and those files are saved owner-only.
 */
export async function exportCommand(
  ctx: CliContext,
  ref: string | undefined,
  outDir: string | undefined,
  includeSecrets: boolean,
): Promise<ExitCode> {
  if (!outDir) throw new UsageError('USAGE', 'export needs --out DIR (the folder to write the files to)');
  const profile = await resolveProfile(ctx, ref);
  if (includeSecrets) await requireKeychain(ctx);
  const outputs = await exportsForProfile(ctx.secrets, profile, { includeSecrets });
  const paths = await writeExports(outputs, outDir);
  const files = outputs.map((o, i) => ({ path: paths[i] ?? '', title: o.title, holdsSecret: o.holdsSecret }));
  if (ctx.json) {
    await json(ctx.io.stdout, { ok: true, profile: profileRef(profile), includeSecrets, files });
    return EXIT.ok;
  }
  await line(ctx.io.stdout, `Wrote ${files.length} files for ${profile.name} (${profile.targetId}) to ${outDir}:`);
  for (const f of files)
    await line(
      ctx.io.stdout,
      `  ${f.path}  ${f.title}${f.holdsSecret && includeSecrets ? '  [holds secrets, owner-only]' : ''}`,
    );
  if (!includeSecrets)
    await line(
      ctx.io.stdout,
      'Secrets are placeholders; fill them in at the target, or export again with --include-secrets.',
    );
  return EXIT.ok;
}
