import {
  Button,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Subtitle1,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DocumentRegular, EyeOffRegular, EyeRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { TargetPreset } from '../../shared/targets';
import { ProblemView } from '../components/problem-view';
import { useChannel } from '../ipc/use-channel';
import { TextField, type FieldBinding } from './form-field';
import { useFormStyles } from './form-styles';
import { PublicClientNote } from './public-client-note';
import { useCertificateCheck } from './use-certificate-check';
import { targetSendsSecret } from '../../shared/public-client';
import type { WizardForm } from './wizard-form';

const useStyles = makeStyles({
  picked: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

interface Props {
  readonly preset: TargetPreset;
  readonly form: WizardForm;
  readonly update: (patch: Partial<WizardForm>) => void;
  readonly binding: FieldBinding;
}

/** Client secret (value, ID, expiry); for app-only, a certificate file; for delegated, no credential (public client). */
export function CredentialFields({ preset, form, update, binding }: Props) {
  const formStyles = useFormStyles();
  const styles = useStyles();
  const [reveal, setReveal] = useState(false);
  const pick = useChannel('certificate:pick');
  const canUseCertificate = preset.credential === 'client-secret-or-certificate';
  // Delegated sign-in also works for a public client, but only where the target refreshes without a
  // secret: AEM, Onit & co. always send one and would fail (AADSTS700025). A saved profile that already
  // is a public client keeps the choice visible, with the warning, so it can be switched.
  const canBePublic = preset.flow === 'delegated' && (!targetSendsSecret(preset.id) || form.credentialKind === 'none');
  const check = useCertificateCheck(form);
  const certIssue = check.issue('certificate') ?? binding.issue('certificate');
  const pfxIssue = check.issue('pfxPassword') ?? binding.issue('pfxPassword');

  const pickFile = async (): Promise<void> => {
    const picked = await pick.run(undefined);
    if (picked && !picked.cancelled) {
      update({ certificate: { fileName: picked.fileName, source: picked.source, content: picked.content } });
      binding.touch('certificate');
    }
  };

  return (
    <section className={formStyles.section} aria-labelledby="details-credential">
      <Subtitle1 as="h3" id="details-credential">
        Credential
      </Subtitle1>
      {canUseCertificate && (
        <RadioGroup
          layout="horizontal"
          aria-label="Credential type"
          value={form.credentialKind}
          onChange={(_e, d) => update({ credentialKind: d.value === 'certificate' ? 'certificate' : 'secret' })}
        >
          <Radio value="secret" label="Client secret" />
          <Radio value="certificate" label="Certificate" />
        </RadioGroup>
      )}
      {canBePublic && (
        <RadioGroup
          aria-label="Credential type"
          value={form.credentialKind}
          onChange={(_e, d) => update({ credentialKind: d.value === 'none' ? 'none' : 'secret' })}
        >
          <Radio value="secret" label="Client secret" />
          <Radio
            value="none"
            label="None — public client (Mobile and desktop applications platform, “Allow public client flows” = Yes)"
          />
        </RadioGroup>
      )}
      {form.credentialKind === 'none' && canBePublic && <PublicClientNote preset={preset} />}
      {form.credentialKind === 'secret' && (
        <div className={formStyles.grid}>
          <TextField
            field="clientSecret"
            label="Client secret value"
            required={!form.stored.clientSecret}
            value={form.clientSecret}
            onChange={(clientSecret) => update({ clientSecret })}
            binding={binding}
            type={reveal ? 'text' : 'password'}
            autoComplete="new-password"
            placeholder={form.stored.clientSecret ? 'Stored in the keychain: type to replace it' : undefined}
            hint="The Value column, not the Secret ID."
            contentAfter={
              <Button
                appearance="transparent"
                size="small"
                aria-label={reveal ? 'Hide the client secret' : 'Show the client secret'}
                icon={reveal ? <EyeOffRegular /> : <EyeRegular />}
                onClick={() => setReveal((r) => !r)}
              />
            }
          />
          <TextField
            field="secretId"
            label="Secret ID (optional)"
            value={form.secretId}
            onChange={(secretId) => update({ secretId })}
            binding={binding}
            hint="Lets the wizard spot a Secret ID pasted as the value."
          />
          <TextField
            field="secretExpiresOn"
            label="Secret expires on (optional)"
            value={form.secretExpiresOn}
            onChange={(secretExpiresOn) => update({ secretExpiresOn })}
            binding={binding}
            type="date"
            hint="From the Expires column; the start screen warns before it."
          />
        </div>
      )}
      {form.credentialKind === 'certificate' && (
        <>
          <Field
            label="Certificate file (PEM with private key, or PFX)"
            required
            validationState={certIssue ? 'error' : check.opened ? 'success' : 'none'}
            validationMessage={certIssue?.message ?? check.opened}
            data-field="certificate"
          >
            <div className={styles.picked}>
              <Button
                id="field-certificate"
                icon={<DocumentRegular />}
                onClick={() => void pickFile()}
                disabled={pick.state.status === 'pending'}
              >
                Choose certificate file…
              </Button>
              <Text data-testid="certificate-file">
                {form.certificate
                  ? form.certificate.fileName
                  : form.storedCertificate
                    ? `Stored: ${form.storedCertificate.subject} (SHA-1 ${form.storedCertificate.thumbprintSha1})`
                    : 'No file chosen'}
              </Text>
            </div>
          </Field>
          {form.certificate?.source === 'pfx' && (
            <Field
              label="PFX password"
              validationState={pfxIssue ? pfxIssue.severity : 'none'}
              validationMessage={pfxIssue?.message}
              data-field="pfxPassword"
            >
              <Input
                id="field-pfxPassword"
                type="password"
                autoComplete="new-password"
                value={form.pfxPassword}
                onChange={(_e, d) => {
                  binding.touch('pfxPassword');
                  update({ pfxPassword: d.value });
                }}
              />
            </Field>
          )}
          {pick.state.status === 'error' && <ProblemView problem={pick.state.problem} />}
        </>
      )}
    </section>
  );
}
