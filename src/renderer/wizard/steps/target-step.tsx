import { makeStyles, Radio, RadioGroup, Text, tokens } from '@fluentui/react-components';
import type { TargetId } from '../../../shared/profile';
import { targetPreset, targetPresets } from '../../../shared/targets';

// From the presets (plain data), not the zod schema module: keeps zod out of the renderer bundle.
const targetIds = Object.keys(targetPresets) as TargetId[];
import { StepHeading } from '../step-heading';

const useStyles = makeStyles({
  group: { display: 'grid', gap: tokens.spacingVerticalS },
  option: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    paddingBlock: tokens.spacingVerticalXS,
  },
  label: { display: 'flex', flexDirection: 'column' },
});

/** Step 1: which mail system will send; it decides flow, scopes, redirect URIs and exports. */
export function TargetStep({
  value,
  onChange,
}: {
  readonly value: TargetId | undefined;
  readonly onChange: (id: TargetId) => void;
}) {
  const styles = useStyles();
  return (
    <>
      <StepHeading
        title="Which system will send the mail?"
        intro="The wizard tailors the checklist, the sign-in and the exported files to it."
      />
      <RadioGroup
        className={styles.group}
        aria-label="Target system"
        value={value ?? ''}
        onChange={(_e, data) => onChange(data.value as TargetId)}
      >
        {targetIds.map((id) => {
          const preset = targetPreset(id);
          return (
            <Radio
              key={id}
              value={id}
              className={styles.option}
              data-testid={`target-${id}`}
              label={{
                className: styles.label,
                children: (
                  <>
                    <Text weight="semibold">{preset.label}</Text>
                    <Text size={200}>{preset.summary}</Text>
                  </>
                ),
              }}
            />
          );
        })}
      </RadioGroup>
    </>
  );
}
