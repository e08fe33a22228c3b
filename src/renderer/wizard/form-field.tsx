import { Button, Field, Input, makeStyles, Textarea, tokens, type InputProps } from '@fluentui/react-components';
import type { FieldIssue } from '../../shared/profile-validation';

const useStyles = makeStyles({
  message: { display: 'inline-flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export interface FieldBinding {
  /** Issue to show now (the caller hides those of untouched fields). */
  issue(field: string): FieldIssue | undefined;
  touch(field: string): void;
  /** Puts an issue's suggested value into the field (and focus back into it). */
  apply?(field: string, value: string): void;
}

interface TextFieldProps {
  readonly field: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly binding: FieldBinding;
  readonly hint?: string;
  readonly required?: boolean;
  readonly type?: InputProps['type'];
  readonly multiline?: boolean;
  readonly placeholder?: string;
  readonly contentAfter?: InputProps['contentAfter'];
  readonly autoComplete?: string;
}

/** A labelled input whose validation message is tied to it (aria-describedby via Field). */
export function TextField(p: TextFieldProps) {
  const styles = useStyles();
  const issue = p.binding.issue(p.field);
  const state = issue ? (issue.severity === 'error' ? 'error' : 'warning') : 'none';
  // Validation shows as the user types (not on blur: a message appearing on blur moves the
  // button being clicked away from under the pointer).
  const change = (value: string): void => {
    p.binding.touch(p.field);
    p.onChange(value);
  };
  const common = {
    id: `field-${p.field}`,
    name: p.field,
    value: p.value,
    placeholder: p.placeholder,
    spellCheck: false,
  };
  return (
    <Field
      label={p.label}
      required={p.required}
      hint={p.hint}
      validationState={state}
      validationMessage={
        issue?.suggestion && p.binding.apply ? (
          <span className={styles.message}>
            {issue.message}
            <Button size="small" onClick={() => issue.suggestion && p.binding.apply?.(p.field, issue.suggestion)}>
              Use {issue.suggestion}
            </Button>
          </span>
        ) : (
          issue?.message
        )
      }
      data-field={p.field}
    >
      {p.multiline ? (
        // Tall enough for every line typed (five AEM scopes at 900 x 640 too), up to Fluent's max height.
        <Textarea
          {...common}
          resize="vertical"
          rows={Math.max(3, p.value.split('\n').length + 1)}
          onChange={(_e, d) => change(d.value)}
        />
      ) : (
        <Input
          {...common}
          type={p.type ?? 'text'}
          autoComplete={p.autoComplete ?? 'off'}
          contentAfter={p.contentAfter}
          onChange={(_e, d) => change(d.value)}
        />
      )}
    </Field>
  );
}
