import { Button } from '@fluentui/react-components';
import { useMemo } from 'react';
import { DelayedSpinner } from '../components/delayed-spinner';
import { ProblemView } from '../components/problem-view';
import { useChannelOnMount } from '../ipc/use-channel';
import { Wizard } from '../wizard/wizard';
import type { WizardStepId } from '../wizard-steps';

/** Opens the wizard on a saved profile, loaded first. */
export function WizardScreen({
  profileId,
  step,
  onClose,
}: {
  readonly profileId: string;
  readonly step?: WizardStepId;
  onClose(notice?: string): void;
}) {
  const request = useMemo(() => ({ id: profileId }), [profileId]);
  const loaded = useChannelOnMount('profiles:get', request);
  if (loaded.status === 'error')
    return (
      <ProblemView problem={loaded.problem} actions={<Button onClick={() => onClose()}>Back to the start</Button>} />
    );
  if (loaded.status !== 'ok') return <DelayedSpinner label="Opening the profile…" />;
  return <Wizard start={{ kind: 'profile', view: loaded.value, ...(step ? { step } : {}) }} onClose={onClose} />;
}
