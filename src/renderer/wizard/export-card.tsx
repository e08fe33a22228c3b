import {
  Card,
  CardHeader,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { ExportOutput } from '../../shared/export-output';
import { CopyButton } from '../components/copy-button';

const useStyles = makeStyles({
  card: { backgroundColor: tokens.colorNeutralBackground1 },
  code: {
    margin: 0,
    maxHeight: '240px',
    overflow: 'auto',
    whiteSpace: 'pre',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
  },
  value: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
  label: { width: '38%' },
});

/** One output: a file to save or a form's fields to type in, each with copy buttons. */
export function ExportCard({
  output,
  includeSecrets,
}: {
  readonly output: ExportOutput;
  readonly includeSecrets: boolean;
}) {
  const styles = useStyles();
  const id = `export-${output.name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  return (
    <Card className={styles.card} aria-labelledby={id} data-testid="export-output" data-name={output.name}>
      <CardHeader
        header={
          <Text weight="semibold" as="h3" id={id}>
            {output.title}
          </Text>
        }
        description={
          <Text size={200}>
            {output.kind === 'file' ? `${output.name} · ` : ''}
            {output.description}
          </Text>
        }
        action={<CopyButton text={output.content} what={output.title} showLabel />}
      />
      {output.warning && <Text size={200}>{output.warning}</Text>}
      {output.kind === 'fields' && output.fields ? (
        <Table size="small" aria-labelledby={id}>
          <TableBody>
            {output.fields.map((f) => (
              <TableRow key={f.label}>
                <TableCell className={styles.label}>{f.label}</TableCell>
                <TableCell>
                  <Text className={styles.value}>{f.value}</Text>
                </TableCell>
                {/* A withheld secret shows a hint, not a value: nothing worth copying. */}
                <TableCell style={{ width: '48px' }}>
                  {f.secret && !includeSecrets ? null : <CopyButton text={f.value} what={f.label} />}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <pre className={styles.code} tabIndex={0} aria-label={`${output.title} content`}>
          {output.content}
        </pre>
      )}
    </Card>
  );
}
