import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { MIN_PASSPHRASE_CHARS } from '../../shared/profile-bundle';
import { ProblemView } from '../components/problem-view';
import { useChannel } from '../ipc/use-channel';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/**
 * Export every saved profile to one bundle file. Without secrets the file is settings only;
 * with them, the secrets are sealed with a passphrase typed twice (main checks its length
 * again). Whatever was typed stays when saving fails, so a retry is one click.
 */
export function ExportProfilesDialog({
  open,
  count,
  onClose,
}: {
  readonly open: boolean;
  readonly count: number;
  onClose(): void;
}) {
  const styles = useStyles();
  const save = useChannel('profiles:export');
  const [withSecrets, setWithSecrets] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [touched, setTouched] = useState(false);
  const short = withSecrets && passphrase.length < MIN_PASSPHRASE_CHARS;
  const mismatch = withSecrets && again !== passphrase;
  const saved = save.state.status === 'ok' && !save.state.value.cancelled ? save.state.value : undefined;
  const close = (): void => {
    setPassphrase('');
    setAgain('');
    setTouched(false);
    save.reset();
    onClose();
  };
  const submit = (): void => {
    setTouched(true);
    if (short || mismatch) return;
    void save.run({ includeSecrets: withSecrets, ...(withSecrets ? { passphrase } : {}) });
  };

  return (
    <Dialog open={open} onOpenChange={(_e, d) => !d.open && close()}>
      <DialogSurface aria-describedby="export-profiles-what">
        <DialogBody>
          <DialogTitle>Export profiles</DialogTitle>
          <DialogContent className={styles.content}>
            <Text id="export-profiles-what">
              All {count} saved profile{count === 1 ? '' : 's'} go into one file you can import on another computer or
              give to a colleague.
            </Text>
            <Checkbox
              checked={withSecrets}
              onChange={(_e, d) => setWithSecrets(d.checked === true)}
              label="Include the secrets (client secrets, certificate keys, refresh tokens), encrypted with a passphrase"
            />
            {withSecrets ? (
              <>
                <Field
                  label="Passphrase"
                  required
                  hint={`At least ${MIN_PASSPHRASE_CHARS} characters. Give it to the importer another way than the file.`}
                  {...(touched && short
                    ? {
                        validationState: 'error',
                        validationMessage: `Use at least ${MIN_PASSPHRASE_CHARS} characters.`,
                      }
                    : {})}
                >
                  <Input type="password" value={passphrase} onChange={(_e, d) => setPassphrase(d.value)} />
                </Field>
                <Field
                  label="Passphrase again"
                  required
                  {...(touched && !short && mismatch
                    ? { validationState: 'error', validationMessage: 'The two passphrases differ.' }
                    : {})}
                >
                  <Input type="password" value={again} onChange={(_e, d) => setAgain(d.value)} />
                </Field>
              </>
            ) : (
              <Text size={200}>
                Without secrets, the importer enters each client secret or certificate again and signs in again.
              </Text>
            )}
            {save.state.status === 'error' && <ProblemView problem={save.state.problem} />}
            {saved && (
              <MessageBar intent="success" data-testid="export-profiles-done">
                <MessageBarBody>
                  Saved {saved.count} profile{saved.count === 1 ? '' : 's'} to {saved.path}
                  {withSecrets ? ', secrets encrypted.' : ', without secrets.'}
                </MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={close}>
              {saved ? 'Close' : 'Cancel'}
            </Button>
            {!saved && (
              <Button appearance="primary" disabled={save.state.status === 'pending'} onClick={submit}>
                Save to a file…
              </Button>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
