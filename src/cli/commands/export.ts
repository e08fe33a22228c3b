import { type AemExportSettings, aemExportSettingsSchema, defaultAemExportSettings } from '../../shared/export-output';
import { exportsForProfile, writeExports } from '../../core/targets/index';
import type { CliContext } from '../cli-context';
import { requireKeychain, resolveProfile } from '../cli-context';
import { json, line } from '../cli-io';
import { profileRef } from '../acquire';
import { EXIT, UsageError, type ExitCode } from '../exit-codes';

/** `--aem-direct` / `--aem-proxy-port N` as the export's AEM settings (Cloud Service and 30587 by default). */
function aemSettings(direct: boolean, port: string | undefined): AemExportSettings {
  const proxyPort = port === undefined ? defaultAemExportSettings.proxyPort : Number(port);
  if (!aemExportSettingsSchema.shape.proxyPort.safeParse(proxyPort).success)
    throw new UsageError(
      'USAGE',
      `--aem-proxy-port must be a whole number from 30000 to 30999, the range Cloud Manager port forwards use (got "${port}")`,
    );
  if (direct && port !== undefined)
    throw new UsageError('USAGE', '--aem-proxy-port is for AEM as a Cloud Service; leave it out with --aem-direct');
  return { connection: direct ? 'direct' : 'cloud-service', proxyPort };
}

/**
 * `export <profile> --out DIR [--include-secrets] [--aem-direct | --aem-proxy-port N]`: the
 * files the target system needs. Secrets go into the files only when asked, and those files
 * are saved owner-only.
 */
export async function exportCommand(
  ctx: CliContext,
  ref: string | undefined,
  opts: {
    readonly outDir: string | undefined;
    readonly includeSecrets: boolean;
    readonly aemDirect: boolean;
    readonly aemProxyPort: string | undefined;
  },
): Promise<ExitCode> {
  const { outDir, includeSecrets } = opts;
  if (!outDir) throw new UsageError('USAGE', 'export needs --out DIR (the folder to write the files to)');
  const aem = aemSettings(opts.aemDirect, opts.aemProxyPort);
  const profile = await resolveProfile(ctx, ref);
  if (includeSecrets) await requireKeychain(ctx);
  const outputs = await exportsForProfile(ctx.secrets, profile, { includeSecrets, aem });
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
