import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular, ArrowRightRegular, DismissRegular, WarningRegular } from '@fluentui/react-icons';
import type { Problem } from '../../shared/problem';
import { SupportReportButton, type SupportContext } from '../components/support-report-button';
import type { WizardStepId } from '../wizard-steps';
import type { DraftStatus } from './use-draft';

const useStyles = makeStyles({
  footer: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    flexWrap: 'wrap',
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBlock: tokens.spacingVerticalM,
    // Back and Next stay in reach on long steps at 900 x 640.
    position: 'sticky',
    bottom: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  spacer: { flexGrow: 1 },
  line: { flexBasis: '100%', order: 10 },
  warning: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'flex-start' },
});

const time = (iso: string): string => new Date(iso).toLocaleTimeString(undefined, { timeStyle: 'short' });

/** Back, Next (with what a failed check means for it), the draft's state, the support report and Close. */
export function WizardFooter(p: {
  readonly step: WizardStepId;
  readonly back: WizardStepId | undefined;
  readonly canAdvance: boolean;
  readonly saving: boolean;
  onBack(): void;
  onNext(): void;
  onClose(): void;
  /** Undefined once the profile is saved (the profile is what is kept then). */
  readonly draft: DraftStatus | undefined;
  readonly checkFailure: Problem | undefined;
  readonly targetLabel: string | undefined;
  readonly support: SupportContext;
}) {
  const styles = useStyles();
  // Next stays open after a failed check (the settings can still be exported), but says what will not work.
  const nextWarning = p.checkFailure
    ? `The last check failed (${p.checkFailure.title}): ${p.targetLabel ?? 'the mail system'} will not be able to send mail until that is fixed. You can still go on and export the settings.`
    : undefined;
  const draft = p.draft;
  return (
    <div className={styles.footer}>
      <Button icon={<ArrowLeftRegular />} disabled={!p.back} onClick={p.onBack}>
        Back
      </Button>
      <Button
        appearance="primary"
        icon={p.step === 'export' ? undefined : <ArrowRightRegular />}
        iconPosition="after"
        disabled={p.step !== 'export' && !p.canAdvance}
        // Still focusable while saving: a disabled button would drop keyboard focus on <body>.
        disabledFocusable={p.saving}
        onClick={p.onNext}
        aria-describedby={nextWarning ? 'next-warning' : undefined}
      >
        {p.step === 'details' ? 'Save and continue' : p.step === 'export' ? 'Finish' : 'Next'}
      </Button>
      {draft && draft.kind !== 'none' && (
        <Text size={200} data-testid="draft-status" role="status">
          {draft.kind === 'failed'
            ? `Could not keep a draft: ${draft.problem.title}`
            : draft.saved.secretsKept
              ? `Draft kept ${time(draft.saved.updatedAt)}`
              : `Draft kept ${time(draft.saved.updatedAt)}, without the secret (the keychain cannot be used)`}
        </Text>
      )}
      <span className={styles.spacer} />
      <SupportReportButton context={p.support} />
      <Button appearance="subtle" icon={<DismissRegular />} onClick={p.onClose} data-testid="wizard-close">
        Close
      </Button>
      {nextWarning && (
        <Text id="next-warning" size={200} className={`${styles.line} ${styles.warning}`} data-testid="next-warning">
          <WarningRegular aria-hidden="true" />
          <span>{nextWarning}</span>
        </Text>
      )}
    </div>
  );
}
