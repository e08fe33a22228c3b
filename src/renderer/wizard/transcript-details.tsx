import { makeStyles, tokens } from '@fluentui/react-components';
import { CopyButton } from '../components/copy-button';
import { Disclosure } from '../components/disclosure';

const useStyles = makeStyles({
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
  if (lines.length === 0) return null;
  return (
    <Disclosure
      summary="details (SMTP conversation, tokens removed)"
      actions={<CopyButton text={lines.join('\n')} what="SMTP conversation" />}
    >
      <pre className={styles.pre} tabIndex={0} aria-label="SMTP conversation" data-testid="transcript">
        {lines.join('\n')}
      </pre>
    </Disclosure>
  );
}
