import { Button, makeStyles, Subtitle1 } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { TextField, type FieldBinding } from './form-field';
import { useFormStyles } from './form-styles';
import type { WizardForm } from './wizard-form';

const useStyles = makeStyles({ toggle: { paddingInlineStart: 0, minWidth: 0, font: 'inherit' } });

/** Proxy, extra trusted CA and timeout: folded away, most people never need them. */
export function NetworkFields({
  form,
  update,
  binding,
}: {
  readonly form: WizardForm;
  readonly update: (patch: Partial<WizardForm>) => void;
  readonly binding: FieldBinding;
}) {
  const styles = useFormStyles();
  const local = useStyles();
  const [open, setOpen] = useState(form.proxyUrl !== '' || form.extraCaPem !== '');
  return (
    <section className={styles.section} aria-labelledby="details-network">
      <Subtitle1 as="h3" id="details-network">
        <Button
          className={local.toggle}
          appearance="transparent"
          icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
          aria-expanded={open}
          aria-controls="network-fields"
          onClick={() => setOpen((o) => !o)}
        >
          Network settings (proxy, trusted certificate)
        </Button>
      </Subtitle1>
      {open && (
        <div className={styles.grid} id="network-fields">
          <TextField
            field="proxyUrl"
            label="HTTPS proxy"
            value={form.proxyUrl}
            onChange={(proxyUrl) => update({ proxyUrl })}
            binding={binding}
            placeholder="http://proxy.example.com:8080"
            hint="Empty: use HTTPS_PROXY if set."
          />
          <TextField
            field="timeoutSeconds"
            label="Timeout (seconds)"
            value={form.timeoutSeconds}
            onChange={(timeoutSeconds) => update({ timeoutSeconds })}
            binding={binding}
            type="number"
          />
          <TextField
            field="extraCaPem"
            label="Extra trusted CA (PEM)"
            multiline
            value={form.extraCaPem}
            onChange={(extraCaPem) => update({ extraCaPem })}
            binding={binding}
            hint="For networks that inspect TLS: paste the inspection appliance's root certificate."
          />
        </div>
      )}
    </section>
  );
}
