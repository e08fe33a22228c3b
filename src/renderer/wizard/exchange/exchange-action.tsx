import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { ExchangeAction as Action, ExchangeApplied, ExchangePlanView } from '../../../shared/ipc-contract';
import { ProblemView } from '../../components/problem-view';
import { useOperation } from '../../ipc/use-operation';
import { OperationProgress } from '../operation-progress';
import { PlanView } from './plan-view';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

export interface ExchangeActionProps {
  readonly profileId: string;
  readonly action: Action;
  /** After a run whose re-check passed (the caller checks SMTP again to show the current state). */
  onFixed?(result: ExchangeApplied): void;
  onClose(): void;
}

/**
 * One Exchange change from the window, started when it appears: ask for the plan (the admin may be asked to sign in so the app
 * can read Exchange first), show exactly what will run, run it only on "Run", then show each step's
 * outcome and the SMTP re-check until it passes or Exchange's propagation bound does.
 */
export function ExchangeAction({ profileId, action, onFixed, onClose }: ExchangeActionProps) {
  const styles = useStyles();
  const planning = useOperation('exchange:plan');
  const applying = useOperation('exchange:apply');
  const [view, setView] = useState<ExchangePlanView | undefined>(undefined);

  const ask = async (): Promise<void> => {
    applying.reset();
    setView(await planning.run({ profileId, action }));
  };
  const run = async (): Promise<void> => {
    if (!view) return;
    const result = await applying.run({ planId: view.planId });
    if (result?.wait?.ok) onFixed?.(result);
  };
  const dismiss = (): void => {
    planning.cancel();
    onClose();
  };
  const started = useRef(false);
  useEffect(() => {
    // Once per mount (React's development double effect included): the plan is asked for on the click that showed this.
    if (started.current) return;
    started.current = true;
    void ask();
  });

  if (planning.state.status === 'pending' || planning.state.status === 'idle')
    return (
      <OperationProgress label="Preparing the Exchange plan…" progress={planning.progress} onCancel={planning.cancel} />
    );
  if (!view)
    return (
      <section className={styles.box} aria-label="Exchange Online change" data-testid="exchange-action">
        {planning.state.status === 'error' && <ProblemView problem={planning.state.problem} />}
        <div className={styles.row}>
          <Button onClick={() => void ask()}>Try again</Button>
          <Button onClick={dismiss}>Dismiss</Button>
        </div>
      </section>
    );

  const applied = applying.state.status === 'ok' ? applying.state.value : undefined;
  const failure = applied?.run.problem ?? (applied?.wait && !applied.wait.ok ? applied.wait.problem : undefined);
  const runnable = !view.problem && !view.plan.blocked && view.plan.steps.length > 0;
  return (
    <section className={styles.box} aria-label="Exchange Online change" data-testid="exchange-action">
      {view.secondSignIn && (
        <MessageBar intent="info" layout="multiline" data-testid="exchange-second-sign-in">
          <MessageBarBody>
            <MessageBarTitle>Why you were asked to sign in again</MessageBarTitle>
            {view.secondSignIn}
          </MessageBarBody>
        </MessageBar>
      )}
      {view.adminUpn && <Text size={200}>Signed in to Exchange Online as {view.adminUpn}.</Text>}
      {view.problem && <ProblemView problem={view.problem} />}
      <PlanView plan={view.plan} {...(applied ? { outcomes: applied.run.steps } : {})} />
      {applying.state.status === 'pending' ? (
        <OperationProgress
          label="Running in Exchange Online…"
          progress={applying.progress}
          onCancel={applying.cancel}
        />
      ) : applied ? (
        <>
          {applied.adminUpn && <Text size={200}>Ran as {applied.adminUpn}.</Text>}
          {failure ? (
            <ProblemView problem={failure} />
          ) : (
            <MessageBar intent="success" layout="multiline" data-testid="exchange-ok">
              <MessageBarBody>
                <MessageBarTitle>Done: SMTP accepts the login now</MessageBarTitle>
                {applied.wait && applied.wait.attempts > 1
                  ? `Exchange took about ${Math.max(1, Math.round(applied.wait.elapsedMs / 60_000))} min to apply the change.`
                  : 'Exchange applied the change at once.'}
              </MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.row}>
            <Button onClick={dismiss}>Done</Button>
          </div>
        </>
      ) : (
        <>
          {applying.state.status === 'error' && <ProblemView problem={applying.state.problem} />}
          <div className={styles.row}>
            {runnable && (
              <Button appearance="primary" onClick={() => void run()}>
                {view.plan.steps.length === 1
                  ? 'Run this command in Exchange Online'
                  : `Run these ${view.plan.steps.length} commands in Exchange Online`}
              </Button>
            )}
            <Button onClick={dismiss}>{runnable ? 'Not now' : 'Dismiss'}</Button>
          </div>
        </>
      )}
    </section>
  );
}
