import type {
  DeploymentStep,
  ExportCheck,
  ExportField,
  ExportLanguage,
  ExportOutput,
} from '../../../shared/export-output';
import type { ExportContext, SecretName } from './context';

/** An output before the secret bookkeeping (`holdsSecret`, warning) and its group are settled. */
export type OutputDraft = Omit<ExportOutput, 'holdsSecret' | 'warning' | 'group'> & {
  /** The view whose purpose is to show secret values: always treated as holding secrets. */
  readonly secretView?: boolean;
};
/** A draft placed in the target's own group or among the other formats. */
export type GroupedDraft = OutputDraft & Pick<ExportOutput, 'group'>;

export const inGroup = (group: ExportOutput['group'], drafts: readonly OutputDraft[]): GroupedDraft[] =>
  drafts.map((d) => ({ ...d, group }));

/** What any output may add: where it goes at the target, and the limits it was checked against. */
interface Extras {
  placement?: string;
  checks?: readonly ExportCheck[];
}
const extras = (d: Extras) => ({
  ...(d.placement ? { placement: d.placement } : {}),
  ...(d.checks && d.checks.length > 0 ? { checks: [...d.checks] } : {}),
});

export function fileOutput(
  d: {
    name: string;
    title: string;
    description: string;
    language: ExportLanguage;
    content: string;
  } & Extras,
): OutputDraft {
  return {
    kind: 'file',
    name: d.name,
    title: d.title,
    description: d.description,
    language: d.language,
    content: d.content.endsWith('\n') ? d.content : `${d.content}\n`,
    ...extras(d),
  };
}

export function fieldsOutput(
  d: {
    name: string;
    title: string;
    description: string;
    fields: readonly ExportField[];
    secretView?: boolean;
  } & Extras,
): OutputDraft {
  const content = d.fields.map((f) => `${f.label}: ${f.value}`).join('\n') + '\n';
  return {
    kind: 'fields',
    name: d.name,
    title: d.title,
    description: d.description,
    fields: [...d.fields],
    content,
    language: 'text',
    secretView: d.secretView,
    ...extras(d),
  };
}

/** Numbered steps as data (for the UI) and as the text file that is saved with the others. */
export function stepsOutput(d: {
  name: string;
  title: string;
  description: string;
  steps: readonly DeploymentStep[];
}): OutputDraft {
  const content = d.steps
    .map((s, i) => {
      const uses = s.outputs.length > 0 ? [`   Uses: ${s.outputs.join(', ')}`] : [];
      return [`${i + 1}. ${s.title}`, `   ${s.detail}`, ...uses].join('\n');
    })
    .join('\n\n');
  return {
    kind: 'steps',
    name: d.name,
    title: d.title,
    description: d.description,
    steps: d.steps.map((s) => ({ ...s, outputs: [...s.outputs] })),
    content: `${content}\n`,
    language: 'text',
  };
}

export const field = (label: string, value: string | number | boolean, secret = false): ExportField => ({
  label,
  value: String(value),
  secret,
});

export const SECRET_WARNING =
  'WARNING: this file contains secret values (included because you chose "Include secrets"). Keep it private, do not commit it, and delete it once the values are in place.';

const commentPrefix: Partial<Record<ExportLanguage, string>> = {
  shell: '# ',
  dotenv: '# ',
  python: '# ',
  powershell: '# ',
  javascript: '// ',
  csharp: '// ',
  text: '',
};

/** Puts the warning as a comment line at the top, after a shebang; JSON has no comments. */
function withWarningLine(content: string, language: ExportLanguage | undefined): string {
  const prefix = language === undefined ? '' : commentPrefix[language];
  if (prefix === undefined) return content;
  const line = `${prefix}${SECRET_WARNING}\n`;
  if (content.startsWith('#!')) {
    const eol = content.indexOf('\n');
    return `${content.slice(0, eol + 1)}${line}${content.slice(eol + 1)}`;
  }
  return `${line}${content}`;
}

/**
 * Marks which outputs hold secret values by looking for the values themselves, so the
 * flag cannot drift from the content, and adds the warning where secrets went in.
 */
export function finalize(ctx: ExportContext, drafts: readonly GroupedDraft[]): ExportOutput[] {
  const names: readonly SecretName[] = ['clientSecret', 'refreshToken'];
  const values = names.map((n) => ctx.reveal(n)).filter((v): v is string => v !== undefined);
  return drafts.map(({ secretView, ...d }) => {
    const carries = values.some((v) => d.content.includes(v) || (d.fields ?? []).some((f) => f.value.includes(v)));
    if (!carries) return { ...d, holdsSecret: secretView === true };
    const content = d.kind === 'file' ? withWarningLine(d.content, d.language) : d.content;
    return { ...d, content, holdsSecret: true, warning: SECRET_WARNING };
  });
}
