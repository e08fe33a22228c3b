import { makeStyles, Radio, RadioGroup, Text, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import type { ProfileView } from '../../../shared/ipc-contract';
import { registrationDone } from '../../../shared/registration-plan';
import { newSetupDefaultsSchemaDefaults } from '../registration/setup-defaults';
import type { TargetPreset } from '../../../shared/targets';
import { useChannelOnMount } from '../../ipc/use-channel';
import { CreateRegistrationPanel } from '../registration/create-registration-panel';
import { StepHeading } from '../step-heading';
import type { WizardForm } from '../wizard-form';
import { ChecklistStep } from './checklist-step';

const useStyles = makeStyles({
  choice: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalM,
  },
});

const noRequest = undefined;

export interface AppRegistrationStepProps {
  readonly preset: TargetPreset;
  readonly form: WizardForm;
  readonly view: ProfileView | undefined;
  onCreated(view: ProfileView): void;
  onRemoved(): void;
  /** Next waits while "Create it for me" is chosen and not done. */
  onBlockNext(blocked: boolean): void;
  readonly mode: 'create' | 'manual';
  onMode(mode: 'create' | 'manual'): void;
}

/**
 * Step 2: "Create it for me" first (one administrator sign-in does the portal's work through
 * Microsoft Graph), "I'll do it myself" as the checklist it always was.
 */
export function AppRegistrationStep({
  preset,
  form,
  view,
  onCreated,
  onRemoved,
  onBlockNext,
  mode,
  onMode,
}: AppRegistrationStepProps) {
  const styles = useStyles();
  const made = view?.profile.registration !== undefined;
  const settings = useChannelOnMount('settings:get', noRequest);
  const created = registrationDone(view?.profile.registration);
  useEffect(() => onBlockNext(mode === 'create' && !created), [mode, created, onBlockNext]);
  const choice = (
    <RadioGroup
      className={styles.choice}
      aria-label="Who makes the app registration"
      value={mode}
      disabled={made}
      onChange={(_e, d) => onMode(d.value === 'manual' ? 'manual' : 'create')}
    >
      <Radio
        value="create"
        label="Create it for me (recommended): an administrator signs in once and the app creates the registration, its secret or certificate and the admin consent"
      />
      <Radio value="manual" label="I’ll do it myself: a checklist for the Entra admin center" />
    </RadioGroup>
  );
  if (mode === 'manual') return <ChecklistStep preset={preset} form={form} above={choice} />;
  return (
    <>
      <StepHeading
        title={`Create the app registration for ${preset.label}`}
        intro="One administrator sign-in does what would be about 25 clicks in the Entra admin center. You see everything before it is created."
      />
      {choice}
      {settings.status === 'pending' || settings.status === 'idle' ? (
        <Text>Loading…</Text>
      ) : (
        <CreateRegistrationPanel
          targetId={preset.id}
          mailbox={form.mailbox}
          defaults={settings.status === 'ok' ? settings.value.newSetup : newSetupDefaultsSchemaDefaults}
          view={view}
          onCreated={onCreated}
          onRemoved={onRemoved}
        />
      )}
    </>
  );
}
