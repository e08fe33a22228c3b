import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular, ArrowRightRegular, DismissRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { ProfileView } from '../../shared/ipc-contract';
import { targetPreset } from '../../shared/targets';
import { ProblemView } from '../components/problem-view';
import { SupportReportButton } from '../components/support-report-button';
import { DelayedSpinner } from '../components/delayed-spinner';
import { useChannel } from '../ipc/use-channel';
import { wizardSteps, type WizardStepId } from '../wizard-steps';
import { formIssues, hasErrors, issuesByField } from './form-issues';
import type { FieldBinding } from './form-field';
import { AppRegistrationStep } from './steps/create-registration-step';
import { CreatedByAppNote } from './registration/created-by-app-note';
import { DetailsStep } from './steps/details-step';
import { ExportStep } from './steps/export-step';
import { SignInStep } from './steps/sign-in-step';
import { TargetStep } from './steps/target-step';
import { VerifyStep } from './steps/verify-step';
import { Stepper } from './stepper';
import { draftOf, secretsOf } from './wizard-form';
import { initialState, wizardReducer } from './wizard-state';

const useStyles = makeStyles({
  wizard: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '960px', width: '100%' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  footer: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    flexWrap: 'wrap',
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBlock: tokens.spacingVerticalM,
    // Back and Next stay in reach on long steps at 900 x 640.
    position: 'sticky',
    bottom: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  spacer: { flexGrow: 1 },
});

const order = wizardSteps.map((s) => s.id);

export interface WizardProps {
  readonly view: ProfileView | undefined;
  readonly startStep?: WizardStepId;
  onClose(): void;
}

/** The six steps with a visible stepper, Back and Next; nothing typed is lost on Back or after an error. */
export function Wizard({ view, startStep, onClose }: WizardProps) {
  const styles = useStyles();
  const [state, dispatch] = useReducer(wizardReducer, undefined, () => initialState(view, startStep));
  const save = useChannel('profiles:save');
  const [registrationBlocksNext, setRegistrationBlocksNext] = useState(false);
  // Step 2's choice survives Back and Next; a profile made by hand reopens on the checklist.
  const [registrationMode, setRegistrationMode] = useState<'create' | 'manual'>(
    view && !view.profile.registration ? 'manual' : 'create',
  );
  const blockNext = useCallback((b: boolean) => setRegistrationBlocksNext(b), []);
  const contentRef = useRef<HTMLDivElement>(null);
  const { form, step } = state;
  const issues = formIssues(form);
  const byField = issuesByField(issues);
  const profile = state.view?.profile;
  const preset = form.targetId ? targetPreset(form.targetId) : undefined;

  // Each step change moves focus to the step's heading, for keyboard and screen-reader users.
  useEffect(() => {
    contentRef.current?.querySelector<HTMLElement>('#step-title')?.focus();
  }, [step]);

  const binding: FieldBinding = {
    issue: (field) => (state.showAllIssues || state.touched.has(field) ? byField.get(field) : undefined),
    touch: (field) => dispatch({ type: 'touch', field }),
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
    if (hasErrors(issues)) {
      dispatch({ type: 'show-all-issues' });
      const first = issues.find((i) => i.severity === 'error');
      window.setTimeout(() => document.getElementById(`field-${first?.field ?? ''}`)?.focus(), 0);
      return;
    }
    if (!state.dirty && state.view) {
      dispatch({ type: 'go', step: 'sign-in' });
      return;
    }
    const saved = await save.run({
      ...(state.view ? { id: state.view.profile.id } : {}),
      draft: draftOf(form),
      secrets: secretsOf(form),
    });
    if (saved) {
      dispatch({ type: 'saved', view: saved });
      dispatch({ type: 'go', step: 'sign-in' });
    }
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
  const shownProblem = save.state.status === 'error' ? save.state.problem : state.verify?.report.problem;

  return (
    <div className={styles.wizard}>
      <Stepper current={step} reachable={reachable} done={done} onGo={(s) => dispatch({ type: 'go', step: s })} />
      <div className={styles.content} ref={contentRef} data-step={step}>
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
          />
        )}
        {step === 'export' && profile && preset && <ExportStep profileId={profile.id} targetLabel={preset.label} />}
        {step === 'details' && save.state.status === 'error' && <ProblemView problem={save.state.problem} />}
        {step === 'details' && save.state.status === 'pending' && <DelayedSpinner label="Saving…" />}
      </div>
      <div className={styles.footer}>
        <Button
          icon={<ArrowLeftRegular />}
          disabled={!back}
          onClick={() => back && dispatch({ type: 'go', step: back })}
        >
          Back
        </Button>
        <Button
          appearance="primary"
          icon={step === 'export' ? undefined : <ArrowRightRegular />}
          iconPosition="after"
          disabled={(step !== 'export' && !canAdvance) || save.state.status === 'pending'}
          onClick={onNext}
        >
          {step === 'details' ? 'Save and continue' : step === 'export' ? 'Finish' : 'Next'}
        </Button>
        <span className={styles.spacer} />
        <SupportReportButton
          context={{
            ...(profile ? { profileId: profile.id } : {}),
            ...(shownProblem ? { problem: shownProblem } : {}),
            ...(state.verify ? { transcript: state.verify.report.transcript } : {}),
          }}
        />
        <Button appearance="subtle" icon={<DismissRegular />} onClick={onClose}>
          Close
        </Button>
      </div>
    </div>
  );
}
