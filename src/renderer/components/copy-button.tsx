import { Button, Tooltip } from '@fluentui/react-components';
import { CheckmarkRegular, CopyRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { invoke } from '../ipc/wizard-client';

/**
 * Copies through main's clipboard port (the sandboxed window is denied the clipboard
 * permission). `what` names the value for screen readers: "Copy Set-CASMailbox command".
 */
export function CopyButton({
  text,
  what,
  showLabel = false,
}: {
  readonly text: string;
  readonly what: string;
  readonly showLabel?: boolean;
}) {
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  useEffect(() => {
    if (copied === 'no') return;
    const timer = window.setTimeout(() => setCopied('no'), 2000);
    return () => window.clearTimeout(timer);
  }, [copied]);
  const label = copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Copy failed' : `Copy ${what}`;
  const onClick = async (): Promise<void> => {
    const result = await invoke('clipboard:write', { text });
    setCopied(result.ok ? 'yes' : 'failed');
  };
  const button = (
    <Button
      appearance={showLabel ? 'secondary' : 'subtle'}
      size="small"
      icon={copied === 'yes' ? <CheckmarkRegular /> : <CopyRegular />}
      aria-label={label}
      onClick={() => void onClick()}
    >
      {showLabel ? (copied === 'yes' ? 'Copied' : 'Copy') : undefined}
    </Button>
  );
  return showLabel ? (
    button
  ) : (
    <Tooltip content={label} relationship="label">
      {button}
    </Tooltip>
  );
}
