import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled } from '@fluentui/react-icons';
import { wizardSteps, type WizardStepId } from '../wizard-steps';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
  },
  step: { minWidth: 0 },
  current: {
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
  },
  number: {
    display: 'inline-grid',
    placeItems: 'center',
    width: '20px',
    height: '20px',
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid currentColor`,
    fontSize: tokens.fontSizeBase200,
  },
  done: { color: tokens.colorPaletteGreenForeground1 },
});

export interface StepperProps {
  readonly current: WizardStepId;
  /** Steps that may be visited now (earlier steps, and later ones once their inputs exist). */
  readonly reachable: ReadonlySet<WizardStepId>;
  readonly done: ReadonlySet<WizardStepId>;
  onGo(step: WizardStepId): void;
}

/** The visible stepper: where you are, what is done, and a way back to any finished step. */
export function Stepper({ current, reachable, done, onGo }: StepperProps) {
  const styles = useStyles();
  return (
    <nav aria-label="Wizard steps">
      <ol className={styles.list}>
        {wizardSteps.map((step, i) => {
          const isCurrent = step.id === current;
          return (
            <li key={step.id} className={styles.step}>
              <Button
                appearance="subtle"
                size="small"
                className={mergeClasses(isCurrent && styles.current)}
                aria-current={isCurrent ? 'step' : undefined}
                disabled={!reachable.has(step.id) && !isCurrent}
                onClick={() => onGo(step.id)}
                icon={
                  done.has(step.id) && !isCurrent ? (
                    <CheckmarkCircleFilled className={styles.done} aria-hidden="true" />
                  ) : (
                    <span className={styles.number} aria-hidden="true">
                      {i + 1}
                    </span>
                  )
                }
              >
                {step.title}
              </Button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
