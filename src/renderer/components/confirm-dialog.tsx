import { Button } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { Modal } from './modal';

/** A question before something that cannot be undone: what goes, a way to keep it, and the action. */
export function ConfirmDialog({
  open,
  title,
  children,
  keepLabel,
  confirmLabel,
  onKeep,
  onConfirm,
  onClosed,
}: {
  readonly open: boolean;
  readonly title: string;
  readonly children: ReactNode;
  readonly keepLabel: string;
  readonly confirmLabel: string;
  onKeep(): void;
  onConfirm(): void;
  onClosed?(): void;
}) {
  return (
    <Modal
      open={open}
      alert
      title={title}
      onDismiss={onKeep}
      {...(onClosed ? { onClosed } : {})}
      actions={
        <>
          <Button appearance="secondary" onClick={onKeep}>
            {keepLabel}
          </Button>
          <Button appearance="primary" onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      {children}
    </Modal>
  );
}
