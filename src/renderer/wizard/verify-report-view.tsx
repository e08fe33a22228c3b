import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Problem } from '../../shared/problem';
import type { VerifyReport } from '../../shared/verify-report';
import { ProblemView } from '../components/problem-view';
import { TranscriptDetails } from './transcript-details';

/** One SMTP check's answer: worked (and what was sent) or the diagnosis, its warnings and the transcript. */
export function VerifyReportView({
  report,
  testId = 'verify-ok',
  problemActions,
}: {
  readonly report: VerifyReport;
  readonly testId?: string;
  /** Buttons beside the diagnosis (e.g. Verify's "Fix it in Exchange Online…"). */
  readonly problemActions?: (problem: Problem) => ReactNode;
}) {
  return (
    <>
      {report.ok ? (
        <MessageBar intent="success" layout="multiline" data-testid={testId}>
          <MessageBarBody>
            <MessageBarTitle>SMTP login as {report.authUser} worked</MessageBarTitle>
            {report.sentTo
              ? `A test mail from ${report.fromAddress} was accepted for ${report.sentTo}.`
              : 'Nothing was sent.'}{' '}
            ({Math.round(report.durationMs)} ms)
          </MessageBarBody>
        </MessageBar>
      ) : (
        report.problem && <ProblemView problem={report.problem} actions={problemActions?.(report.problem)} />
      )}
      {report.warnings.map((w) => (
        <ProblemView key={w.code} problem={{ ...w, retryable: true }} />
      ))}
      <TranscriptDetails lines={report.transcript} />
    </>
  );
}
