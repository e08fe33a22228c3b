import { makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import type { RegistrationPlan } from '../../../shared/registration-plan';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

/**
 * "Before anything is created": the plan in plain words (issue 13 item 2). It is the same plan
 * core executes, so the preview cannot promise what the app does not do.
 */
export function RegistrationPreview({
  plan,
  organisation,
}: {
  readonly plan: RegistrationPlan;
  readonly organisation: string;
}) {
  const styles = useStyles();
  const delegated = plan.consent === 'delegated';
  return (
    <section className={styles.box} aria-labelledby="reg-preview-title" data-testid="registration-preview">
      <Subtitle2 as="h3" id="reg-preview-title">
        What will be created in {organisation}
      </Subtitle2>
      <ul className={styles.list}>
        <li>
          <Text>
            An app registration named <strong>{plan.appName}</strong>, for your organisation only (single tenant).
          </Text>
        </li>
        <li>
          {plan.platform === 'web' ? (
            <Text>
              Platform Web with the redirect URI{plan.redirectUris.length === 1 ? '' : 's'}{' '}
              {plan.redirectUris.map((u, i) => (
                <span key={u}>
                  {i > 0 ? ' and ' : ''}
                  <span className={styles.code}>{u}</span>
                </span>
              ))}
              {plan.laterRedirectUris.length > 0 &&
                `; add ${plan.laterRedirectUris.join(', ')} yourself once you know the host (Authentication page)`}
              .
            </Text>
          ) : (
            <Text>No platform or redirect URI: the mail system signs in as the app itself, nobody signs in.</Text>
          )}
        </li>
        <li>
          <Text>Permissions it asks for:</Text>
          <ul className={styles.list}>
            {plan.permissions.map((p) => (
              <li key={`${p.resourceAppId}/${p.value}`}>
                <Text>
                  <strong>{p.value}</strong> ({p.api}, {p.type === 'Scope' ? 'delegated' : 'application'}): {p.meaning}
                </Text>
              </li>
            ))}
          </ul>
        </li>
        <li>
          <Text>
            {plan.credential === 'secret'
              ? `A client secret valid for ${plan.secretLifetimeMonths} months. It goes straight into this computer’s keychain and is never shown; you are reminded before it expires.`
              : `A certificate made on this computer, valid for ${Math.min(12, plan.secretLifetimeMonths)} months. Its private key stays in this computer’s keychain; only the public certificate is uploaded.`}
          </Text>
        </li>
        <li>
          <Text>
            {delegated
              ? `Admin consent for the whole organisation: any user of ${organisation} can then use these permissions through this app without being asked (the mailbox still signs in once).`
              : `Admin consent for the application permission for the whole organisation. Exchange still decides which mailboxes it may use: the commands for that are shown afterwards.`}
          </Text>
        </li>
      </ul>
      <Text size={200}>
        Nothing is created until an administrator signs in. The administrator’s sign-in is kept in memory only and
        forgotten when the app closes.
      </Text>
    </section>
  );
}
