import { Button, makeStyles, Radio, RadioGroup, Field, Text, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { ProfileView, RegistrationOutcome } from '../../../shared/ipc-contract';
import type { TargetId } from '../../../shared/profile';
import { registrationDone, registrationPlan, type RegistrationStepId } from '../../../shared/registration-plan';
import type { NewSetupDefaults } from '../../../shared/settings';
import { ProblemView } from '../../components/problem-view';
import { useChannel } from '../../ipc/use-channel';
import { useOperation } from '../../ipc/use-operation';
import { invoke } from '../../ipc/wizard-client';
import { DeviceCodePanel } from '../device-code-panel';
import type { FieldBinding } from '../form-field';
import { OperationProgress } from '../operation-progress';
import {
  initialRegistrationForm,
  registrationFormIssues,
  startRequestOf,
  updateRegistrationForm,
  type RegistrationForm,
} from './registration-form';
import { RegistrationPreview } from './registration-preview';
import { RegistrationResult } from './registration-result';
import { RegistrationSetup } from './registration-setup';
import { RegistrationStepsView } from './registration-steps-view';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

const STEP_STAGES: readonly string[] = ['application', 'credential', 'servicePrincipal', 'consent', 'ready'];
/** Failures after which the next try should let another administrator sign in. */
const OTHER_ADMIN = new Set(['GRAPH_ROLE_MISSING', 'REGISTRATION_WRONG_TENANT', 'ADMIN_CLIENT_NEEDS_CONSENT']);

export interface CreateRegistrationPanelProps {
  readonly targetId: TargetId;
  readonly mailbox: string;
  readonly defaults: NewSetupDefaults;
  /** The profile of a set-up started earlier (Continue), if any. */
  readonly view: ProfileView | undefined;
  onCreated(view: ProfileView): void;
  onRemoved(): void;
}

/** "Create it for me": choices and preview, the admin's sign-in, progress, failure with Continue, result. */
export function CreateRegistrationPanel(p: CreateRegistrationPanelProps) {
  const styles = useStyles();
  const [form, setForm] = useState<RegistrationForm>(() => {
    const f = initialRegistrationForm(p.targetId, p.view?.profile.mailbox ?? p.mailbox, p.defaults);
    const rec = p.view?.profile.registration;
    return rec
      ? {
          ...f,
          name: p.view?.profile.name ?? f.name,
          nameTouched: true,
          appName: rec.appName,
          appNameTouched: true,
          credential: rec.credentialKind,
          secretLifetimeMonths: rec.secretLifetimeMonths,
        }
      : f;
  });
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showIssues, setShowIssues] = useState(false);
  const [view, setView] = useState<ProfileView | undefined>(p.view?.profile.registration ? p.view : undefined);
  const [outcome, setOutcome] = useState<RegistrationOutcome | undefined>(undefined);
  const [runningStep, setRunningStep] = useState<RegistrationStepId | undefined>(undefined);
  const start = useChannel('registration:start');
  const run = useOperation('registration:run');
  const remove = useOperation('registration:remove');

  const issues = registrationFormIssues(form);
  const binding: FieldBinding = {
    issue: (field) => {
      const i = issues.find((x) => x.field === field);
      return i && (showIssues || touched.has(field)) ? { field, severity: 'error', message: i.message } : undefined;
    },
    touch: (field) => setTouched((t) => (t.has(field) ? t : new Set([...t, field]))),
  };
  const plan = useMemo(
    () =>
      registrationPlan({
        targetId: p.targetId,
        cloud: form.cloud,
        appName: form.appName,
        credential: form.credential,
        secretLifetimeMonths: form.secretLifetimeMonths,
      }),
    [p.targetId, form.cloud, form.appName, form.credential, form.secretLifetimeMonths],
  );
  // The step being worked on: progress names it; a "waiting" event keeps the last one.
  const progressStage = run.progress?.stage;
  if (
    run.state.status === 'pending' &&
    progressStage &&
    STEP_STAGES.includes(progressStage) &&
    progressStage !== runningStep
  )
    setRunningStep(progressStage as RegistrationStepId);

  const profile = outcome?.view.profile ?? view?.profile;
  const record = profile?.registration;
  const done = registrationDone(record);
  const pending = start.state.status === 'pending' || run.state.status === 'pending';
  const problem =
    run.state.status === 'error' ? run.state.problem : start.state.status === 'error' ? start.state.problem : undefined;

  const refresh = async (id: string): Promise<void> => {
    const r = await invoke('profiles:get', { id });
    if (r.ok) setView(r.value);
  };

  const create = async (patch: Partial<RegistrationForm> = {}, newSignIn = false): Promise<void> => {
    const next = updateRegistrationForm(form, p.targetId, patch);
    if (Object.keys(patch).length) setForm(next);
    if (registrationFormIssues(next).length > 0) {
      setShowIssues(true);
      return;
    }
    setRunningStep(undefined);
    const started = await start.run(startRequestOf(next, p.targetId, view?.profile.id));
    if (!started) return;
    setView(started);
    const result = await run.run({ profileId: started.profile.id, method: next.method, newSignIn });
    setRunningStep(undefined);
    if (result) {
      setOutcome(result);
      setView(result.view);
      p.onCreated(result.view);
    } else await refresh(started.profile.id);
  };

  if (profile && done) {
    return (
      <div className={styles.box}>
        <RegistrationResult
          profile={profile}
          exchangeCommands={outcome?.exchangeCommands ?? []}
          removing={remove.state.status === 'pending'}
          onRemove={() =>
            void remove.run({ profileId: profile.id, method: form.method }).then((r) => {
              if (r) p.onRemoved();
            })
          }
        />
        <RegistrationStepsView profile={profile} failed={false} />
        {remove.state.status === 'pending' && (
          <OperationProgress
            label="Removing the app registration…"
            progress={remove.progress}
            onCancel={remove.cancel}
          />
        )}
        {remove.state.status === 'error' && <ProblemView problem={remove.state.problem} />}
      </div>
    );
  }

  const started = record !== undefined && Object.keys(record.steps).length > 0;
  const setupProps = {
    form,
    update: (patch: Partial<RegistrationForm>) => setForm((f) => updateRegistrationForm(f, p.targetId, patch)),
    binding,
    certificateAllowed: plan.certificateAllowed,
    lockedApp: record?.steps.application !== undefined,
    lockedCredential: record?.steps.credential !== undefined,
  };
  const organisation = record?.tenantName ?? (form.tenant.trim() || form.mailbox.split('@')[1] || 'your organisation');
  return (
    <div className={styles.box}>
      <RegistrationSetup part="who" {...setupProps} />
      {!started && <RegistrationPreview plan={plan} organisation={organisation} />}
      <RegistrationSetup part="how" {...setupProps} />
      {(started || pending) && profile && (
        <RegistrationStepsView
          profile={profile}
          failed={!pending && problem !== undefined}
          {...(pending && runningStep ? { running: runningStep } : {})}
        />
      )}
      <Field label="Where the administrator signs in">
        <RadioGroup
          disabled={pending}
          value={form.method}
          onChange={(_e, d) =>
            setForm((f) => ({
              ...f,
              method: d.value === 'system-browser' || d.value === 'device-code' ? d.value : 'embedded',
            }))
          }
        >
          <Radio value="embedded" label="In a sign-in window of this app" />
          <Radio value="system-browser" label="In my web browser" />
          <Radio value="device-code" label="With a code, on another device" />
        </RadioGroup>
      </Field>
      {run.state.status === 'pending' && form.method === 'device-code' && run.progress?.stage === 'device-code' ? (
        <DeviceCodePanel
          progress={run.progress}
          mailbox=""
          note="An administrator (Cloud Application Administrator, Application Administrator or Global Administrator) opens the page, enters the code and signs in."
          onCancel={run.cancel}
        />
      ) : pending ? (
        <OperationProgress label="Creating the app registration…" progress={run.progress} onCancel={run.cancel} />
      ) : (
        <div className={styles.row}>
          <Button
            appearance="primary"
            onClick={() => void create({}, problem !== undefined && OTHER_ADMIN.has(problem.code))}
          >
            {started || problem ? 'Continue' : 'Sign in as an administrator and create'}
          </Button>
          {started && <Text size={200}>What exists is kept and reused; only what is missing is created.</Text>}
        </div>
      )}
      {problem && !pending && (
        <ProblemView
          problem={problem}
          actions={
            problem.code === 'GRAPH_SECRETS_BLOCKED' && plan.certificateAllowed ? (
              <Button onClick={() => void create({ credential: 'certificate' })}>Use a certificate instead</Button>
            ) : problem.code === 'GRAPH_SECRET_LIFETIME_POLICY' ? (
              <Button onClick={() => void create({ secretLifetimeMonths: 6 })}>Use a 6-month secret</Button>
            ) : OTHER_ADMIN.has(problem.code) ? (
              <Button onClick={() => void create({}, true)}>Sign in as another administrator</Button>
            ) : undefined
          }
        />
      )}
    </div>
  );
}
