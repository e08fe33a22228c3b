import { Button } from '@fluentui/react-components';
import { useMemo } from 'react';
import { DelayedSpinner } from '../components/delayed-spinner';
import { ProblemView } from '../components/problem-view';
import { useChannelOnMount } from '../ipc/use-channel';
import { formOfDraft } from '../wizard/draft-form';
import { Wizard } from '../wizard/wizard';

/** Continues a kept draft exactly where it was left: the same step, every field as typed. */
export function DraftScreen({ draftId, onClose }: { readonly draftId: string; onClose(notice?: string): void }) {
  const request = useMemo(() => ({ id: draftId }), [draftId]);
  const loaded = useChannelOnMount('drafts:get', request);
  if (loaded.status === 'error')
    return (
      <ProblemView problem={loaded.problem} actions={<Button onClick={() => onClose()}>Back to the start</Button>} />
    );
  if (loaded.status !== 'ok') return <DelayedSpinner label="Opening the unfinished set-up…" />;
  const d = loaded.value;
  return (
    <Wizard
      start={{ kind: 'draft', form: formOfDraft(d), step: d.step }}
      draftId={d.id}
      {...(d.secretsKept
        ? {}
        : { note: 'The keychain could not keep this set-up’s secret: enter the client secret or certificate again.' })}
      onClose={onClose}
    />
  );
}
