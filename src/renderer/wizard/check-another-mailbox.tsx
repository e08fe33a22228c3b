import { Button, Field, Input, makeStyles, Subtitle1, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Profile } from '../../shared/profile';
import { looksLikeEmail } from '../../shared/profile-validation';
import { ProblemView } from '../components/problem-view';
import { ResultRegion, settled } from '../components/result-region';
import { useOperation } from '../ipc/use-operation';
import { OperationProgress } from './operation-progress';
import { VerifyReportView } from './verify-report-view';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  input: { minWidth: '280px' },
});

/**
 * A helpdesk check of a mailbox that has no profile of its own: the app's token, an SMTP
 * login as that mailbox, the answer here. The profile keeps its mailbox and its last
 * check (main records nothing for such a check).
 */
export function CheckAnotherMailbox({ profile }: { readonly profile: Profile }) {
  const styles = useStyles();
  const [mailbox, setMailbox] = useState('');
  const op = useOperation('token:verify');
  const typed = mailbox.trim();
  const invalid = typed !== '' && !looksLikeEmail(typed);
  const check = (): void => void op.run({ profileId: profile.id, mailbox: typed });
  const result = op.state.status === 'ok' ? op.state.value : undefined;

  return (
    <section className={styles.box} aria-labelledby="check-another-title" data-testid="check-another">
      <Subtitle1 as="h3" id="check-another-title">
        Check another mailbox
      </Subtitle1>
      <Text>
        A one-off SMTP login with this app as another mailbox of the tenant. “{profile.name}” stays set up for{' '}
        {profile.mailbox}; nothing about this check is saved.
      </Text>
      {op.state.status === 'pending' ? (
        <OperationProgress label={`Checking ${typed}…`} progress={op.progress} onCancel={op.cancel} />
      ) : (
        <form
          className={styles.row}
          onSubmit={(e) => {
            e.preventDefault();
            if (looksLikeEmail(typed)) check();
          }}
        >
          <Field
            label="Mailbox to check"
            validationState={invalid ? 'error' : 'none'}
            validationMessage={invalid ? 'Mailbox to check: enter an address such as dave@contoso.com.' : undefined}
          >
            <Input
              className={styles.input}
              type="email"
              value={mailbox}
              onChange={(_e, d) => setMailbox(d.value)}
              placeholder="someone@contoso.com"
            />
          </Field>
          <Button type="submit" disabled={!looksLikeEmail(typed)}>
            Check this mailbox
          </Button>
        </form>
      )}
      <ResultRegion focusKey={settled(op.state)} label="Result of the one-off check">
        {op.state.status === 'error' && <ProblemView problem={op.state.problem} />}
        {result && <VerifyReportView report={result.report} testId="check-another-ok" />}
      </ResultRegion>
    </section>
  );
}
