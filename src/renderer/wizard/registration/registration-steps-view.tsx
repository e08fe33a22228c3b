import { makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, CircleRegular, DismissCircleFilled } from '@fluentui/react-icons';
import type { Profile } from '../../../shared/profile';
import { registrationStepIds, type RegistrationStepId } from '../../../shared/registration-plan';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  text: { display: 'flex', flexDirection: 'column' },
  done: { color: tokens.colorPaletteGreenForeground1 },
  failed: { color: tokens.colorPaletteRedForeground1 },
  todo: { color: tokens.colorNeutralForeground3 },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  // Read by screen readers, not shown: the icon says the same to sighted users.
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

type Status = 'done' | 'running' | 'failed' | 'todo';

function describe(step: RegistrationStepId, p: Profile): { title: string; detail?: string } {
  const r = p.registration;
  const cred = p.credential;
  switch (step) {
    case 'application':
      return {
        title: `App registration “${r?.appName ?? ''}”`,
        ...(p.clientId ? { detail: `Application (client) ID ${p.clientId}` } : {}),
      };
    case 'credential':
      return r?.credentialKind === 'certificate'
        ? {
            title: 'Certificate: private key in this computer’s keychain, public part uploaded',
            ...(cred.kind === 'certificate' ? { detail: `Thumbprint ${cred.thumbprintSha1}` } : {}),
          }
        : {
            title: 'Client secret, stored in this computer’s keychain (never shown)',
            ...(cred.kind === 'secret' && cred.expiresOn ? { detail: `Expires ${cred.expiresOn.slice(0, 10)}` } : {}),
          };
    case 'servicePrincipal':
      return {
        title: 'Enterprise application (service principal)',
        ...(r?.servicePrincipalObjectId ? { detail: `Object ID ${r.servicePrincipalObjectId}` } : {}),
      };
    case 'consent':
      return { title: 'Admin consent for the organisation' };
    case 'ready':
      return { title: 'Accepted by Microsoft’s sign-in service' };
  }
}

/**
 * The five recorded steps with what each one holds: done (with its ids), running, failed, or
 * still to do. During a run, failure or after closing the app it says what exists and what is missing.
 */
export function RegistrationStepsView({
  profile,
  running,
  failed,
}: {
  readonly profile: Profile;
  /** The step being worked on now, if a run is going. */
  readonly running?: RegistrationStepId;
  readonly failed: boolean;
}) {
  const styles = useStyles();
  const steps = profile.registration?.steps ?? {};
  const firstMissing = registrationStepIds.find((s) => steps[s] === undefined);
  // During a run the window learns of finished steps from the progress, before the record is re-read.
  const runningAt = running ? registrationStepIds.indexOf(running) : -1;
  const statusOf = (s: RegistrationStepId): Status =>
    steps[s] !== undefined || registrationStepIds.indexOf(s) < runningAt
      ? 'done'
      : s === running
        ? 'running'
        : failed && s === firstMissing
          ? 'failed'
          : 'todo';
  return (
    <ol className={styles.list} aria-label="Steps of the app registration" data-testid="registration-steps">
      {registrationStepIds.map((s) => {
        const status = statusOf(s);
        const { title, detail } = describe(s, profile);
        return (
          <li key={s} className={styles.item} data-status={status}>
            {status === 'done' ? (
              <CheckmarkCircleFilled className={styles.done} aria-hidden />
            ) : status === 'running' ? (
              <Spinner size="extra-tiny" aria-hidden />
            ) : status === 'failed' ? (
              <DismissCircleFilled className={styles.failed} aria-hidden />
            ) : (
              <CircleRegular className={styles.todo} aria-hidden />
            )}
            <span className={styles.text}>
              <Text weight={status === 'running' ? 'semibold' : 'regular'}>
                {title}
                <span className={styles.hidden}>
                  {' '}
                  (
                  {status === 'done'
                    ? 'done'
                    : status === 'running'
                      ? 'in progress'
                      : status === 'failed'
                        ? 'failed'
                        : 'to do'}
                  )
                </span>
              </Text>
              {detail && status === 'done' && <Text className={styles.mono}>{detail}</Text>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
