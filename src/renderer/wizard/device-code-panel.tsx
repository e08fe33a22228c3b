import { Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { OpenRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import type { ProgressEvent } from '../../shared/ipc-contract';
import { CopyButton } from '../components/copy-button';
import { invoke } from '../ipc/wizard-client';
import { OperationProgress } from './operation-progress';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeHero800,
    lineHeight: tokens.lineHeightHero800,
    fontWeight: tokens.fontWeightSemibold,
    letterSpacing: '0.15em',
  },
  url: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
});

/**
 * Device code sign-in while it waits: the code, large, with Copy; the page to enter it on,
 * with Open; and Cancel. Until the code has arrived it is an ordinary progress line.
 */
export function DeviceCodePanel({
  progress,
  mailbox,
  note,
  onCancel,
}: {
  readonly progress: ProgressEvent | undefined;
  readonly mailbox: string;
  /** Replaces the sentence about the mailbox owner (an administrator's sign-in says who instead). */
  readonly note?: string;
  onCancel(): void;
}) {
  const styles = useStyles();
  const [openFailed, setOpenFailed] = useState(false);
  const code = progress?.stage === 'device-code' ? progress.userCode : undefined;
  const url = progress?.verificationUri;
  const panel = useRef<HTMLElement>(null);
  // The waiting line (and its Cancel, which had focus) gives way to the code: focus the code's panel.
  useEffect(() => {
    if (code) panel.current?.focus();
  }, [code]);
  if (!code || !url)
    return <OperationProgress label="Asking Entra ID for a sign-in code…" progress={progress} onCancel={onCancel} />;
  // The contract opens https pages only; anything else is shown but not offered to open.
  const canOpen = url.startsWith('https://');
  const open = async (): Promise<void> => setOpenFailed(!(await invoke('external:open', { url })).ok);
  return (
    <section
      ref={panel}
      tabIndex={-1}
      className={styles.box}
      aria-labelledby="device-code-title"
      data-testid="device-code"
    >
      <Text as="h3" weight="semibold" id="device-code-title">
        Sign in with this code on another device
      </Text>
      <div className={styles.row}>
        <Text
          className={styles.code}
          data-testid="device-code-value"
          aria-label={`Sign-in code ${code.split('').join(' ')}`}
        >
          {code}
        </Text>
        <CopyButton text={code} what="sign-in code" showLabel />
      </div>
      <div className={styles.row}>
        <Text className={styles.url} data-testid="device-code-url">
          {url}
        </Text>
        {canOpen && (
          <Button icon={<OpenRegular />} onClick={() => void open()}>
            Open
          </Button>
        )}
        {openFailed && <Text role="alert">The browser could not be opened; type the address instead.</Text>}
      </div>
      <Text>
        {note ??
          `The mailbox owner can do this on their own device: open the page, enter the code and sign in as ${mailbox || 'the mailbox'}.`}
      </Text>
      <div className={styles.row} aria-live="polite">
        <Spinner size="tiny" role="status" label="Waiting for the sign-in on the other device…" />
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </section>
  );
}
