import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, type ReactNode } from 'react';

const useStyles = makeStyles({
  region: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
});

/**
 * Where an operation's answer appears. When `focusKey` changes to a defined value (a
 * finished call's state), focus moves here, so the button that started it can disappear
 * or be disabled without dropping keyboard and screen-reader users on <body>, and the
 * answer is read out and scrolled into view at once.
 */
export function ResultRegion({
  focusKey,
  label,
  children,
  testId,
}: {
  readonly focusKey: unknown;
  readonly label: string;
  readonly children: ReactNode;
  readonly testId?: string;
}) {
  const styles = useStyles();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusKey === undefined) return;
    ref.current?.focus();
  }, [focusKey]);
  return (
    <div ref={ref} tabIndex={-1} className={styles.region} role="group" aria-label={label} data-testid={testId}>
      {children}
    </div>
  );
}

/** The state object of a call once it has an answer (a new object per answer), else undefined. */
export const settled = <S extends { readonly status: string }>(state: S): S | undefined =>
  state.status === 'ok' || state.status === 'error' ? state : undefined;
