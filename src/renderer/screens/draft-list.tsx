import { Button, Card, CardHeader, makeStyles, Subtitle1, Text, tokens } from '@fluentui/react-components';
import { ArrowRightRegular, DeleteRegular } from '@fluentui/react-icons';
import type { DraftSummary } from '../../shared/draft';
import { targetPreset } from '../../shared/targets';
import { wizardSteps } from '../wizard-steps';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: { backgroundColor: tokens.colorNeutralBackground1 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

const when = (iso: string): string =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const draftName = (d: DraftSummary): string => d.name.trim() || 'Untitled set-up';

/** Set-ups that were closed (or interrupted) before their profile was saved: continue or discard each. */
export function DraftList({
  drafts,
  onResume,
  onDiscard,
}: {
  readonly drafts: readonly DraftSummary[];
  onResume(id: string): void;
  onDiscard(d: DraftSummary): void;
}) {
  const styles = useStyles();
  if (drafts.length === 0) return null;
  return (
    <section aria-labelledby="drafts-title" className={styles.list}>
      <Subtitle1 as="h2" id="drafts-title">
        Unfinished set-ups ({drafts.length})
      </Subtitle1>
      <div className={styles.list} role="list" aria-label="Unfinished set-ups">
        {drafts.map((d) => {
          const headingId = `draft-${d.id}`;
          const step = wizardSteps.find((s) => s.id === d.step)?.title ?? d.step;
          return (
            <Card
              key={d.id}
              className={styles.card}
              role="listitem"
              aria-labelledby={headingId}
              data-testid="draft-card"
            >
              <CardHeader
                header={
                  <Text as="h3" weight="semibold" id={headingId}>
                    {draftName(d)}
                  </Text>
                }
                description={
                  <Text size={200}>
                    {[d.targetId ? targetPreset(d.targetId).label : 'No target yet', d.tenant, d.mailbox]
                      .filter(Boolean)
                      .join(' · ')}{' '}
                    · at “{step}”, kept {when(d.updatedAt)}
                  </Text>
                }
              />
              <div className={styles.actions}>
                <Button
                  appearance="primary"
                  icon={<ArrowRightRegular />}
                  iconPosition="after"
                  onClick={() => onResume(d.id)}
                  aria-label={`Continue ${draftName(d)}`}
                >
                  Continue
                </Button>
                <Button icon={<DeleteRegular />} onClick={() => onDiscard(d)} aria-label={`Discard ${draftName(d)}`}>
                  Discard
                </Button>
              </div>
            </Card>
          );
        })}
      </div>
    </section>
  );
}
