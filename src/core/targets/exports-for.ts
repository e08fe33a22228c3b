import type { ExportOptions, ExportOutput } from '../../shared/export-output';
import type { Profile, TargetId } from '../../shared/profile';
import { aemExports } from './aem';
import { akuminaExports } from './akumina';
import { appOnlyExports } from './app-only';
import { createExportContext, type ExportContext, type TokenSnapshot } from './context';
import { emailEngineExports } from './emailengine';
import { exchangeAdminExports } from './exchange-admin';
import { genericExports } from './generic';
import { onitExports } from './onit';
import { finalize, type OutputDraft } from './output';
import { secretValuesExport } from './secret-values';

/** One exporter per target system; adding a target means adding one module here. */
const targetExporters: Readonly<Record<TargetId, (ctx: ExportContext) => OutputDraft[]>> = {
  aem: aemExports,
  onit: onitExports,
  emailengine: emailEngineExports,
  akumina: akuminaExports,
  'app-only': appOnlyExports,
  generic: genericExports,
};

/**
 * Everything to copy or save for the profile's target: the target's own files and
 * forms, the generic settings and scripts (to test the same credentials by hand), the
 * Exchange admin script, and the view of secret values to paste. Pure: `tokens` is a
 * snapshot the caller read from the keychain. Without `includeSecrets` no output
 * contains a secret value.
 */
export function exportsFor(profile: Profile, tokens: TokenSnapshot, options: ExportOptions): ExportOutput[] {
  const ctx = createExportContext(profile, tokens, options);
  return finalize(ctx, [
    ...targetExporters[profile.targetId](ctx),
    ...(profile.targetId === 'generic' ? [] : genericExports(ctx)),
    ...exchangeAdminExports(ctx),
    ...secretValuesExport(ctx),
  ]);
}

/** Only the outputs of one target's module, for any profile (previewing another target). */
export function targetExports(
  targetId: TargetId,
  profile: Profile,
  tokens: TokenSnapshot,
  options: ExportOptions,
): ExportOutput[] {
  const ctx = createExportContext(profile, tokens, options);
  return finalize(ctx, targetExporters[targetId](ctx));
}
