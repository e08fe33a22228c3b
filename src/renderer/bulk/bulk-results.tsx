import {
  Badge,
  makeStyles,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { BulkRow } from '../../shared/bulk-check';
import { CopyButton } from '../components/copy-button';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  reason: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  mailbox: { wordBreak: 'break-all' },
  command: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXS },
  code: {
    flexGrow: 1,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalXS,
    wordBreak: 'break-all',
    whiteSpace: 'pre-wrap',
  },
});

/** Rows drawn at once; the saved report always has all of them. */
export const MAX_SHOWN_ROWS = 500;

type Filter = 'all' | 'failed' | 'passed';

const passed = (r: BulkRow): boolean => r.status === 'ok';

function ResultBadge({ row }: { readonly row: BulkRow }) {
  if (row.status === 'ok')
    return (
      <Badge appearance="tint" color="success">
        Passed
      </Badge>
    );
  return (
    <Badge appearance="tint" color={row.status === 'invalid' ? 'warning' : 'danger'}>
      {row.status === 'invalid' ? 'Not a mailbox' : 'Failed'}
    </Badge>
  );
}

/** The live table: mailbox, result, and in plain words why it failed and what to do. */
export function BulkResults({ rows }: { readonly rows: readonly BulkRow[] }) {
  const styles = useStyles();
  const [filter, setFilter] = useState<Filter>('all');
  const ok = rows.filter(passed).length;
  const shown = filter === 'all' ? rows : rows.filter((r) => passed(r) === (filter === 'passed'));
  return (
    <div className={styles.box}>
      <RadioGroup
        layout="horizontal"
        aria-label="Show"
        value={filter}
        onChange={(_e, d) => setFilter(d.value as Filter)}
      >
        <Radio value="all" label={`All (${rows.length})`} />
        <Radio value="failed" label={`Failed (${rows.length - ok})`} />
        <Radio value="passed" label={`Passed (${ok})`} />
      </RadioGroup>
      <Table size="small" aria-label="Results per mailbox" data-testid="bulk-results">
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: '4.5em' }}>Line</TableHeaderCell>
            <TableHeaderCell style={{ width: '25%' }}>Mailbox</TableHeaderCell>
            <TableHeaderCell style={{ width: '8.5em' }}>Result</TableHeaderCell>
            <TableHeaderCell>Reason</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.slice(0, MAX_SHOWN_ROWS).map((r) => (
            <TableRow key={r.line} data-testid="bulk-row" data-status={r.status}>
              <TableCell>{r.line}</TableCell>
              <TableCell className={styles.mailbox}>{r.mailbox || '(empty)'}</TableCell>
              <TableCell>
                <ResultBadge row={r} />
              </TableCell>
              <TableCell>
                {r.status === 'ok' ? (
                  <Text size={200}>The app logged in to this mailbox over SMTP.</Text>
                ) : (
                  <div className={styles.reason}>
                    <Text>{r.title}</Text>
                    {r.fix && <Text size={200}>Fix: {r.fix}</Text>}
                    {r.command && (
                      <div className={styles.command}>
                        <code className={styles.code}>{r.command}</code>
                        <CopyButton text={r.command} what={`commands for ${r.mailbox}`} />
                      </div>
                    )}
                  </div>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {shown.length > MAX_SHOWN_ROWS && (
        <Text size={200}>
          Showing the first {MAX_SHOWN_ROWS} of {shown.length} rows; the saved report has all of them.
        </Text>
      )}
      {shown.length === 0 && rows.length > 0 && <Text>No row matches this filter.</Text>}
    </div>
  );
}
