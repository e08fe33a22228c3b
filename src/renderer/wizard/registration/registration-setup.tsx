import { Button, Field, makeStyles, Radio, RadioGroup, Select, Subtitle2, tokens } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { clouds } from '../../../shared/clouds';
import type { CloudId } from '../../../shared/profile';
import { secretLifetimes } from '../../../shared/registration-plan';
import { TextField, type FieldBinding } from '../form-field';
import { useFormStyles } from '../form-styles';
import type { RegistrationForm } from './registration-form';

const useStyles = makeStyles({
  toggle: { paddingInlineStart: 0, minWidth: 0, font: 'inherit' },
  radios: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/**
 * The few things "Create it for me" asks: the profile's name and the sending mailbox, the
 * credential, and, folded away, what most admins never change (app name, sign-in app, tenant,
 * cloud). `locked` once the app registration exists: its name and cloud can no longer change.
 */
export function RegistrationSetup({
  part,
  form,
  update,
  binding,
  certificateAllowed,
  lockedApp,
  lockedCredential,
}: {
  /** `who`: mailbox and name (above the preview); `how`: credential and the advanced choices. */
  readonly part: 'who' | 'how';
  readonly form: RegistrationForm;
  readonly update: (patch: Partial<RegistrationForm>) => void;
  readonly binding: FieldBinding;
  readonly certificateAllowed: boolean;
  readonly lockedApp: boolean;
  readonly lockedCredential: boolean;
}) {
  const styles = useFormStyles();
  const local = useStyles();
  const [advanced, setAdvanced] = useState(false);
  if (part === 'who')
    return (
      <div className={styles.grid}>
        <TextField
          field="reg-mailbox"
          label="Mailbox that sends"
          required
          value={form.mailbox}
          onChange={(mailbox) => update({ mailbox })}
          binding={binding}
          hint="Its organisation is where the app registration is made."
          autoComplete="email"
        />
        <TextField
          field="reg-name"
          label="Profile name"
          required
          value={form.name}
          onChange={(name) => update({ name })}
          binding={binding}
          hint="How this set-up is listed in this app."
        />
      </div>
    );
  return (
    <>
      <Field label="Credential">
        <RadioGroup
          className={local.radios}
          value={form.credential}
          disabled={lockedCredential}
          onChange={(_e, d) => update({ credential: d.value === 'certificate' ? 'certificate' : 'secret' })}
        >
          <Radio value="secret" label="A client secret (what this mail system signs in with)" />
          {certificateAllowed && (
            <Radio value="certificate" label="A certificate made on this computer (more secure; no secret to leak)" />
          )}
        </RadioGroup>
      </Field>
      <Field label={form.credential === 'secret' ? 'Secret valid for' : 'Certificate valid for'}>
        <Select
          id="field-reg-lifetime"
          value={String(form.secretLifetimeMonths)}
          disabled={lockedCredential}
          onChange={(_e, d) => update({ secretLifetimeMonths: Number(d.value) })}
        >
          {secretLifetimes
            .filter((m) => form.credential === 'secret' || m <= 12)
            .map((m) => (
              <option key={m} value={m}>
                {m} months
              </option>
            ))}
        </Select>
      </Field>
      <section className={styles.section} aria-labelledby="reg-advanced">
        <Subtitle2 as="h3" id="reg-advanced">
          <Button
            className={local.toggle}
            appearance="transparent"
            icon={advanced ? <ChevronDownRegular /> : <ChevronRightRegular />}
            aria-expanded={advanced}
            aria-controls="reg-advanced-fields"
            onClick={() => setAdvanced((o) => !o)}
          >
            Advanced: app name, sign-in app, organisation, cloud
          </Button>
        </Subtitle2>
        {advanced && (
          <div className={styles.grid} id="reg-advanced-fields">
            {!lockedApp && (
              <TextField
                field="reg-app-name"
                label="App registration name"
                value={form.appName}
                onChange={(appName) => update({ appName })}
                binding={binding}
              />
            )}
            <TextField
              field="reg-admin-client"
              label="Sign-in app (client ID)"
              value={form.adminClientId}
              onChange={(adminClientId) => update({ adminClientId })}
              binding={binding}
              placeholder="Microsoft Graph Command Line Tools"
              hint="For tenants that block Microsoft Graph Command Line Tools: a public client of your own with the Graph permissions to create apps."
            />
            <TextField
              field="reg-tenant"
              label="Organisation (tenant ID or domain)"
              value={form.tenant}
              onChange={(tenant) => update({ tenant })}
              binding={binding}
              placeholder={form.mailbox.includes('@') ? form.mailbox.split('@')[1] : 'contoso.com'}
              hint="Empty: the mailbox’s domain. Consultants signing in to a client tenant enter it here."
            />
            {!lockedApp && (
              <Field label="Microsoft cloud">
                <Select
                  id="field-reg-cloud"
                  value={form.cloud}
                  onChange={(_e, d) => update({ cloud: d.value as CloudId })}
                >
                  {(Object.keys(clouds) as CloudId[]).map((id) => (
                    <option key={id} value={id}>
                      {clouds[id].label}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            {!lockedApp && form.cloud === 'custom' && (
              <>
                <TextField
                  field="reg-authority"
                  label="Authority host"
                  value={form.customAuthorityHost}
                  onChange={(customAuthorityHost) => update({ customAuthorityHost })}
                  binding={binding}
                  placeholder="https://login.example.test"
                />
                <TextField
                  field="reg-graph"
                  label="Microsoft Graph host"
                  value={form.customGraphHost}
                  onChange={(customGraphHost) => update({ customGraphHost })}
                  binding={binding}
                  placeholder="https://graph.example.test"
                />
                <TextField
                  field="reg-smtp-host"
                  label="SMTP server"
                  value={form.smtpHost}
                  onChange={(smtpHost) => update({ smtpHost })}
                  binding={binding}
                  placeholder="smtp.office365.com"
                />
                <TextField
                  field="reg-smtp-port"
                  label="SMTP port"
                  value={form.smtpPort}
                  onChange={(smtpPort) => update({ smtpPort })}
                  binding={binding}
                  placeholder="587"
                />
                <TextField
                  field="reg-ca"
                  label="Extra trusted CA (PEM)"
                  multiline
                  value={form.extraCaPem}
                  onChange={(extraCaPem) => update({ extraCaPem })}
                  binding={binding}
                />
              </>
            )}
          </div>
        )}
      </section>
    </>
  );
}
