import { Badge, makeStyles, Text, Title2, Tooltip, tokens } from '@fluentui/react-components';
import type { AppInfo } from '../../shared/ipc-contract';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    paddingBlock: tokens.spacingVerticalM,
    paddingInline: tokens.spacingHorizontalXL,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    flexWrap: 'wrap',
  },
  spacer: { flexGrow: 1 },
});

/** App name, version and keychain state: what a helpdesk asks first. `pending`: they are on their way. */
export function AppHeader({ info, pending }: { readonly info: AppInfo | undefined; readonly pending: boolean }) {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <Title2 as="h1">SMTP OAuth Wizard</Title2>
      {info && <Text data-testid="app-version">Version {info.version}</Text>}
      <span className={styles.spacer} />
      {!info && pending && (
        <Badge appearance="tint" color="informative" data-testid="keychain-pending">
          Checking the keychain…
        </Badge>
      )}
      {info &&
        (info.keychain.available ? (
          // Plain words on the badge; which keychain binding is in use is for the helpdesk, on hover or focus.
          <Tooltip content={`Details: ${info.keychain.backend}`} relationship="description">
            <Badge appearance="tint" color="success" data-testid="keychain-state" tabIndex={0}>
              Keychain available: secrets stay in the system keychain
            </Badge>
          </Tooltip>
        ) : (
          <Badge appearance="tint" color="danger" data-testid="keychain-state">
            Keychain not available
          </Badge>
        ))}
    </header>
  );
}
