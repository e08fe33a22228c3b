import { makeStyles, Text, Title3, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  heading: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalM,
  },
});

/** Every step opens with a heading the stepper moves focus to, so keyboard and screen-reader users land there. */
export function StepHeading({ title, intro }: { readonly title: string; readonly intro?: string }) {
  const styles = useStyles();
  return (
    <div className={styles.heading}>
      <Title3 as="h2" id="step-title" tabIndex={-1}>
        {title}
      </Title3>
      {intro && <Text>{intro}</Text>}
    </div>
  );
}
