import { makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import type { ExchangePlan, StepOutcome } from '../../../shared/exchange-plan';
import { CommandBlock } from '../../components/command-block';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  steps: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
});

const STATUS: Readonly<Record<StepOutcome['status'], string>> = {
  done: 'Done',
  already: 'Already in place',
  failed: 'Failed',
  'not-run': 'Not run',
};

/**
 * An Exchange plan as the admin reads it before saying yes: what the app found, each step in plain
 * words with its exact PowerShell, the cautions, and the whole script to run by hand instead.
 * With `outcomes`, each step also says what happened to it.
 */
export function PlanView({
  plan,
  outcomes,
}: {
  readonly plan: ExchangePlan;
  readonly outcomes?: readonly StepOutcome[];
}) {
  const styles = useStyles();
  const script = plan.powershell.join('\n');
  return (
    <div className={styles.box} data-testid="exchange-plan">
      <Text weight="semibold" as="h3" role="heading" aria-level={3}>
        {plan.title}
      </Text>
      {plan.found.length > 0 && (
        <ul className={styles.steps} aria-label="Found in Exchange">
          {plan.found.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
      {plan.steps.length === 0 ? (
        <Text>Nothing to change in Exchange.</Text>
      ) : (
        <ol className={styles.steps} aria-label="What the app will run">
          {plan.steps.map((s) => {
            const outcome = outcomes?.find((o) => o.id === s.id);
            return (
              <li key={s.id} data-testid="exchange-step" data-status={outcome?.status ?? 'planned'}>
                <Text>
                  {s.purpose}
                  {outcome && (
                    <strong>
                      {' '}
                      — {STATUS[outcome.status]}
                      {outcome.message && outcome.status !== 'done' ? ` (${outcome.message})` : ''}
                    </strong>
                  )}
                </Text>
                <CommandBlock text={s.powershell} what={`command ${s.cmdlet.name}`} />
              </li>
            );
          })}
        </ol>
      )}
      {plan.blocked && (
        <MessageBar intent="warning">
          <MessageBarBody>{plan.blocked} Run the PowerShell below instead.</MessageBarBody>
        </MessageBar>
      )}
      {plan.notes.map((n) => (
        <Text size={200} key={n}>
          {n}
        </Text>
      ))}
      <Text weight="semibold">The same in Exchange Online PowerShell</Text>
      <CommandBlock text={script} what="PowerShell script" testId="exchange-script" />
    </div>
  );
}
