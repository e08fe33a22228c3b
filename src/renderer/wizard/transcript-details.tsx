import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import { CopyButton } from '../components/copy-button';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  pre: {
    margin: 0,
    maxHeight: '260px',
    overflow: 'auto',
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
  },
});

/** The redacted SMTP conversation, folded away behind "details". */
export function TranscriptDetails({ lines }: { readonly lines: readonly string[] }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const id = useId();
  if (lines.length === 0) return null;
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
          {open ? 'Hide details' : 'Show details'} (SMTP conversation, tokens removed)
        </Button>
        {open && <CopyButton text={lines.join('\n')} what="SMTP conversation" />}
      </div>
      {open && (
        <pre id={id} className={styles.pre} tabIndex={0} aria-label="SMTP conversation" data-testid="transcript">
          {lines.join('\n')}
        </pre>
      )}
    </div>
  );
}
