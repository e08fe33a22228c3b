import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftSaved } from '../../shared/draft';
import type { Problem } from '../../shared/problem';
import { invoke } from '../ipc/wizard-client';
import { draftFormOf, draftSecretsOf, hasTypedInput } from './draft-form';
import type { WizardForm } from './wizard-form';
import type { WizardStepId } from '../wizard-steps';

/** How long typing may pause before the draft is written (each keystroke would be a keychain write). */
const SAVE_AFTER_MS = 600;

export type DraftStatus =
  | { readonly kind: 'none' }
  | { readonly kind: 'kept'; readonly saved: DraftSaved }
  | { readonly kind: 'failed'; readonly problem: Problem };

/**
 * Keeps an unsaved new set-up as a draft while the user types, so Close, a crash or a
 * power cut loses nothing. `enabled` is false once the profile is saved (the profile is
 * then what is kept). `flush` writes now (Close), `discard` removes it (saved or thrown away).
 */
export function useDraft(opts: {
  readonly enabled: boolean;
  readonly initialId?: string;
  readonly form: WizardForm;
  readonly step: WizardStepId;
}) {
  const { enabled, form, step } = opts;
  const id = useRef<string | undefined>(opts.initialId);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  // Set by discard: a timer that fires afterwards must not bring the draft back.
  const done = useRef(false);
  const [status, setStatus] = useState<DraftStatus>({ kind: 'none' });
  // Once kept, a draft follows every change (even back to empty fields); before, only typed input starts one.
  const [exists, setExists] = useState(opts.initialId !== undefined);
  const wanted = enabled && (exists || hasTypedInput(form));
  const draftStep = step === 'target' || step === 'checklist' ? step : 'details';

  const write = useCallback(
    (): Promise<void> =>
      // One write at a time, in order: a slow keychain never lets an older form overwrite a newer one.
      (chain.current = chain.current.then(async () => {
        if (done.current) return;
        const result = await invoke('drafts:save', {
          ...(id.current ? { id: id.current } : {}),
          step: draftStep,
          form: draftFormOf(form),
          secrets: draftSecretsOf(form),
        });
        if (result.ok) {
          id.current = result.value.id;
          setExists(true);
          setStatus({ kind: 'kept', saved: result.value });
        } else setStatus({ kind: 'failed', problem: result.problem });
      })) as Promise<void>,
    [form, draftStep],
  );

  useEffect(() => {
    if (!wanted) return;
    const timer = window.setTimeout(() => void write(), SAVE_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [wanted, write]);

  const flush = useCallback(async (): Promise<boolean> => {
    if (!wanted) return false;
    await write();
    return true;
  }, [wanted, write]);

  const discard = useCallback(async (): Promise<void> => {
    done.current = true;
    await chain.current;
    const current = id.current;
    id.current = undefined;
    if (current) await invoke('drafts:delete', { id: current });
    setStatus({ kind: 'none' });
  }, []);

  return { status, flush, discard };
}
