import { Button, makeStyles, Subtitle1, Text, tokens } from '@fluentui/react-components';
import type { ExchangeAction } from '../../../shared/ipc-contract';
import type { Profile } from '../../../shared/profile';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
});

/**
 * The opt-in Exchange Online part of the set-up, offered on Verify: app-only gives the app access to
 * its mailbox (service principal and Full Access), delegated checks SMTP AUTH for this mailbox and
 * offers to switch it on. Each shows its plan first; nothing runs before the admin says so.
 */
export function ExchangeOffer({ profile, onStart }: { readonly profile: Profile; onStart(a: ExchangeAction): void }) {
  const styles = useStyles();
  const appOnly = profile.flow === 'app-only';
  return (
    <section className={styles.box} aria-labelledby="exchange-offer-title">
      <Subtitle1 as="h3" id="exchange-offer-title">
        Exchange Online (optional)
      </Subtitle1>
      <Text>
        {appOnly
          ? `Exchange must know the app and let it use ${profile.mailbox}. An Exchange administrator can let the app do that here instead of in PowerShell; you see every command before it runs.`
          : `SMTP AUTH must be on for ${profile.mailbox}. An Exchange administrator can check it here and switch it on for this mailbox only; you see the command before it runs.`}
      </Text>
      <Button onClick={() => onStart(appOnly ? { kind: 'give-access' } : { kind: 'smtp-auth' })}>
        {appOnly ? `Give the app access to ${profile.mailbox}…` : `Check SMTP AUTH for ${profile.mailbox}…`}
      </Button>
    </section>
  );
}
