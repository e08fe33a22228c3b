import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Text,
  Textarea,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { ArrowLeftRegular, DocumentArrowDownRegular, FolderOpenRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { MAX_BULK_LIST_CHARS } from '../../shared/bulk-check';
import { BulkResults } from '../bulk/bulk-results';
import { useBulkRun } from '../bulk/use-bulk-run';
import { DelayedSpinner } from '../components/delayed-spinner';
import { ProblemView } from '../components/problem-view';
import { useChannel, useChannelOnMount } from '../ipc/use-channel';

const useStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '960px' },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  list: { fontFamily: tokens.fontFamilyMonospace },
});

const PASTED = 'pasted list';

/**
 * Helpdesk's "do all these mailboxes still work?" without a terminal: an app-only profile,
 * a pasted list or a CSV file, the same core check as the CLI's bulk-verify, a live table
 * and a CSV report. Cancel keeps what was checked.
 */
export function BulkCheckScreen({ onClose }: { onClose(): void }) {
  const styles = useStyles();
  const profiles = useChannelOnMount('profiles:list', undefined);
  const appOnly = profiles.status === 'ok' ? profiles.value.filter((p) => p.flow === 'app-only') : [];
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const profile = appOnly.find((p) => p.id === chosen) ?? appOnly[0];
  const [list, setList] = useState('');
  const [listName, setListName] = useState(PASTED);
  const [dropProblem, setDropProblem] = useState<string | undefined>(undefined);
  const openList = useChannel('bulk:open-list');
  const save = useChannel('bulk:save-report');
  const { state, counts, rows, start, cancel } = useBulkRun();
  const running = state.status === 'running';
  const saved = save.state.status === 'ok' && !save.state.value.cancelled ? save.state.value : undefined;

  return (
    <section className={styles.screen} aria-labelledby="bulk-title">
      <div className={styles.row}>
        <Button appearance="subtle" icon={<ArrowLeftRegular />} onClick={onClose} disabled={running}>
          Back
        </Button>
        <Title3 as="h2" id="bulk-title">
          Check many mailboxes
        </Title3>
      </div>
      <Text>
        One app-only token, then an SMTP login as each mailbox: the same check as the command line’s bulk-verify.
        Nothing is sent.
      </Text>
      {profiles.status === 'pending' && <DelayedSpinner label="Loading profiles…" />}
      {profiles.status === 'error' && <ProblemView problem={profiles.problem} />}
      {profiles.status === 'ok' && appOnly.length === 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Bulk checks need an app-only profile</MessageBarTitle>A delegated token opens only the
            mailboxes of the person who signed in. Set up an “App-only mailer” profile (client secret or certificate,
            SMTP.SendAsApp, Full Access on each mailbox) first.
          </MessageBarBody>
        </MessageBar>
      )}
      {appOnly.length > 0 && (
        <>
          <Field label="App-only profile">
            <Select value={profile?.id ?? ''} onChange={(_e, d) => setChosen(d.value)} disabled={running}>
              {appOnly.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({p.tenant})
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label="Mailboxes"
            hint={
              listName === PASTED
                ? 'One address per line, or paste or drop a CSV with a Mailbox, Email or PrimarySmtpAddress column.'
                : `From ${listName}. Edit it here if you like.`
            }
            {...(dropProblem ? { validationState: 'error', validationMessage: dropProblem } : {})}
            onDragOver={(e) => {
              if (!running && e.dataTransfer.types.includes('Files')) e.preventDefault();
            }}
            onDrop={(e) => {
              // Read here (a dropped file is the user's own choice); the page never navigates to it.
              e.preventDefault();
              const file = e.dataTransfer.files[0];
              if (running || !file) return;
              if (file.size > MAX_BULK_LIST_CHARS) {
                setDropProblem(
                  `${file.name} is too large for the app; split it or use the command line’s bulk-verify.`,
                );
                return;
              }
              setDropProblem(undefined);
              void file.text().then((text) => {
                setList(text);
                setListName(file.name);
              });
            }}
          >
            <Textarea
              className={styles.list}
              value={list}
              onChange={(_e, d) => {
                setList(d.value);
                if (d.value === '') setListName(PASTED);
              }}
              rows={6}
              resize="vertical"
              disabled={running}
              placeholder={'alice@contoso.com\nbob@contoso.com'}
            />
          </Field>
          <div className={styles.row}>
            <Button
              icon={<FolderOpenRegular />}
              disabled={running || openList.state.status === 'pending'}
              onClick={() =>
                void openList.run(undefined).then((r) => {
                  if (r && !r.cancelled) {
                    setList(r.text);
                    setListName(r.fileName);
                  }
                })
              }
            >
              Open CSV file…
            </Button>
            {running ? (
              <Button onClick={cancel}>Cancel</Button>
            ) : (
              <Button
                appearance="primary"
                disabled={!profile || list.trim() === '' || list.length > MAX_BULK_LIST_CHARS}
                onClick={() => {
                  save.reset();
                  if (profile) void start({ profileId: profile.id, list, listName });
                }}
              >
                Check mailboxes
              </Button>
            )}
          </div>
          {openList.state.status === 'error' && <ProblemView problem={openList.state.problem} />}
        </>
      )}
      {(running || counts) && (
        <div aria-live="polite" data-testid="bulk-progress">
          <ProgressBar
            aria-label="Mailboxes checked"
            {...(!running ? { value: 1 } : counts && counts.total > 0 ? { value: counts.done / counts.total } : {})}
          />
          <Text size={200}>
            {counts
              ? `${counts.done} of ${counts.total} checked · ${counts.failed} failed · ${counts.invalid} not a mailbox`
              : 'Getting an app-only token…'}
          </Text>
        </div>
      )}
      {state.status === 'error' && <ProblemView problem={state.problem} />}
      {state.status === 'done' && (
        <MessageBar
          intent={state.summary.failed + state.summary.invalid > 0 ? 'warning' : 'success'}
          data-testid="bulk-summary"
        >
          <MessageBarBody>
            {state.summary.cancelled ? 'Stopped after' : 'Checked'} {state.summary.total} mailbox
            {state.summary.total === 1 ? '' : 'es'} in {(state.summary.durationMs / 1000).toFixed(1)} s:{' '}
            {state.summary.ok} passed, {state.summary.failed} failed, {state.summary.invalid} not a mailbox.
          </MessageBarBody>
        </MessageBar>
      )}
      {rows.length > 0 && (
        <>
          <div className={styles.row}>
            <Button
              icon={<DocumentArrowDownRegular />}
              disabled={running || save.state.status === 'pending'}
              onClick={() => void save.run({ profileName: profile?.name ?? 'profile', rows: [...rows] })}
            >
              Save report as CSV…
            </Button>
            {saved && (
              <Text data-testid="bulk-report-saved">
                Saved {saved.count} rows to {saved.path}
              </Text>
            )}
          </div>
          {save.state.status === 'error' && <ProblemView problem={save.state.problem} />}
          <BulkResults rows={rows} />
        </>
      )}
    </section>
  );
}
