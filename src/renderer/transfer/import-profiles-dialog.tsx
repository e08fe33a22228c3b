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
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ImportAction } from '../../shared/profile-import';
import type { OpenedBundle } from '../../shared/transfer-contract';
import { ProblemView } from '../components/problem-view';
import { useChannel } from '../ipc/use-channel';
import { ImportPlanRows, ImportResultRows } from './import-plan-rows';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  // Wider than Fluent's 600 px: three columns, the choice naming the profile it adds or replaces.
  surface: { maxWidth: '780px' },
});

type Opened = Extract<OpenedBundle, { cancelled: false }>;

/**
 * The import of an opened bundle: first the plan (new / already here / same name) with a
 * choice per profile that never defaults to replacing, then what happened to each. A wrong
 * passphrase changes nothing and keeps the choices.
 */
export function ImportProfilesDialog({
  opened,
  onClose,
}: {
  readonly opened: Opened | undefined;
  onClose(imported: boolean): void;
}) {
  const styles = useStyles();
  const run = useChannel('profiles:import');
  const [choices, setChoices] = useState<Record<string, ImportAction>>({});
  const [passphrase, setPassphrase] = useState('');
  const [withoutSecrets, setWithoutSecrets] = useState(false);
  const outcome = run.state.status === 'ok' ? run.state.value : undefined;
  const plan = opened?.plan;
  const importable =
    plan?.items.filter((i) => !i.invalid && (choices[i.key] ?? i.defaultAction) !== 'skip').length ?? 0;
  const close = (): void => {
    setChoices({});
    setPassphrase('');
    setWithoutSecrets(false);
    run.reset();
    onClose(outcome !== undefined);
  };
  const needsPassphrase = plan?.encrypted === true && !withoutSecrets;

  return (
    <Dialog open={opened !== undefined} onOpenChange={(_e, d) => !d.open && close()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Import profiles from {plan?.fileName}</DialogTitle>
          <DialogContent className={styles.content}>
            {plan && !outcome && (
              <>
                <Text>
                  Exported {plan.exportedAt.slice(0, 10)} by {plan.exportedBy}.{' '}
                  {plan.encrypted
                    ? 'Its secrets are encrypted with a passphrase.'
                    : 'It holds no secrets: enter each client secret or certificate again after the import.'}
                </Text>
                <ImportPlanRows
                  items={plan.items}
                  choices={choices}
                  onChoose={(key, action) => setChoices((c) => ({ ...c, [key]: action }))}
                />
                {plan.encrypted && (
                  <>
                    <Checkbox
                      checked={withoutSecrets}
                      onChange={(_e, d) => setWithoutSecrets(d.checked === true)}
                      label="Import without the secrets (enter them again later)"
                    />
                    {needsPassphrase && (
                      <Field label="Passphrase of the file" required>
                        <Input type="password" value={passphrase} onChange={(_e, d) => setPassphrase(d.value)} />
                      </Field>
                    )}
                  </>
                )}
              </>
            )}
            {run.state.status === 'error' && <ProblemView problem={run.state.problem} />}
            {outcome && (
              <>
                <ImportResultRows results={outcome.results} />
                {plan?.encrypted && !outcome.secretsImported && (
                  <Text>The secrets were left out: enter each client secret or certificate again.</Text>
                )}
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={close}>
              {outcome ? 'Done' : 'Cancel'}
            </Button>
            {!outcome && opened && (
              <Button
                appearance="primary"
                disabled={run.state.status === 'pending' || importable === 0 || (needsPassphrase && passphrase === '')}
                onClick={() =>
                  void run.run({
                    bundleId: opened.bundleId,
                    choices,
                    withoutSecrets: !needsPassphrase,
                    ...(needsPassphrase ? { passphrase } : {}),
                  })
                }
              >
                Import {importable} profile{importable === 1 ? '' : 's'}
              </Button>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
