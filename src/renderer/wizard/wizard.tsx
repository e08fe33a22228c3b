import { makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { Problem } from '../../shared/problem';
import { targetPreset } from '../../shared/targets';
import { DelayedSpinner } from '../components/delayed-spinner';
import { ProblemView } from '../components/problem-view';
import { ResultRegion, settled } from '../components/result-region';
import { wizardSteps, type WizardStepId } from '../wizard-steps';
import { formIssues, issuesByField } from './form-issues';
import type { FieldBinding } from './form-field';
import { LeaveDialog } from './leave-dialog';
import { CreatedByAppNote } from './registration/created-by-app-note';
import { useEndAdminSignIn } from './registration/use-end-admin-sign-in';
import { AppRegistrationStep } from './steps/create-registration-step';
import { DetailsStep } from './steps/details-step';
import { ExportStep } from './steps/export-step';
import { SignInStep } from './steps/sign-in-step';
import { TargetStep } from './steps/target-step';
import { VerifyStep } from './steps/verify-step';
import { Stepper } from './stepper';
import { useDraft } from './use-draft';
import { focusField, useSaveDetails } from './use-save-details';
import { WizardFooter } from './wizard-footer';
import { initialState, wizardReducer, type WizardStart } from './wizard-state';

const useStyles = makeStyles({
  wizard: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '960px', width: '100%' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

const order = wizardSteps.map((s) => s.id);

export interface WizardProps {
  readonly start: WizardStart;
  /** A kept draft this wizard continues (removed once the profile is saved). */
  readonly draftId?: string;
  /** Shown at the top of the first step (why the form is prefilled). */
  readonly note?: string;
  /** `notice` tells the start screen what happened to the work (kept as a draft). */
  onClose(notice?: string): void;
}

/**
 * The six steps with a visible stepper, Back and Next. Nothing typed is lost: not on Back,
 * not after an error, not on Close (an unsaved new set-up is kept as a draft as it is
 * typed; unsaved changes to a saved profile are asked about).
 */
export function Wizard({ start, draftId, note, onClose }: WizardProps) {
  const styles = useStyles();
  const [state, dispatch] = useReducer(wizardReducer, start, initialState);
  const [registrationBlocksNext, setRegistrationBlocksNext] = useState(false);
  // Step 2's choice survives Back and Next; a profile made by hand reopens on the checklist.
  const [registrationMode, setRegistrationMode] = useState<'create' | 'manual'>(
    start.kind === 'profile' && !start.view.profile.registration ? 'manual' : 'create',
  );
  const blockNext = useCallback((b: boolean) => setRegistrationBlocksNext(b), []);
  const contentRef = useRef<HTMLDivElement>(null);
  const [leaving, setLeaving] = useState(false);
  // Set by "Discard changes": the wizard closes once the dialog has gone (see Modal).
  const leaveAfterDialog = useRef<'close' | 'show-problem' | undefined>(undefined);
  const { form, step } = state;
  const issues = formIssues(form);
  const byField = issuesByField(issues);
  const profile = state.view?.profile;
  const preset = form.targetId ? targetPreset(form.targetId) : undefined;
  const { save, saveDetails, focusProblem } = useSaveDetails(state, dispatch, issues, contentRef);
  const draft = useDraft({ enabled: !state.view, ...(draftId ? { initialId: draftId } : {}), form, step });
  useEndAdminSignIn(profile?.id, profile?.registration !== undefined);

  // Each step change moves focus to the step's heading, for keyboard and screen-reader users.
  useEffect(() => {
    contentRef.current?.querySelector<HTMLElement>('#step-title')?.focus();
  }, [step]);

  const binding: FieldBinding = {
    issue: (field) =>
      state.serverIssue?.field === field
        ? state.serverIssue
        : state.showAllIssues || state.touched.has(field)
          ? byField.get(field)
          : undefined,
    touch: (field) => dispatch({ type: 'touch', field }),
    apply: (field, value) => {
      dispatch({ type: 'update', patch: { [field]: value } });
      focusField(field);
    },
  };

  const reachable = new Set<WizardStepId>(['target']);
  if (preset) reachable.add('checklist').add('details');
  if (profile && !state.dirty) reachable.add('sign-in').add('export');
  if (
    profile &&
    !state.dirty &&
    (state.token || profile.tokenState.refreshTokenStoredAt || profile.flow === 'app-only')
  )
    reachable.add('verify');
  const done = new Set<WizardStepId>();
  if (preset) done.add('target').add('checklist');
  if (profile && !state.dirty) done.add('details');
  if (state.token) done.add('sign-in');
  if (state.verify?.report.ok) done.add('verify');

  const index = order.indexOf(step);
  const next = order[index + 1];
  const back = order[index - 1];

  const saveAndContinue = async (): Promise<void> => {
    const wasNew = !state.view;
    const saved = await saveDetails();
    if (!saved) return;
    // The profile is what is kept now: the draft it grew from goes.
    if (wasNew) await draft.discard();
    dispatch({ type: 'go', step: 'sign-in' });
  };

  const close = async (): Promise<void> => {
    if (state.view && state.dirty) {
      setLeaving(true);
      return;
    }
    if (!state.view && (await draft.flush()))
      onClose(
        `“${form.name.trim() || 'Untitled set-up'}” is kept as an unfinished set-up, its secret in the keychain. Continue it below.`,
      );
    else onClose();
  };
  const saveAndLeave = async (): Promise<void> => {
    if (step !== 'details') dispatch({ type: 'go', step: 'details' });
    const saved = await saveDetails();
    // Saved: close once the dialog has gone; not saved: the dialog goes and the field with the problem has focus.
    leaveAfterDialog.current = saved ? 'close' : 'show-problem';
    setLeaving(false);
  };

  // Target and checklist lead on as soon as a target is chosen; later steps once their input exists.
  const canAdvance =
    step === 'details' ||
    (next !== undefined && (step === 'checklist' ? !registrationBlocksNext : reachable.has(next)));
  const onNext = (): void => {
    if (step === 'export') onClose();
    else if (step === 'details') void saveAndContinue();
    else if (next && canAdvance) dispatch({ type: 'go', step: next });
  };
  const onVerifyFailed = useCallback((problem: Problem) => dispatch({ type: 'verify-failed', problem }), []);
  const checkFailure =
    state.verifyFailure ?? (state.verify?.report.ok === false ? state.verify.report.problem : undefined);
  const saveProblem = save.state.status === 'error' ? save.state.problem : undefined;

  return (
    <div className={styles.wizard}>
      <Stepper current={step} reachable={reachable} done={done} onGo={(s) => dispatch({ type: 'go', step: s })} />
      <div className={styles.content} ref={contentRef} data-step={step}>
        {note && !state.view && (
          <MessageBar intent="info" layout="multiline" data-testid="wizard-note">
            <MessageBarBody>{note}</MessageBarBody>
          </MessageBar>
        )}
        {step === 'target' && (
          <TargetStep value={form.targetId} onChange={(targetId) => dispatch({ type: 'target', targetId })} />
        )}
        {step === 'checklist' && preset && (
          <AppRegistrationStep
            preset={preset}
            form={form}
            view={state.view}
            onCreated={(view) => dispatch({ type: 'created', view })}
            onRemoved={onClose}
            onBlockNext={blockNext}
            mode={registrationMode}
            onMode={setRegistrationMode}
          />
        )}
        {step === 'details' && profile?.registration && <CreatedByAppNote profile={profile} />}
        {step === 'details' && preset && (
          <DetailsStep
            preset={preset}
            form={form}
            update={(patch) => dispatch({ type: 'update', patch })}
            binding={binding}
          />
        )}
        {step === 'sign-in' && profile && (
          <SignInStep profile={profile} token={state.token} onToken={(token) => dispatch({ type: 'token', token })} />
        )}
        {step === 'verify' && profile && (
          <VerifyStep
            profile={profile}
            token={state.token}
            verify={state.verify}
            onVerified={(verify) => dispatch({ type: 'verified', verify })}
            onFailed={onVerifyFailed}
          />
        )}
        {step === 'export' && profile && preset && (
          <ExportStep
            profile={profile}
            targetLabel={preset.label}
            onSignIn={() => dispatch({ type: 'go', step: 'sign-in' })}
          />
        )}
        {step === 'details' && (
          // A problem that is not about one field (the keychain, the disk) is shown and focused here.
          <ResultRegion
            focusKey={saveProblem && !saveProblem.field ? settled(save.state) : undefined}
            label="Save result"
          >
            {saveProblem && !saveProblem.field && <ProblemView problem={saveProblem} />}
            {save.state.status === 'pending' && <DelayedSpinner label="Saving…" />}
          </ResultRegion>
        )}
      </div>
      <WizardFooter
        step={step}
        back={back}
        canAdvance={canAdvance}
        saving={save.state.status === 'pending'}
        onBack={() => back && dispatch({ type: 'go', step: back })}
        onNext={onNext}
        onClose={() => void close()}
        draft={state.view ? undefined : draft.status}
        checkFailure={step === 'verify' ? checkFailure : undefined}
        targetLabel={preset?.label}
        support={{
          ...(profile ? { profileId: profile.id } : {}),
          ...((saveProblem ?? checkFailure) ? { problem: saveProblem ?? checkFailure } : {}),
          ...(state.verify ? { transcript: state.verify.report.transcript } : {}),
        }}
      />
      <LeaveDialog
        name={profile?.name ?? ''}
        open={leaving}
        saving={save.state.status === 'pending'}
        onStay={() => setLeaving(false)}
        onDiscard={() => {
          leaveAfterDialog.current = 'close';
          setLeaving(false);
        }}
        onSave={() => void saveAndLeave()}
        onClosed={() => {
          const then = leaveAfterDialog.current;
          leaveAfterDialog.current = undefined;
          if (then === 'close') onClose();
          else if (then === 'show-problem') focusProblem();
          else document.querySelector<HTMLElement>('[data-testid="wizard-close"]')?.focus();
        }}
      />
    </div>
  );
}
