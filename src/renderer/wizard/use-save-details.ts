import { useCallback, useEffect, type Dispatch, type RefObject } from 'react';
import type { ProfileView } from '../../shared/ipc-contract';
import type { Problem } from '../../shared/problem';
import type { FieldIssue } from '../../shared/profile-validation';
import { useChannel } from '../ipc/use-channel';
import { hasErrors } from './form-issues';
import { draftOf, secretsOf } from './wizard-form';
import type { WizardAction, WizardState } from './wizard-state';

/**
 * Focuses a field (unless it has focus already: the user is typing there) and brings it
 * into view with its message, clear of the sticky Back/Next bar (the page's scroll padding).
 */
export function focusField(field: string): void {
  const el = document.getElementById(`field-${field}`);
  if (!el) return;
  if (document.activeElement !== el) el.focus({ preventScroll: true });
  (el.closest('[data-field]') ?? el).scrollIntoView({ block: 'nearest' });
}

/** A problem main found in one field, in the words the field shows under it. */
const fieldIssueOf = (p: Problem): FieldIssue | undefined =>
  p.field
    ? {
        field: p.field,
        severity: 'error',
        message: p.code === 'PROFILE_INVALID' ? p.explanation : `${p.title}. ${[...p.fixSteps].join(' ')}`,
      }
    : undefined;

/**
 * Save of the Details step. An empty or invalid form focuses its first invalid field in
 * the order the form shows them; a problem main raises about a field appears under that
 * field and takes focus; any other problem is shown where focus goes (the result region).
 */
export function useSaveDetails(
  state: WizardState,
  dispatch: Dispatch<WizardAction>,
  issues: readonly FieldIssue[],
  contentRef: RefObject<HTMLElement | null>,
) {
  const save = useChannel('profiles:save');
  const { form, view, dirty } = state;

  // A problem about one field goes under that field, and focus goes there.
  const problem = save.state.status === 'error' ? save.state.problem : undefined;
  useEffect(() => {
    const issue = problem && fieldIssueOf(problem);
    dispatch({ type: 'server-issue', issue });
    if (issue) window.setTimeout(() => focusField(issue.field), 0);
  }, [problem, dispatch]);

  const focusFirstInvalid = useCallback(() => {
    const bad = new Set(issues.filter((i) => i.severity === 'error').map((i) => i.field));
    const inFormOrder = [...(contentRef.current?.querySelectorAll<HTMLElement>('[data-field]') ?? [])]
      .map((el) => el.dataset.field ?? '')
      .find((f) => bad.has(f));
    focusField(inFormOrder ?? issues.find((i) => i.severity === 'error')?.field ?? '');
  }, [issues, contentRef]);

  /** Saves (or finds nothing to save); the saved view, or undefined when it did not save. */
  const saveDetails = async (): Promise<ProfileView | undefined> => {
    if (hasErrors(issues)) {
      dispatch({ type: 'show-all-issues' });
      // After the render that shows every message, so the focused field is announced with its message.
      window.setTimeout(focusFirstInvalid, 0);
      return undefined;
    }
    if (!dirty && view) return view;
    const saved = await save.run({
      ...(view ? { id: view.profile.id } : {}),
      draft: draftOf(form),
      secrets: secretsOf(form),
    });
    if (saved) {
      dispatch({ type: 'saved', view: saved });
      return saved;
    }
    return undefined;
  };

  /** Focus where the last Save's problem is: the field main named, else the first invalid field. */
  const focusProblem = (): void => {
    const issue = problem && fieldIssueOf(problem);
    if (issue) focusField(issue.field);
    else if (hasErrors(issues)) focusFirstInvalid();
  };

  return { save, saveDetails, focusProblem };
}
