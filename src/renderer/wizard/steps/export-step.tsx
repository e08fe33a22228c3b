import { Button, makeStyles, MessageBar, MessageBarBody, Switch, Text, tokens } from '@fluentui/react-components';
import { SaveRegular } from '@fluentui/react-icons';
import { useEffect, useMemo, useState } from 'react';
import type { Profile } from '../../../shared/profile';
import { DelayedSpinner } from '../../components/delayed-spinner';
import { ProblemView } from '../../components/problem-view';
import { ResultRegion, settled } from '../../components/result-region';
import { useChannel } from '../../ipc/use-channel';
import { ExportCard } from '../export-card';
import { StepHeading } from '../step-heading';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    flexWrap: 'wrap',
    marginBottom: tokens.spacingVerticalM,
  },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** Step 6: exactly what the target system wants, to copy or save; secrets only when asked. */
export function ExportStep({ profile, targetLabel }: { readonly profile: Profile; readonly targetLabel: string }) {
  const styles = useStyles();
  const profileId = profile.id;
  // A certificate profile has neither a client secret nor a refresh token: there is nothing to include.
  const hasSecrets = profile.credential.kind === 'secret' || profile.flow === 'delegated';
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const list = useChannel('export:list');
  const save = useChannel('export:save');
  const request = useMemo(() => ({ profileId, includeSecrets }), [profileId, includeSecrets]);
  const { run } = list;
  useEffect(() => {
    void run(request);
  }, [run, request]);
  const outputs = list.state.status === 'ok' ? list.state.value : [];

  return (
    <>
      <StepHeading
        title={`Export for ${targetLabel}`}
        intro="Copy each item into the target system, or save them all to a folder."
      />
      <div className={styles.bar}>
        <Button
          appearance="primary"
          icon={<SaveRegular />}
          onClick={() => void save.run(request)}
          disabledFocusable={save.state.status === 'pending'}
        >
          Save all to a folder…
        </Button>
        {hasSecrets && (
          <Switch
            checked={includeSecrets}
            onChange={(_e, d) => setIncludeSecrets(d.checked)}
            label="Include secret values (client secret, refresh token)"
          />
        )}
      </div>
      {includeSecrets && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            Secret values are now in the outputs. Anyone who gets these files can send mail as the mailbox: paste them
            into the target's secret store and delete the files.
          </MessageBarBody>
        </MessageBar>
      )}
      {save.state.status === 'pending' && <DelayedSpinner label="Saving…" />}
      {/* The folder dialog took focus; it comes back to the answer (or, after Cancel, to the button). */}
      <ResultRegion
        focusKey={save.state.status === 'ok' && save.state.value.cancelled ? undefined : settled(save.state)}
        label="Save result"
      >
        {save.state.status === 'ok' && !save.state.value.cancelled && (
          <MessageBar intent="success" layout="multiline" data-testid="export-saved">
            <MessageBarBody>
              Saved {save.state.value.files.length} files to {save.state.value.directory}.
            </MessageBarBody>
          </MessageBar>
        )}
        {save.state.status === 'error' && <ProblemView problem={save.state.problem} />}
      </ResultRegion>
      {list.state.status === 'pending' && <DelayedSpinner label="Preparing the exports…" />}
      {list.state.status === 'error' && <ProblemView problem={list.state.problem} />}
      <div className={styles.list}>
        {outputs.map((o) => (
          <ExportCard key={o.name} output={o} includeSecrets={includeSecrets} />
        ))}
      </div>
      {list.state.status === 'ok' && outputs.length === 0 && <Text>Nothing to export for this profile.</Text>}
    </>
  );
}
