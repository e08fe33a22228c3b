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
import { AddRegular, MailMultipleRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import type { DraftSummary } from '../../shared/draft';
import type { AppInfo } from '../../shared/ipc-contract';
import type { Profile } from '../../shared/profile';
import { ConfirmDialog } from '../components/confirm-dialog';
import { DelayedSpinner } from '../components/delayed-spinner';
import { ProblemView } from '../components/problem-view';
import { ProfileFileBanner } from '../components/profile-file-banner';
import { StepsOverview } from '../components/steps-overview';
import { useChannel, useChannelOnMount } from '../ipc/use-channel';
import { ProfileTransfer } from '../transfer/profile-transfer';
import type { WizardStepId } from '../wizard-steps';
import { ConfirmDelete } from './confirm-delete';
import { DraftList, draftName } from './draft-list';
import { DuplicateDialog } from './duplicate-dialog';
import { ProfileCard } from './profile-card';

const useStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '860px' },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface StartScreenProps {
  /** Absent until app:info answers (the keychain check can be slow): the screen does not wait for it. */
  readonly info?: AppInfo;
  /** What happened to the work just closed (kept as a draft). */
  readonly notice?: string;
  /** Back from the wizard: focus lands on the screen's title, not on <body>. */
  readonly focusTitle?: boolean;
  onOpen(profileId: string | undefined, step?: WizardStepId): void;
  onResume(draftId: string): void;
  /** A new set-up prefilled from a profile, for another client. */
  onNewFrom(template: Profile): void;
  /** The bulk mailbox check (app-only profiles). */
  onBulkCheck(): void;
}

/** Saved profiles with their state, unfinished set-ups, the way into a new set-up, and the bulk check. */
export function StartScreen({ info, notice, focusTitle, onOpen, onResume, onNewFrom, onBulkCheck }: StartScreenProps) {
  const styles = useStyles();
  const profiles = useChannelOnMount('profiles:list', undefined);
  const drafts = useChannelOnMount('drafts:list', undefined);
  const change = useChannel('profiles:duplicate');
  const remove = useChannel('profiles:delete');
  const discard = useChannel('drafts:delete');
  const [toDelete, setToDelete] = useState<Profile | undefined>(undefined);
  const [toDuplicate, setToDuplicate] = useState<Profile | undefined>(undefined);
  const [toDiscard, setToDiscard] = useState<DraftSummary | undefined>(undefined);
  // The control that opened a dialog gets focus back when it has closed (if it is still there).
  const opener = useRef<HTMLElement | null>(null);
  // What to do once the open dialog has gone (leave the screen, or give focus back).
  const afterClose = useRef<(() => void) | undefined>(undefined);
  const focusTitleNow = (): void => document.getElementById('start-title')?.focus();
  const [now] = useState(() => Date.now());
  const [query, setQuery] = useState('');
  const all = profiles.status === 'ok' ? profiles.value : [];
  // A consultant keeps one profile per client: find one by name, mailbox, tenant or target.
  const needle = query.trim().toLowerCase();
  const list = needle
    ? all.filter((p) => [p.name, p.mailbox, p.tenant, p.targetId].some((v) => v.toLowerCase().includes(needle)))
    : all;
  const actionProblem = [change, remove, discard].map((c) => c.state).find((s) => s.status === 'error');

  useEffect(() => {
    if (focusTitle) focusTitleNow();
  }, [focusTitle]);

  const openDialog = <T,>(set: (v: T) => void, value: T): void => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    set(value);
  };
  /** Closes the open dialog; `then` runs once it is gone (default: focus back on its opener). */
  const closeDialog = (then?: () => void): void => {
    afterClose.current = then;
    setToDelete(undefined);
    setToDuplicate(undefined);
    setToDiscard(undefined);
  };
  const onDialogClosed = (): void => {
    const then = afterClose.current;
    const back = opener.current;
    afterClose.current = undefined;
    opener.current = null;
    if (then) then();
    else if (back?.isConnected) back.focus();
    else focusTitleNow();
  };

  return (
    <section className={styles.screen} aria-labelledby="start-title">
      <div className={styles.row}>
        <Title3 as="h2" id="start-title" tabIndex={-1}>
          Set up Microsoft 365 SMTP with OAuth2
        </Title3>
        <Button appearance="primary" icon={<AddRegular />} onClick={() => onOpen(undefined)}>
          New set-up
        </Button>
      </div>
      {notice && (
        <MessageBar intent="success" layout="multiline" data-testid="start-notice">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        {all.some((p) => p.flow === 'app-only') && (
          <Button icon={<MailMultipleRegular />} onClick={onBulkCheck}>
            Check many mailboxes…
          </Button>
        )}
        <ProfileTransfer count={all.length} onImported={profiles.reload} />
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
      {actionProblem?.status === 'error' && <ProblemView problem={actionProblem.problem} />}
      {drafts.status === 'ok' && (
        <DraftList drafts={drafts.value} onResume={onResume} onDiscard={(d) => openDialog(setToDiscard, d)} />
      )}
      {profiles.status === 'pending' && <DelayedSpinner label="Loading profiles…" />}
      {profiles.status === 'error' && (
        <ProblemView problem={profiles.problem} actions={<Button onClick={profiles.reload}>Try again</Button>} />
      )}
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
                onDuplicate={() => openDialog(setToDuplicate, p)}
                onDelete={() => openDialog(setToDelete, p)}
              />
            ))}
          </div>
        </>
      )}
      <Subtitle1 as="h2">How it works</Subtitle1>
      <Text>
        The wizard takes you through six steps. Everything you type is kept: close it at any point and an unsaved set-up
        waits here under “Unfinished set-ups”, its secret in the system keychain.
      </Text>
      <StepsOverview />
      <ConfirmDelete
        profile={toDelete}
        onCancel={() => closeDialog()}
        onConfirm={(p) => {
          closeDialog(focusTitleNow);
          void remove.run({ id: p.id }).then((r) => r && profiles.reload());
        }}
        onClosed={onDialogClosed}
      />
      <DuplicateDialog
        profile={toDuplicate}
        onCancel={() => closeDialog()}
        onChoose={(p, choice) =>
          choice === 'another-client'
            ? closeDialog(() => onNewFrom(p))
            : void change
                .run({ id: p.id })
                .then((copy) => closeDialog(copy ? () => onOpen(copy.id, 'details') : undefined))
        }
        onClosed={onDialogClosed}
      />
      <ConfirmDialog
        open={toDiscard !== undefined}
        title={`Discard “${toDiscard ? draftName(toDiscard) : ''}”?`}
        keepLabel="Keep it"
        confirmLabel="Discard"
        onKeep={() => closeDialog()}
        onConfirm={() => {
          const d = toDiscard;
          closeDialog(focusTitleNow);
          if (d) void discard.run({ id: d.id }).then((r) => r && drafts.reload());
        }}
        onClosed={onDialogClosed}
      >
        What you typed for this set-up, and the secret kept for it in the keychain, are removed. No profile is affected.
      </ConfirmDialog>
    </section>
  );
}
