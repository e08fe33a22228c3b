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
import { CopyRegular, DeleteRegular, EditRegular } from '@fluentui/react-icons';
import type { Profile } from '../../shared/profile';
import { targetPreset } from '../../shared/targets';
import { lifecycleOf, tokenStatusOf } from '../profile-lifecycle';

const useStyles = makeStyles({
  card: { backgroundColor: tokens.colorNeutralBackground1 },
  facts: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}` },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
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

/** One saved set-up: what it is for, whether it has a token, when things run out. */
export function ProfileCard({ profile, now, onOpen, onReacquire, onDuplicate, onDelete }: ProfileCardProps) {
  const styles = useStyles();
  const status = tokenStatusOf(profile);
  const verify = profile.tokenState.lastVerify;
  const notes = lifecycleOf(profile, now);
  const headingId = `profile-${profile.id}`;
  return (
    <Card className={styles.card} role="listitem" aria-labelledby={headingId} data-testid="profile-card">
      <CardHeader
        header={
          <Text weight="semibold" as="h3" id={headingId}>
            {profile.name}
          </Text>
        }
        description={
          <Text size={200}>
            {targetPreset(profile.targetId).label} · {profile.mailbox || 'no mailbox yet'}
          </Text>
        }
        action={
          <Badge className={styles.badge} appearance="tint" color={status.acquired ? 'success' : 'informative'}>
            {status.acquired ? 'Token acquired' : 'No token'}
          </Badge>
        }
      />
      <div className={styles.facts}>
        <Text size={200}>{status.text}</Text>
        <Text size={200} data-testid="last-verify">
          {verify
            ? `Last verified ${verify.at.slice(0, 10)}: ${verify.ok ? 'worked' : `failed (${verify.title ?? verify.code ?? 'see details'})`}`
            : 'Not verified yet'}
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
      <div className={styles.actions}>
        <Button appearance="primary" icon={<EditRegular />} onClick={onOpen} aria-label={`Open ${profile.name}`}>
          Open
        </Button>
        <Button icon={<CopyRegular />} onClick={onDuplicate} aria-label={`Duplicate ${profile.name}`}>
          Duplicate
        </Button>
        <Button icon={<DeleteRegular />} onClick={onDelete} aria-label={`Delete ${profile.name}`}>
          Delete
        </Button>
      </div>
    </Card>
  );
}
