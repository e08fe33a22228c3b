import { useEffect } from 'react';
import type { FieldIssue } from '../../shared/profile-validation';
import { useChannel } from '../ipc/use-channel';
import { focusField } from './use-save-details';
import type { WizardForm } from './wizard-form';

/** A pause in typing the PFX password before the file is tried with it. */
const CHECK_AFTER_MS = 400;

/**
 * Opens the picked certificate in main as soon as it is chosen (and again as the PFX
 * password is typed), so a wrong password or a key without its certificate shows under
 * its field and takes focus there, instead of surfacing at Save at the bottom of the page.
 */
export function useCertificateCheck(form: WizardForm) {
  const { state, run, reset } = useChannel('certificate:check');
  const cert = form.credentialKind === 'certificate' ? form.certificate : undefined;
  const password = cert?.source === 'pfx' ? form.pfxPassword : undefined;

  useEffect(() => {
    if (!cert) {
      reset();
      return;
    }
    const timer = window.setTimeout(
      () => void run({ source: cert.source, content: cert.content, ...(password !== undefined ? { password } : {}) }),
      password ? CHECK_AFTER_MS : 0,
    );
    return () => window.clearTimeout(timer);
  }, [cert, password, run, reset]);

  const problem = state.status === 'error' ? state.problem : undefined;
  // A PFX tried without a password yet is a prompt, not a mistake.
  const waitingForPassword = problem?.code === 'PFX_WRONG_PASSWORD' && !password;
  const field = problem?.field === 'pfxPassword' ? 'pfxPassword' : 'certificate';

  useEffect(() => {
    if (!problem) return;
    // Where the eye is: the field the problem is about takes focus (the password box while typing keeps it).
    focusField(field);
  }, [problem, field]);

  const issue = (name: 'certificate' | 'pfxPassword'): FieldIssue | undefined => {
    if (!problem || name !== field) return undefined;
    if (waitingForPassword)
      return { field, severity: 'warning', message: 'PFX password: this file is protected; enter its password.' };
    return { field, severity: 'error', message: `${problem.title}. ${problem.fixSteps.join(' ')}` };
  };
  const opened =
    state.status === 'ok'
      ? `Opens: ${state.value.subject}, valid until ${state.value.notAfter.slice(0, 10)} (SHA-1 ${state.value.thumbprintSha1}).`
      : undefined;
  return { issue, opened, pending: state.status === 'pending' };
}
