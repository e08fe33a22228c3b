import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Problem } from '../../shared/problem';
import { CommandBlock } from './command-block';

const useStyles = makeStyles({
  body: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalS,
  },
  steps: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
});

/**
 * A diagnosis as the user sees it: what went wrong, why, what to do, and the commands to
 * run already filled in. Never a stack trace: the Problem has none.
 */
export function ProblemView({ problem, actions }: { readonly problem: Problem; readonly actions?: ReactNode }) {
  const styles = useStyles();
  return (
    <MessageBar
      intent={problem.retryable ? 'warning' : 'error'}
      layout="multiline"
      role="alert"
      data-testid="problem"
      data-problem-code={problem.code}
    >
      <MessageBarBody>
        <MessageBarTitle role="heading" aria-level={2}>
          {problem.title}
        </MessageBarTitle>
        <div className={styles.body}>
          <Text>{problem.explanation}</Text>
          {problem.fixSteps.length > 0 && (
            <>
              <Text weight="semibold">How to fix it</Text>
              <ol className={styles.steps}>
                {problem.fixSteps.map((step) => (
                  <li key={step}>{step}</li>
                ))}
              </ol>
            </>
          )}
          {problem.commands.length > 0 && (
            <>
              <Text weight="semibold">{problem.commands.length === 1 ? 'Command to run' : 'Commands to run'}</Text>
              {problem.commands.map((command) => (
                <CommandBlock key={command} text={command} what={`command ${command.split(' ')[0] ?? ''}`} />
              ))}
            </>
          )}
          <Text size={200}>Code: {problem.code}</Text>
          {actions}
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}
