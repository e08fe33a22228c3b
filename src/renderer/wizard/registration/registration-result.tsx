import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Profile } from '../../../shared/profile';
import { CopyButton } from '../../components/copy-button';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  table: {
    display: 'grid',
    gridTemplateColumns: 'minmax(180px, max-content) 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: 0,
  },
  pair: { display: 'contents' },
  value: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere', margin: 0 },
  command: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    paddingInline: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** What was created, with every id a later step or script needs, and the way to take it back. */
export function RegistrationResult({
  profile,
  exchangeCommands,
  removing,
  onRemove,
}: {
  readonly profile: Profile;
  readonly exchangeCommands: readonly string[];
  readonly removing: boolean;
  onRemove(): void;
}) {
  const styles = useStyles();
  const [confirm, setConfirm] = useState(false);
  const r = profile.registration;
  const cred = profile.credential;
  const rows: [string, string][] = [
    ['Organisation', `${r?.tenantName ?? ''}${r?.initialDomain ? ` (${r.initialDomain})` : ''}`],
    ['Directory (tenant) ID', r?.tenantId ?? ''],
    ['Application (client) ID', profile.clientId],
    ['App registration object ID', r?.applicationObjectId ?? ''],
    ['Enterprise application object ID', r?.servicePrincipalObjectId ?? ''],
    [
      'Credential',
      cred.kind === 'certificate'
        ? `Certificate ${cred.thumbprintSha1}, valid until ${cred.notAfter.slice(0, 10)} (private key in the keychain)`
        : cred.kind === 'secret'
          ? `Client secret in the keychain${cred.expiresOn ? `, expires ${cred.expiresOn.slice(0, 10)}` : ''}`
          : '',
    ],
  ];
  return (
    <div className={styles.box} data-testid="registration-result">
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>“{r?.appName}” is ready</MessageBarTitle>
          The app registration, its credential, the enterprise application and the admin consent exist in{' '}
          {r?.tenantName ?? 'your organisation'}, and Microsoft’s sign-in service accepts them. Next, the Details step
          shows the values filled in.
        </MessageBarBody>
      </MessageBar>
      <dl className={styles.table}>
        {rows.map(([k, v]) => (
          <div key={k} className={styles.pair}>
            <dt>
              <Text weight="semibold">{k}</Text>
            </dt>
            <dd className={styles.value}>{v}</dd>
          </div>
        ))}
      </dl>
      {exchangeCommands.length > 0 && (
        <section aria-labelledby="reg-exchange">
          <Text weight="semibold" id="reg-exchange" as="h3">
            Exchange still needs (Exchange Online PowerShell, as an Exchange administrator)
          </Text>
          {exchangeCommands.map((c) => (
            <div key={c} className={styles.command}>
              <span>{c}</span>
              <CopyButton text={c} what={`command ${c.split(' ')[0] ?? ''}`} />
            </div>
          ))}
          <Text size={200}>The exported register-service-principal.ps1 has the same values filled in.</Text>
        </section>
      )}
      <div className={styles.row}>
        <Button icon={<DeleteRegular />} disabled={removing} onClick={() => setConfirm(true)}>
          Remove the app registration…
        </Button>
      </div>
      <Dialog open={confirm} onOpenChange={(_e, d) => setConfirm(d.open)} modalType="alert">
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Remove “{r?.appName}”?</DialogTitle>
            <DialogContent>
              The app registration “{r?.appName}” (client ID {profile.clientId}) and its enterprise application are
              deleted from {r?.tenantName ?? 'your organisation'}, and this profile with its secret or key is removed
              from this computer. Mail systems set up with it stop working. Entra keeps the deleted app for 30 days (App
              registrations → Deleted applications).
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setConfirm(false)}>
                Keep it
              </Button>
              <Button
                appearance="primary"
                onClick={() => {
                  setConfirm(false);
                  onRemove();
                }}
              >
                Remove
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
