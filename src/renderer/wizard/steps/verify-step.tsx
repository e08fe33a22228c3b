import { Button, Field, Input, makeStyles, Subtitle1, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ExchangeAction as Action } from '../../../shared/ipc-contract';
import type { Problem } from '../../../shared/problem';
import type { Profile } from '../../../shared/profile';
import { looksLikeEmail } from '../../../shared/profile-validation';
import { ProblemView } from '../../components/problem-view';
import { ResultRegion, settled } from '../../components/result-region';
import { useOperation } from '../../ipc/use-operation';
import { ClaimsView } from '../claims-view';
import { ExchangeAction } from '../exchange/exchange-action';
import { ExchangeOffer } from '../exchange/exchange-offer';
import { OperationProgress } from '../operation-progress';
import type { TokenResult, VerifyResult } from '../results';
import { StepHeading } from '../step-heading';
import { CheckAnotherMailbox } from '../check-another-mailbox';
import { VerifyReportView } from '../verify-report-view';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
});

export interface VerifyStepProps {
  readonly profile: Profile;
  readonly token: TokenResult | undefined;
  readonly verify: VerifyResult | undefined;
  onVerified(result: VerifyResult): void;
  /** The check ended before SMTP (no token): the wizard says so beside Next. */
  onFailed(problem: Problem): void;
}

/** Step 5: redeem the stored token as the target will, log in to SMTP with it, optionally send a test mail. */
export function VerifyStep({ profile, token, verify, onVerified, onFailed }: VerifyStepProps) {
  const styles = useStyles();
  const [to, setTo] = useState(profile.fromAddress || profile.mailbox);
  const op = useOperation('token:verify');
  const inspection = verify?.inspection ?? token?.inspection;
  const report = verify?.report;
  const [exchange, setExchange] = useState<Action | undefined>(undefined);
  /** "Fix it" beside a diagnosis whose fix is Exchange cmdlets the app can run for the admin. */
  const fixIt = (p: Problem) =>
    p.remedy?.kind === 'exchange' && !exchange ? (
      <Button onClick={() => setExchange({ kind: 'fix', code: p.code })}>Fix it in Exchange Online…</Button>
    ) : undefined;

  const run = async (send: boolean): Promise<void> => {
    const result = await op.run({ profileId: profile.id, ...(send ? { sendTo: to.trim() } : {}) });
    if (result) onVerified(result);
  };
  // A check that failed before SMTP is the wizard's business too (Next says what will not work); a cancel is not a failure.
  const failure = op.state.status === 'error' ? op.state.problem : undefined;
  useEffect(() => {
    if (failure && failure.category !== 'cancelled') onFailed(failure);
  }, [failure, onFailed]);

  return (
    <div className={styles.box}>
      <StepHeading
        title="Check that it works"
        intro={
          profile.flow === 'delegated'
            ? 'The app redeems the stored refresh token exactly as the target system will, then logs in to SMTP with the new token.'
            : 'The app gets a fresh app-only token, then logs in to SMTP with it.'
        }
      />
      <Text>
        Logs in as <strong>{profile.mailbox}</strong>
        {profile.fromAddress && profile.fromAddress !== profile.mailbox ? (
          <>
            {' '}
            and sends as <strong>{profile.fromAddress}</strong>
          </>
        ) : null}{' '}
        through {profile.smtpHost}:{profile.smtpPort}.
      </Text>
      {op.state.status === 'pending' ? (
        <OperationProgress label="Checking…" progress={op.progress} onCancel={op.cancel} />
      ) : (
        <div className={styles.row}>
          <Button appearance="primary" onClick={() => void run(false)}>
            Check SMTP login
          </Button>
          <Field
            label="Test mail recipient"
            validationState={to.trim() && !looksLikeEmail(to) ? 'error' : 'none'}
            validationMessage={
              to.trim() && !looksLikeEmail(to) ? 'Enter an email address, such as the mailbox itself.' : undefined
            }
          >
            <Input type="email" value={to} onChange={(_e, d) => setTo(d.value)} />
          </Field>
          <Button onClick={() => void run(true)} disabled={!looksLikeEmail(to)}>
            Send a test mail
          </Button>
        </div>
      )}
      <ResultRegion focusKey={settled(op.state)} label="Check result">
        {op.state.status === 'error' && <ProblemView problem={op.state.problem} actions={fixIt(op.state.problem)} />}
        {/* After a failed or cancelled run, an earlier run's result would read as this one's. */}
        {report && op.state.status !== 'pending' && op.state.status !== 'error' && (
          <VerifyReportView report={report} problemActions={fixIt} />
        )}
      </ResultRegion>
      {exchange ? (
        <ExchangeAction
          key={JSON.stringify(exchange)}
          profileId={profile.id}
          action={exchange}
          onClose={() => setExchange(undefined)}
          onFixed={() => void run(false)}
        />
      ) : (
        op.state.status !== 'pending' && <ExchangeOffer profile={profile} onStart={setExchange} />
      )}
      {inspection && (
        <section aria-labelledby="claims-title" className={styles.box}>
          <Subtitle1 as="h3" id="claims-title">
            What the token says
          </Subtitle1>
          <ClaimsView
            inspection={inspection}
            smtpFailed={op.state.status === 'error' || (report !== undefined && !report.ok)}
          />
        </section>
      )}
      {profile.flow === 'app-only' && <CheckAnotherMailbox profile={profile} />}
    </div>
  );
}
