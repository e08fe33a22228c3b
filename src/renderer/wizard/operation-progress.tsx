import { Button, makeStyles, ProgressBar, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { ProgressEvent } from '../../shared/ipc-contract';
import { DelayedSpinner } from '../components/delayed-spinner';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginBlock: tokens.spacingVerticalM },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/** What a running operation is doing now, and the way to stop it. */
export function OperationProgress({
  label,
  progress,
  onCancel,
}: {
  readonly label: string;
  readonly progress: ProgressEvent | undefined;
  onCancel(): void;
}) {
  const styles = useStyles();
  const cancel = useRef<HTMLButtonElement>(null);
  // The button that started the work is gone now: keep focus on the way to stop it, not on <body>.
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div className={styles.box} aria-live="polite" data-testid="operation-progress">
      <div className={styles.row}>
        <DelayedSpinner label={progress?.message ?? label} />
        <Button ref={cancel} onClick={onCancel}>
          Cancel
        </Button>
      </div>
      {progress?.fraction !== undefined && <ProgressBar value={progress.fraction} aria-label={label} />}
      {progress && (
        <Text size={200} data-testid="progress-message">
          {progress.message}
        </Text>
      )}
    </div>
  );
}
