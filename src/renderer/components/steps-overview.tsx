import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { wizardSteps } from '../wizard-steps';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  item: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-start' },
  number: {
    flexShrink: 0,
    width: '28px',
    height: '28px',
    borderRadius: tokens.borderRadiusCircular,
    display: 'grid',
    placeItems: 'center',
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    fontWeight: tokens.fontWeightSemibold,
  },
  text: { display: 'flex', flexDirection: 'column' },
});

/** The six steps in plain words, so the user knows the whole road before starting. */
export function StepsOverview() {
  const styles = useStyles();
  return (
    <ol className={styles.list} aria-label="Steps of the wizard">
      {wizardSteps.map((step, i) => (
        <li className={styles.item} key={step.id}>
          <span className={styles.number} aria-hidden="true">
            {i + 1}
          </span>
          <span className={styles.text}>
            <Text weight="semibold">{step.title}</Text>
            <Text size={200}>{step.summary}</Text>
          </span>
        </li>
      ))}
    </ol>
  );
}
