import { type ExportContext, hiddenValue, secretsUsedBy } from './context';
import { field, fieldsOutput, type OutputDraft } from './output';

const labels = { clientSecret: 'Client secret', refreshToken: 'Refresh token' } as const;

/**
 * The one view that lists the secret values to paste into the target. Its values are
 * filled only when the user chose "Include secrets"; otherwise they read as hidden.
 */
export function secretValuesExport(ctx: ExportContext): OutputDraft[] {
  const names = secretsUsedBy(ctx.profile);
  if (names.length === 0) return [];
  return [
    fieldsOutput({
      name: 'secret-values.txt',
      title: 'Secret values to paste',
      description:
        'Paste these where the other outputs show a placeholder. They come from the keychain and are shown only when you choose "Include secrets".',
      fields: names.map((n) => field(labels[n], ctx.reveal(n) ?? hiddenValue, true)),
      secretView: true,
    }),
  ];
}
