import { Button, Tooltip } from '@fluentui/react-components';
import { CheckmarkRegular, DocumentCopyRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Problem } from '../../shared/problem';
import { invoke } from '../ipc/wizard-client';

export interface SupportContext {
  readonly profileId?: string;
  readonly problem?: Problem;
  readonly transcript?: readonly string[];
}

/** Builds the redacted support report in main and copies it, ready for a helpdesk ticket. */
export function SupportReportButton({ context }: { readonly context: SupportContext }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async (): Promise<void> => {
    const report = await invoke('support:report', {
      ...(context.profileId ? { profileId: context.profileId } : {}),
      ...(context.problem ? { problem: context.problem } : {}),
      ...(context.transcript ? { transcript: [...context.transcript] } : {}),
    });
    const copied = report.ok ? await invoke('clipboard:write', { text: report.value.text }) : report;
    setState(copied.ok ? 'copied' : 'failed');
    window.setTimeout(() => setState('idle'), 2500);
  };
  return (
    <Tooltip content="A redacted summary for your helpdesk: no secrets, no tokens." relationship="description">
      <Button icon={state === 'copied' ? <CheckmarkRegular /> : <DocumentCopyRegular />} onClick={() => void copy()}>
        {state === 'copied'
          ? 'Support report copied'
          : state === 'failed'
            ? 'Could not copy the report'
            : 'Copy support report'}
      </Button>
    </Tooltip>
  );
}
