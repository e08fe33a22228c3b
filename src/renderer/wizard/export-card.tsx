import {
  Button,
  Card,
  CardHeader,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ExportCheck, ExportField, ExportOutput } from '../../shared/export-output';
import type { Problem } from '../../shared/problem';
import { CopyButton } from '../components/copy-button';
import { ProblemView } from '../components/problem-view';
import { SecretCopyButton } from './export/secret-copy-button';

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
  standIn: { fontStyle: 'italic', color: tokens.colorNeutralForeground2 },
  label: { width: '38%' },
  action: { width: '120px', textAlign: 'end' },
  steps: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXXL },
  step: { marginBottom: tokens.spacingVerticalS },
  uses: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

/** What the secret fields need to offer "Copy value" or "Sign in first". */
export interface SecretAccess {
  readonly profileId: string;
  /** There is a refresh token in the keychain (a sign-in happened). */
  readonly hasRefreshToken: boolean;
  readonly onSignIn?: () => void;
}

/** Every field a withheld secret: copying the card would copy only stand-ins. */
const onlyStandIns = (o: ExportOutput): boolean =>
  o.kind === 'fields' && (o.fields?.length ?? 0) > 0 && (o.fields ?? []).every((f) => f.secret && f.withheld === true);

const checkIntent = { ok: 'success', 'too-long': 'error', unknown: 'warning' } as const;

function CheckLine({ check }: { readonly check: ExportCheck }) {
  return (
    <MessageBar intent={checkIntent[check.status]} layout="multiline" data-testid="export-check">
      <MessageBarBody>
        <strong>{check.label}:</strong> {check.message}
      </MessageBarBody>
    </MessageBar>
  );
}

function SecretValueCell({
  field,
  access,
  onProblem,
}: {
  readonly field: ExportField & { readonly secretName: 'clientSecret' | 'refreshToken' };
  readonly access: SecretAccess;
  readonly onProblem: (p: Problem | undefined) => void;
}) {
  if (field.secretName === 'refreshToken' && !access.hasRefreshToken)
    return access.onSignIn ? (
      <Button size="small" appearance="primary" onClick={access.onSignIn} aria-label={`Sign in first: ${field.label}`}>
        Sign in first
      </Button>
    ) : null;
  return (
    <SecretCopyButton profileId={access.profileId} secret={field.secretName} what={field.label} onProblem={onProblem} />
  );
}

/** One output: a file to save or a form's fields to type in, each with copy buttons. */
export function ExportCard({
  output,
  includeSecrets,
  access,
}: {
  readonly output: ExportOutput;
  readonly includeSecrets: boolean;
  readonly access: SecretAccess;
}) {
  const styles = useStyles();
  const [problem, setProblem] = useState<Problem | undefined>();
  const id = `export-${output.name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  return (
    <Card className={styles.card} aria-labelledby={id} data-testid="export-output" data-name={output.name}>
      <CardHeader
        header={
          <Text weight="semibold" as="h4" id={id}>
            {output.title}
          </Text>
        }
        description={
          <Text size={200}>
            {output.kind === 'file' ? `${output.name} · ` : ''}
            {output.description}
          </Text>
        }
        action={onlyStandIns(output) ? undefined : <CopyButton text={output.content} what={output.title} showLabel />}
      />
      {output.placement && (
        <Text size={200} data-testid="export-placement">
          <strong>Where it goes:</strong> {output.placement}
        </Text>
      )}
      {output.checks?.map((c) => (
        <CheckLine key={c.label} check={c} />
      ))}
      {output.warning && <Text size={200}>{output.warning}</Text>}
      {output.kind === 'steps' && output.steps ? (
        <ol className={styles.steps} data-testid="deployment-steps">
          {output.steps.map((s) => (
            <li key={s.title} className={styles.step}>
              <Text weight="semibold" block>
                {s.title}
              </Text>
              <Text block>{s.detail}</Text>
              {s.outputs.length > 0 && (
                <Text size={200} block>
                  Uses: <span className={styles.uses}>{s.outputs.join(', ')}</span>
                </Text>
              )}
            </li>
          ))}
        </ol>
      ) : output.kind === 'fields' && output.fields ? (
        <Table size="small" aria-labelledby={id}>
          <TableBody>
            {output.fields.map((f) => (
              <TableRow key={f.label}>
                <TableCell className={styles.label}>{f.label}</TableCell>
                <TableCell>
                  <Text className={f.withheld ? styles.standIn : styles.value}>{f.value}</Text>
                </TableCell>
                <TableCell className={styles.action}>
                  {f.secret && f.secretName ? (
                    <SecretValueCell
                      field={{ ...f, secretName: f.secretName }}
                      access={access}
                      onProblem={setProblem}
                    />
                  ) : f.secret && !includeSecrets ? null : (
                    <CopyButton text={f.value} what={f.label} />
                  )}
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
      {problem && <ProblemView problem={problem} />}
    </Card>
  );
}
