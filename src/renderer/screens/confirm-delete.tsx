import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import type { Profile } from '../../shared/profile';

/** Deleting also removes the profile's secrets and tokens from the keychain: say so first. */
export function ConfirmDelete({
  profile,
  onCancel,
  onConfirm,
}: {
  readonly profile: Profile | undefined;
  onCancel(): void;
  onConfirm(p: Profile): void;
}) {
  return (
    <Dialog
      open={profile !== undefined}
      onOpenChange={(_e, d) => {
        if (!d.open) onCancel();
      }}
      modalType="alert"
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Delete “{profile?.name}”?</DialogTitle>
          <DialogContent>
            The profile, its client secret or certificate key and its tokens are removed from this computer and its
            keychain. Systems you already configured with the exported values keep working.
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onCancel}>
              Keep it
            </Button>
            <Button appearance="primary" onClick={() => profile && onConfirm(profile)}>
              Delete
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
