import {
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';

/**
 * The app's one dialog shape: title, content, actions. `onClosed` runs once the dialog has
 * gone: leaving the screen (or moving focus) must wait for that, because a Fluent dialog
 * unmounted while open leaves `aria-hidden` on the page (microsoft/fluentui#35139).
 */
export function Modal({
  open,
  title,
  children,
  actions,
  alert = false,
  onDismiss,
  onClosed,
}: {
  readonly open: boolean;
  readonly title: string;
  readonly children: ReactNode;
  readonly actions: ReactNode;
  /** An alert dialog (a question before something that cannot be undone) is not closed by a click outside. */
  readonly alert?: boolean;
  /** Escape (or a click outside a plain dialog). */
  onDismiss(): void;
  onClosed?(): void;
}) {
  return (
    <Dialog
      open={open}
      modalType={alert ? 'alert' : 'modal'}
      onOpenChange={(_e, d) => {
        if (!d.open) onDismiss();
      }}
      surfaceMotion={{
        onMotionFinish: (_ev, data) => {
          if (data.direction === 'exit') onClosed?.();
        },
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{children}</DialogContent>
          <DialogActions>{actions}</DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
