import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useChannel, useChannelOnMount } from '../ipc/use-channel';
import { ProblemView } from './problem-view';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The profile file's own state on the start screen: a damaged file becomes a choice
 * (restore the last good copy, or start fresh) instead of a dead end, and the damaged file
 * is always kept aside. Silent while the file is fine.
 */
export function ProfileFileBanner({ onRecovered }: { readonly onRecovered: () => void }) {
  const styles = useStyles();
  const health = useChannelOnMount('profiles:file-health', undefined);
  const recover = useChannel('profiles:recover');
  const run = (action: 'restore-backup' | 'start-fresh') =>
    void recover.run({ action }).then((done) => {
      if (!done) return;
      health.reload();
      onRecovered();
    });

  if (recover.state.status === 'ok') {
    const { keptAs, profiles } = recover.state.value;
    return (
      <MessageBar intent="success" layout="multiline" data-testid="profile-file-recovered">
        <MessageBarBody>
          <MessageBarTitle>The profile file works again</MessageBarTitle>
          {profiles > 0 ? `${profiles} profile${profiles === 1 ? ' was' : 's were'} restored.` : 'It starts empty.'} The
          damaged file was kept as {keptAs}.
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (health.status !== 'ok') return null;
  const h = health.value;
  if (h.state === 'ok' && h.unreadable.length === 0) return null;
  if (h.state === 'ok') {
    return (
      <MessageBar intent="warning" layout="multiline" data-testid="profile-file-unreadable">
        <MessageBarBody className={styles.body}>
          <MessageBarTitle>
            {h.unreadable.length} saved profile{h.unreadable.length === 1 ? '' : 's'} cannot be shown
          </MessageBarTitle>
          <Text>They are kept in {h.file} exactly as they are; this version of the app cannot read them:</Text>
          {h.unreadable.map((reason) => (
            <Text key={reason} size={200}>
              {reason}
            </Text>
          ))}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (h.state === 'newer') {
    return (
      <MessageBar intent="warning" layout="multiline" data-testid="profile-file-newer">
        <MessageBarBody>
          <MessageBarTitle>Your profiles were saved by a newer version of the app</MessageBarTitle>
          Update SMTP OAuth Wizard: until then this version shows them but does not change {h.file}.
        </MessageBarBody>
      </MessageBar>
    );
  }
  const busy = recover.state.status === 'pending';
  return (
    <>
      <MessageBar intent="error" layout="multiline" role="alert" data-testid="profile-file-damaged">
        <MessageBarBody className={styles.body}>
          <MessageBarTitle>The profile file is damaged</MessageBarTitle>
          <Text>{h.file} is not a profile list any more, so your profiles cannot be shown. It was left untouched.</Text>
          <Text>
            {h.backup
              ? `The last good copy holds ${h.backup.profiles} profile${h.backup.profiles === 1 ? '' : 's'} (saved ${when(h.backup.savedAt)}).`
              : 'There is no good copy to restore.'}{' '}
            Either way the damaged file is kept beside the new one.
          </Text>
        </MessageBarBody>
        <MessageBarActions>
          {h.backup && (
            <Button appearance="primary" disabled={busy} onClick={() => run('restore-backup')}>
              Restore the last good copy
            </Button>
          )}
          <Button disabled={busy} onClick={() => run('start-fresh')}>
            Start fresh
          </Button>
        </MessageBarActions>
      </MessageBar>
      {recover.state.status === 'error' && <ProblemView problem={recover.state.problem} />}
    </>
  );
}
