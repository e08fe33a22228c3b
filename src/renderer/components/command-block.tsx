import { makeStyles, tokens } from '@fluentui/react-components';
import { CopyButton } from './copy-button';

const useStyles = makeStyles({
  command: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
  },
  code: {
    margin: 0,
    flexGrow: 1,
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
});

/** A command (or a script) to paste, exactly as shown, with its copy button. */
export function CommandBlock({
  text,
  what,
  testId,
}: {
  readonly text: string;
  /** Names it for screen readers: "Copy command Set-CASMailbox". */
  readonly what: string;
  readonly testId?: string;
}) {
  const styles = useStyles();
  return (
    <div className={styles.command}>
      <pre className={styles.code} {...(testId ? { 'data-testid': testId } : {})}>
        {text}
      </pre>
      <CopyButton text={text} what={what} />
    </div>
  );
}
