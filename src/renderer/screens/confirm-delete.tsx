import type { Profile } from '../../shared/profile';
import { ConfirmDialog } from '../components/confirm-dialog';

/** Deleting also removes the profile's secrets and tokens from the keychain: say so first. */
export function ConfirmDelete({
  profile,
  onCancel,
  onConfirm,
  onClosed,
}: {
  readonly profile: Profile | undefined;
  onCancel(): void;
  onConfirm(p: Profile): void;
  onClosed(): void;
}) {
  return (
    <ConfirmDialog
      open={profile !== undefined}
      title={`Delete “${profile?.name ?? ''}”?`}
      keepLabel="Keep it"
      confirmLabel="Delete"
      onKeep={onCancel}
      onConfirm={() => profile && onConfirm(profile)}
      onClosed={onClosed}
    >
      The profile, its client secret or certificate key and its tokens are removed from this computer and its keychain.
      Systems you already configured with the exported values keep working.
    </ConfirmDialog>
  );
}
