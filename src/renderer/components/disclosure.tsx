import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { useId, useState, type ReactNode } from 'react';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/**
 * Technical detail folded away under "Show …": plain words stay on top, claim names, raw
 * values and transcripts are one press away for whoever needs them.
 */
export function Disclosure({
  summary,
  children,
  actions,
}: {
  /** Completes "Show …" / "Hide …", e.g. "details (SMTP conversation, tokens removed)". */
  readonly summary: string;
  readonly children: ReactNode;
  /** Shown beside the toggle while open (a copy button). */
  readonly actions?: ReactNode;
}) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div>
      <div className={styles.row}>
        <Button
          appearance="subtle"
          icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? 'Hide' : 'Show'} {summary}
        </Button>
        {open && actions}
      </div>
      {open && <div id={id}>{children}</div>}
    </div>
  );
}
