import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle1,
  Text,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { AppInfo } from '../../shared/ipc-contract';
import type { Profile } from '../../shared/profile';
import { DelayedSpinner } from '../components/delayed-spinner';
import { ProblemView } from '../components/problem-view';
import { ProfileFileBanner } from '../components/profile-file-banner';
import { StepsOverview } from '../components/steps-overview';
import { useChannel, useChannelOnMount } from '../ipc/use-channel';
import type { WizardStepId } from '../wizard-steps';
import { ConfirmDelete } from './confirm-delete';
import { ProfileCard } from './profile-card';

const useStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '860px' },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface StartScreenProps {
  /** Absent until app:info answers (the keychain check can be slow): the screen does not wait for it. */
  readonly info?: AppInfo;
  onOpen(profileId: string | undefined, step?: WizardStepId): void;
}

/** Saved profiles with their state, and the way into a new set-up. */
export function StartScreen({ info, onOpen }: StartScreenProps) {
  const styles = useStyles();
  const profiles = useChannelOnMount('profiles:list', undefined);
  const change = useChannel('profiles:duplicate');
  const remove = useChannel('profiles:delete');
  const [toDelete, setToDelete] = useState<Profile | undefined>(undefined);
  const [now] = useState(() => Date.now());
  const [query, setQuery] = useState('');
  const all = profiles.status === 'ok' ? profiles.value : [];
  // A consultant keeps one profile per client: find one by name, mailbox, tenant or target.
  const needle = query.trim().toLowerCase();
  const list = needle
    ? all.filter((p) => [p.name, p.mailbox, p.tenant, p.targetId].some((v) => v.toLowerCase().includes(needle)))
    : all;
  const actionProblem =
    change.state.status === 'error'
      ? change.state.problem
      : remove.state.status === 'error'
        ? remove.state.problem
        : undefined;

  return (
    <section className={styles.screen} aria-labelledby="start-title">
      <div className={styles.row}>
        <Title3 as="h2" id="start-title">
          Set up Microsoft 365 SMTP with OAuth2
        </Title3>
        <Button appearance="primary" icon={<AddRegular />} onClick={() => onOpen(undefined)}>
          New set-up
        </Button>
      </div>
      {info && !info.keychain.available && (
        <MessageBar intent="warning" layout="multiline" data-testid="keychain-problem">
          <MessageBarBody>
            <MessageBarTitle>The keychain cannot be used</MessageBarTitle>
            {info.keychain.message}
          </MessageBarBody>
        </MessageBar>
      )}
      <ProfileFileBanner onRecovered={profiles.reload} />
      {profiles.status === 'pending' && <DelayedSpinner label="Loading profiles…" />}
      {profiles.status === 'error' && (
        <ProblemView problem={profiles.problem} actions={<Button onClick={profiles.reload}>Try again</Button>} />
      )}
      {actionProblem && <ProblemView problem={actionProblem} />}
      {all.length > 0 && (
        <>
          <Subtitle1 as="h2">Saved profiles ({all.length})</Subtitle1>
          {all.length > 5 && (
            <Field label="Find a profile">
              <Input
                type="search"
                value={query}
                onChange={(_e, d) => setQuery(d.value)}
                placeholder="Name, mailbox, tenant or target"
              />
            </Field>
          )}
          {needle && list.length === 0 && <Text>No profile matches “{query}”.</Text>}
          {all.some((p) => p.flow === 'delegated') && (
            <Text size={200}>
              Each time a target system refreshes its token it receives a new refresh token: it must keep that one, or
              it stops working 90 days after this sign-in.
            </Text>
          )}
          <div className={styles.list} role="list" aria-label="Saved profiles">
            {list.map((p) => (
              <ProfileCard
                key={p.id}
                profile={p}
                now={now}
                onOpen={() => onOpen(p.id)}
                onReacquire={() => onOpen(p.id, 'sign-in')}
                onDuplicate={() => void change.run({ id: p.id }).then((copy) => copy && profiles.reload())}
                onDelete={() => setToDelete(p)}
              />
            ))}
          </div>
        </>
      )}
      <Subtitle1 as="h2">How it works</Subtitle1>
      <Text>The wizard takes you through six steps. Everything you type is kept until you finish.</Text>
      <StepsOverview />
      <ConfirmDelete
        profile={toDelete}
        onCancel={() => setToDelete(undefined)}
        onConfirm={(p) => {
          setToDelete(undefined);
          void remove.run({ id: p.id }).then((r) => r && profiles.reload());
        }}
      />
    </section>
  );
}
