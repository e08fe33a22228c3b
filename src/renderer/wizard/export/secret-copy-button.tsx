import { Button } from '@fluentui/react-components';
import { CheckmarkRegular, KeyRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { Problem } from '../../../shared/problem';
import { useChannel } from '../../ipc/use-channel';

/**
 * "Copy value" for a stored secret: main reads the keychain at the press and writes the
 * clipboard; the value never comes to the window (issue 14.11).
 */
export function SecretCopyButton({
  profileId,
  secret,
  what,
  onProblem,
}: {
  readonly profileId: string;
  readonly secret: 'clientSecret' | 'refreshToken';
  /** Names the value for screen readers: "Copy value of SECRET_SMTP_OAUTH_CLIENT_SECRET". */
  readonly what: string;
  readonly onProblem: (problem: Problem | undefined) => void;
}) {
  const copy = useChannel('export:copy-secret');
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(false), 2000);
    return () => window.clearTimeout(timer);
  }, [copied]);
  const onClick = async (): Promise<void> => {
    onProblem(undefined);
    const done = await copy.run({ profileId, secret });
    setCopied(done !== undefined);
  };
  useEffect(() => {
    if (copy.state.status === 'error') onProblem(copy.state.problem);
  }, [copy.state, onProblem]);
  return (
    <Button
      size="small"
      appearance="secondary"
      icon={copied ? <CheckmarkRegular /> : <KeyRegular />}
      aria-label={copied ? `Copied the value of ${what}` : `Copy value of ${what}`}
      disabledFocusable={copy.state.status === 'pending'}
      onClick={() => void onClick()}
      data-testid="copy-secret"
    >
      {copied ? 'Copied' : 'Copy value'}
    </Button>
  );
}
