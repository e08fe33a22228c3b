import type { ExportOptions, ExportOutput } from '../../shared/export-output';
import type { Profile, TargetId } from '../../shared/profile';
import { aemExports } from './aem/exports';
import { akuminaExports } from './akumina/exports';
import { appOnlyExports } from './app-only/exports';
import { createExportContext, type ExportContext, type TokenSnapshot } from './common/context';
import { exchangeAdminExports } from './common/exchange-admin';
import { genericExports } from './common/generic-formats';
import { finalize, inGroup, type OutputDraft } from './common/output';
import { secretValuesExport } from './common/secret-values';
import { emailEngineExports } from './emailengine/exports';
import { onitExports } from './onit/exports';

/**
 * Each target folder's exporter (its preset is registered in src/shared/targets.ts).
 * The generic target's own outputs are the generic formats every target also gets.
 */
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
    ...inGroup('target', targetExporters[profile.targetId](ctx)),
    ...inGroup('target', secretValuesExport(ctx)),
    ...inGroup('other', profile.targetId === 'generic' ? [] : genericExports(ctx)),
    ...inGroup('other', exchangeAdminExports(ctx)),
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
  return finalize(ctx, inGroup('target', targetExporters[targetId](ctx)));
}
