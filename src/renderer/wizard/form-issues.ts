import { validateProfileDraft, type FieldIssue } from '../../shared/profile-validation';
import type { ProfileDraft } from '../../shared/profile';
import { draftOf, secretsOf, type WizardForm } from './wizard-form';

/**
 * The form's problems, field by field, from the same pure validation core runs before any
 * network call, plus what only the form knows (a certificate file not picked yet).
 */
export function formIssues(form: WizardForm): FieldIssue[] {
  const { credential, ...rest } = draftOf(form);
  // Certificate facts are computed in main from the file, so validation sees only the other kinds.
  const draft: Partial<ProfileDraft> = credential.kind === 'certificate' ? rest : { ...rest, credential };
  const issues = validateProfileDraft(draft, secretsOf(form));
  if (form.credentialKind === 'certificate' && !form.certificate && !form.stored.certificate) {
    issues.push({
      field: 'certificate',
      severity: 'error',
      message:
        'Certificate: choose the certificate file (PEM or PFX) whose public part you uploaded under Certificates & secrets.',
    });
  }
  if (!form.name.trim()) {
    issues.push({
      field: 'name',
      severity: 'error',
      message: 'Profile name: give it a name you will recognize, such as the client and mailbox.',
    });
  }
  return issues;
}

/** The most important issue per field: errors before warnings. */
export function issuesByField(issues: readonly FieldIssue[]): ReadonlyMap<string, FieldIssue> {
  const map = new Map<string, FieldIssue>();
  for (const issue of issues) {
    const have = map.get(issue.field);
    if (!have || (have.severity === 'warning' && issue.severity === 'error')) map.set(issue.field, issue);
  }
  return map;
}

export const hasErrors = (issues: readonly FieldIssue[]): boolean => issues.some((i) => i.severity === 'error');
