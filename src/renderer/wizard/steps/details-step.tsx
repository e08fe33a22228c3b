import { Field, Select, Subtitle1, Text } from '@fluentui/react-components';
import { clouds } from '../../../shared/clouds';
import type { CloudId } from '../../../shared/profile';
import type { TargetPreset } from '../../../shared/targets';
import { AdminConsentBlock } from '../admin-consent-block';
import { CredentialFields } from '../credential-fields';
import { TextField, type FieldBinding } from '../form-field';
import { useFormStyles } from '../form-styles';
import { NetworkFields } from '../network-fields';
import { StepHeading } from '../step-heading';
import { draftOf, flowOf, type WizardForm } from '../wizard-form';

export interface DetailsStepProps {
  readonly preset: TargetPreset;
  readonly form: WizardForm;
  readonly update: (patch: Partial<WizardForm>) => void;
  readonly binding: FieldBinding;
}

/** Step 3: the values copied from the portal, checked as they are typed. */
export function DetailsStep({ preset, form, update, binding }: DetailsStepProps) {
  const styles = useFormStyles();
  const flow = flowOf(form);
  return (
    <>
      <StepHeading
        title="Enter the details"
        intro="Copy these from the app registration's Overview and Certificates & secrets pages. Secrets go to the system keychain, never to a file."
      />
      <section className={styles.section} aria-labelledby="details-profile">
        <Subtitle1 as="h3" id="details-profile">
          Profile
        </Subtitle1>
        <TextField
          field="name"
          label="Profile name"
          required
          value={form.name}
          onChange={(name) => update({ name })}
          binding={binding}
          hint="For example: Contoso – AEM notifications mailbox."
        />
      </section>

      <section className={styles.section} aria-labelledby="details-app">
        <Subtitle1 as="h3" id="details-app">
          App registration
        </Subtitle1>
        <div className={styles.grid}>
          <Field label="Microsoft cloud">
            <Select id="field-cloud" value={form.cloud} onChange={(_e, d) => update({ cloud: d.value as CloudId })}>
              {(Object.keys(clouds) as CloudId[]).map((id) => (
                <option key={id} value={id}>
                  {clouds[id].label}
                </option>
              ))}
            </Select>
          </Field>
          {form.cloud === 'custom' && (
            <TextField
              field="customAuthorityHost"
              label="Authority host"
              required
              value={form.customAuthorityHost}
              onChange={(v) => update({ customAuthorityHost: v })}
              binding={binding}
              placeholder="https://login.example.com"
            />
          )}
          <TextField
            field="tenant"
            label="Directory (tenant) ID"
            required
            value={form.tenant}
            onChange={(tenant) => update({ tenant })}
            binding={binding}
            hint="The GUID from Overview, or a verified domain such as contoso.com."
          />
          <TextField
            field="clientId"
            label="Application (client) ID"
            required
            value={form.clientId}
            onChange={(clientId) => update({ clientId })}
            binding={binding}
          />
          {flow === 'app-only' && (
            <TextField
              field="servicePrincipalObjectId"
              label="Enterprise application object ID (optional)"
              value={form.servicePrincipalObjectId}
              onChange={(servicePrincipalObjectId) => update({ servicePrincipalObjectId })}
              binding={binding}
              hint="Entra ID > Enterprise applications > your app > Object ID. Fills the Exchange commands; the app’s first token fills it in too."
            />
          )}
        </div>
      </section>

      <CredentialFields preset={preset} form={form} update={update} binding={binding} />

      <section className={styles.section} aria-labelledby="details-signin">
        <Subtitle1 as="h3" id="details-signin">
          {flow === 'app-only' ? 'Token' : 'Sign-in'}
        </Subtitle1>
        <div className={styles.grid}>
          {flow === 'delegated' && (
            <TextField
              field="redirectUri"
              label="Redirect URI"
              required
              value={form.redirectUri}
              onChange={(redirectUri) => update({ redirectUri })}
              binding={binding}
              hint="Exactly as registered under Authentication."
            />
          )}
          <TextField
            field="scopes"
            label="Scopes"
            multiline
            value={form.scopes}
            onChange={(scopes) => update({ scopes })}
            binding={binding}
            hint={`One per line. ${preset.label} uses the ones filled in.`}
          />
        </div>
      </section>

      <section className={styles.section} aria-labelledby="details-mailbox">
        <Subtitle1 as="h3" id="details-mailbox">
          Mailbox
        </Subtitle1>
        <div className={styles.grid}>
          <TextField
            field="mailbox"
            label="Mailbox that logs in"
            required
            value={form.mailbox}
            onChange={(mailbox) => update({ mailbox })}
            binding={binding}
            hint={flow === 'app-only' ? 'The mailbox the app sends as.' : 'The account you will sign in with.'}
            type="email"
          />
          <TextField
            field="fromAddress"
            label="From address (if different)"
            value={form.fromAddress}
            onChange={(fromAddress) => update({ fromAddress })}
            binding={binding}
            hint="A shared mailbox the account may send as."
            type="email"
          />
          <TextField
            field="smtpHost"
            label="SMTP server"
            required
            value={form.smtpHost}
            onChange={(smtpHost) => update({ smtpHost })}
            binding={binding}
          />
          <TextField
            field="smtpPort"
            label="SMTP port"
            required
            value={form.smtpPort}
            onChange={(smtpPort) => update({ smtpPort })}
            binding={binding}
            type="number"
          />
        </div>
        {clouds[form.cloud].smtpHosts.some((h) => !h.confirmed && h.host === form.smtpHost.trim()) && (
          <Text size={200}>{form.smtpHost.trim()} is commonly used but not in Microsoft's endpoint list.</Text>
        )}
      </section>

      <NetworkFields form={form} update={update} binding={binding} />
      <AdminConsentBlock draft={draftOf(form)} />
    </>
  );
}
