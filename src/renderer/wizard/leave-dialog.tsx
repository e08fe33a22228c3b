import { Button } from '@fluentui/react-components';
import { Modal } from '../components/modal';

/** Close on a saved profile with unsaved changes: save them, throw them away, or stay. */
export function LeaveDialog({
  name,
  open,
  saving,
  onStay,
  onDiscard,
  onSave,
  onClosed,
}: {
  readonly name: string;
  readonly open: boolean;
  readonly saving: boolean;
  onStay(): void;
  onDiscard(): void;
  onSave(): void;
  onClosed(): void;
}) {
  return (
    <Modal
      open={open}
      alert
      title={`Save the changes to “${name}”?`}
      onDismiss={onStay}
      onClosed={onClosed}
      actions={
        <>
          <Button appearance="secondary" onClick={onStay}>
            Keep editing
          </Button>
          <Button appearance="secondary" onClick={onDiscard}>
            Discard changes
          </Button>
          <Button appearance="primary" onClick={onSave} disabled={saving}>
            Save changes
          </Button>
        </>
      }
    >
      You changed this profile’s details. Save them, or discard them and keep the profile as it was saved.
    </Modal>
  );
}
