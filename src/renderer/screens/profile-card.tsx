import {
  Badge,
  Button,
  Card,
  CardHeader,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Text,
  tokens,
} from '@fluentui/react-components';
import { CopyRegular, DeleteRegular, EditRegular, PlayRegular } from '@fluentui/react-icons';
import type { Profile } from '../../shared/profile';
import { targetPreset } from '../../shared/targets';
import { ProblemView } from '../components/problem-view';
import { ResultRegion, settled } from '../components/result-region';
import { useOperation } from '../ipc/use-operation';
import { checkBadgeOf, lifecycleOf, tokenStatusOf } from '../../shared/profile-lifecycle';
import { OperationProgress } from '../wizard/operation-progress';
import { VerifyReportView } from '../wizard/verify-report-view';

const useStyles = makeStyles({
  card: { backgroundColor: tokens.colorNeutralBackground1 },
  facts: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}` },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  badge: { whiteSpace: 'nowrap', flexShrink: 0 },
  notes: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export interface ProfileCardProps {
  readonly profile: Profile;
  readonly now: number;
  onOpen(): void;
  onReacquire(): void;
  onDuplicate(): void;
  onDelete(): void;
}

/** One saved set-up: what it is for, whether it works, when things run out, and a check in one press. */
export function ProfileCard({ profile: listed, now, onOpen, onReacquire, onDuplicate, onDelete }: ProfileCardProps) {
  const styles = useStyles();
  const check = useOperation('token:verify');
  // A check made here updates this card at once (its badge and last-check line), without reloading the list.
  const checked = check.state.status === 'ok' ? check.state.value.profile : undefined;
  const profile = checked && checked.updatedAt >= listed.updatedAt ? checked : listed;
  const status = tokenStatusOf(profile);
  const badge = checkBadgeOf(profile);
  const verify = profile.tokenState.lastVerify;
  const notes = lifecycleOf(profile, now);
  const headingId = `profile-${profile.id}`;
  // Delegated profiles are checked with their stored refresh token: without a sign-in there is nothing to check.
  const canCheck = profile.flow === 'app-only' || status.acquired;
  return (
    <Card className={styles.card} role="listitem" aria-labelledby={headingId} data-testid="profile-card">
      <CardHeader
        header={
          <Text weight="semibold" as="h3" id={headingId}>
            {profile.name}
          </Text>
        }
        description={
          <Text size={200} data-testid="profile-facts">
            {targetPreset(profile.targetId).label} · {profile.mailbox || 'no mailbox yet'} · tenant{' '}
            {profile.tenant || 'not entered'}
          </Text>
        }
        action={
          <Badge className={styles.badge} appearance="tint" color={badge.color} data-testid="check-badge">
            {badge.text}
          </Badge>
        }
      />
      <div className={styles.facts}>
        <Text size={200}>{status.text}</Text>
        <Text size={200} data-testid="last-verify">
          {verify
            ? `Last checked ${verify.at.slice(0, 10)}: ${verify.ok ? 'worked' : `failed (${verify.title ?? verify.code ?? 'see details'})`}`
            : 'Not checked yet'}
        </Text>
      </div>
      {notes.length > 0 && (
        <div className={styles.notes}>
          {notes.map((n) =>
            n.severity === 'info' ? (
              <Text size={200} key={n.what}>
                {n.message}
              </Text>
            ) : (
              <MessageBar key={n.what} intent={n.severity} layout="multiline">
                <MessageBarBody>{n.message}</MessageBarBody>
                <MessageBarActions>
                  <Button size="small" onClick={n.what === 'refresh-token' ? onReacquire : onOpen}>
                    {n.what === 'refresh-token' ? 'Sign in again' : 'Enter a new credential'}
                  </Button>
                </MessageBarActions>
              </MessageBar>
            ),
          )}
        </div>
      )}
      {check.state.status === 'pending' ? (
        <OperationProgress label={`Checking ${profile.mailbox}…`} progress={check.progress} onCancel={check.cancel} />
      ) : (
        <div className={styles.actions}>
          {canCheck ? (
            <Button
              appearance="primary"
              icon={<PlayRegular />}
              onClick={() => void check.run({ profileId: profile.id })}
              aria-label={`Check now: ${profile.name}`}
            >
              Check now
            </Button>
          ) : (
            // Nothing to check without a sign-in: the way there, in one press.
            <Button appearance="primary" onClick={onReacquire} aria-label={`Sign in first: ${profile.name}`}>
              Sign in first
            </Button>
          )}
          <Button icon={<EditRegular />} onClick={onOpen} aria-label={`Open ${profile.name}`}>
            Open
          </Button>
          <Button icon={<CopyRegular />} onClick={onDuplicate} aria-label={`Duplicate ${profile.name}`}>
            Duplicate
          </Button>
          <Button icon={<DeleteRegular />} onClick={onDelete} aria-label={`Delete ${profile.name}`}>
            Delete
          </Button>
        </div>
      )}
      <ResultRegion focusKey={settled(check.state)} label={`Check result for ${profile.name}`} testId="card-check">
        {check.state.status === 'error' && <ProblemView problem={check.state.problem} />}
        {check.state.status === 'ok' && <VerifyReportView report={check.state.value.report} testId="card-check-ok" />}
      </ResultRegion>
    </Card>
  );
}
