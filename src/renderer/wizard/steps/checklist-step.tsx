import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { OpenRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import type { TargetPreset } from '../../../shared/targets';
import { CopyButton } from '../../components/copy-button';
import { invoke } from '../../ipc/wizard-client';
import { AdminConsentBlock } from '../admin-consent-block';
import { commandsOf, fillText, type KnownValues } from '../checklist-commands';
import { entraAppRegistrationsUrl } from '../admin-consent-link';
import { StepHeading } from '../step-heading';
import { draftOf, type WizardForm } from '../wizard-form';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalL,
  },
  steps: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  stepText: { display: 'flex', flexDirection: 'column' },
  uri: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  code: { fontFamily: tokens.fontFamilyMonospace },
  command: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalXS,
    paddingInline: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
    whiteSpace: 'pre-wrap',
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** What the Exchange commands' placeholders get, as far as the wizard knows it now. */
const known = (form: WizardForm): KnownValues => ({
  cloud: form.cloud,
  mailbox: form.mailbox,
  clientId: form.clientId,
  name: form.name,
  servicePrincipalObjectId: form.servicePrincipalObjectId,
});

/** Who grants a permission's consent, in words that say what to press and who can. */
const consentBy = (adminConsentRequired: boolean): string =>
  adminConsentRequired
    ? 'An administrator, with “Grant admin consent”'
    : 'The mailbox user at the first sign-in (an administrator instead, if your organization does not let users consent)';

/** Step 2: what to click in the Entra admin center and Exchange for this target, with copy buttons. */
export function ChecklistStep({
  preset,
  form,
  above,
}: {
  readonly preset: TargetPreset;
  readonly form: WizardForm;
  /** Shown under the heading (step 2's "Create it for me / I'll do it myself" choice). */
  readonly above?: ReactNode;
}) {
  const styles = useStyles();
  const draft = draftOf(form);
  return (
    <>
      <StepHeading
        title={`Register the app for ${preset.label}`}
        intro="Do these steps in the Entra admin center, or send them to the client's admin. The next step checks the values you copy from there."
      />
      {above}
      <div className={styles.row}>
        <Button
          appearance="primary"
          icon={<OpenRegular />}
          onClick={() => void invoke('external:open', { url: entraAppRegistrationsUrl(form.cloud) })}
        >
          Open the Entra admin center
        </Button>
      </div>

      <section className={styles.section} aria-labelledby="entra-steps">
        <Subtitle1 as="h3" id="entra-steps">
          In the Entra admin center
        </Subtitle1>
        <ol className={styles.steps}>
          {preset.checklist.map((step) => (
            <li key={step.title}>
              <span className={styles.stepText}>
                <Text weight="semibold">{step.title}</Text>
                <Text>{step.detail}</Text>
              </span>
            </li>
          ))}
        </ol>
      </section>

      {preset.redirect.platform !== 'none' && (
        <section className={styles.section} aria-labelledby="redirect-uris">
          <Subtitle1 as="h3" id="redirect-uris">
            Redirect URIs (platform: {preset.redirect.platform})
          </Subtitle1>
          {preset.redirect.uris.map((uri) => (
            <div className={styles.uri} key={uri}>
              <Text className={styles.code}>{uri}</Text>
              <CopyButton text={uri} what={`redirect URI ${uri}`} />
            </div>
          ))}
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{preset.redirect.note}</MessageBarBody>
          </MessageBar>
        </section>
      )}

      <section className={styles.section} aria-labelledby="permissions">
        <Subtitle1 as="h3" id="permissions">
          API permissions
        </Subtitle1>
        <Table size="small" aria-labelledby="permissions">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>API</TableHeaderCell>
              <TableHeaderCell>Type</TableHeaderCell>
              <TableHeaderCell>Permission</TableHeaderCell>
              <TableHeaderCell>Who consents</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {preset.permissions.map((p) => (
              <TableRow key={`${p.api}/${p.type}/${p.permission}`}>
                <TableCell>
                  {p.api} <Text size={200}>({p.apiTab})</Text>
                </TableCell>
                <TableCell>{p.type}</TableCell>
                <TableCell>
                  <span className={styles.uri}>
                    <Text className={styles.code}>{p.permission}</Text>
                    <CopyButton text={p.permission} what={`permission ${p.permission}`} />
                  </span>
                </TableCell>
                <TableCell>{consentBy(p.adminConsentRequired)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>

      <section className={styles.section} aria-labelledby="exchange-steps">
        <Subtitle1 as="h3" id="exchange-steps">
          In Exchange Online
        </Subtitle1>
        <ol className={styles.steps}>
          {preset.exchangeAdminSteps.map((step) => (
            <li key={step.title}>
              <span className={styles.stepText}>
                <Text weight="semibold">{step.title}</Text>
                <Text>{fillText(step.detail, known(form))}</Text>
                <StepCommands commands={commandsOf(step, known(form))} title={step.title} />
              </span>
            </li>
          ))}
        </ol>
      </section>

      <AdminConsentBlock draft={draft} />
    </>
  );
}

/** A step's commands in one block; one button copies the whole sequence (the RBAC one is five lines). */
function StepCommands({ commands, title }: { readonly commands: readonly string[]; readonly title: string }) {
  const styles = useStyles();
  if (commands.length === 0) return null;
  const text = commands.join('\n');
  const what =
    commands.length === 1 ? `command ${commands[0]?.split(' ')[0] ?? ''}` : `the ${commands.length} commands: ${title}`;
  return (
    <span className={styles.command} data-testid="step-commands">
      <code className={styles.code}>{text}</code>
      <CopyButton text={text} what={what} />
    </span>
  );
}
