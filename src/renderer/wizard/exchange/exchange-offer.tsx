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
import { useState } from 'react';
import type { ExchangeAction } from '../../../shared/ipc-contract';
import { isPlausibleMailbox } from '../../../shared/mailbox-address';
import type { Profile } from '../../../shared/profile';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  group: { minWidth: '320px' },
});

type Access = 'mailbox' | 'group';

/**
 * The opt-in Exchange Online part of the set-up, offered on Verify: app-only gives the app access to
 * its mailbox only (service principal and Full Access) or, with App RBAC, to every member of a
 * mail-enabled group; delegated checks SMTP AUTH for this mailbox and offers to switch it on. Each
 * shows its plan (the exact commands) first; nothing runs before the admin says so.
 */
export function ExchangeOffer({ profile, onStart }: { readonly profile: Profile; onStart(a: ExchangeAction): void }) {
  const styles = useStyles();
  const appOnly = profile.flow === 'app-only';
  const [access, setAccess] = useState<Access>('mailbox');
  const [group, setGroup] = useState('');
  const [touched, setTouched] = useState(false);
  const groupOk = isPlausibleMailbox(group.trim());
  const groupMessage =
    touched && !groupOk ? 'Enter the mail-enabled group’s address, such as smtp-senders@contoso.com.' : undefined;
  const start = (): void => {
    if (!appOnly) return onStart({ kind: 'smtp-auth' });
    if (access === 'mailbox') return onStart({ kind: 'give-access' });
    setTouched(true);
    if (groupOk) onStart({ kind: 'give-access', group: group.trim() });
  };
  return (
    <section className={styles.box} aria-labelledby="exchange-offer-title">
      <Subtitle1 as="h3" id="exchange-offer-title">
        Exchange Online (optional)
      </Subtitle1>
      <Text>
        {appOnly
          ? `Exchange must know the app and let it send. An Exchange administrator can let the app do that here instead of in PowerShell; you see every command before it runs.`
          : `SMTP AUTH must be on for ${profile.mailbox}. An Exchange administrator can check it here and switch it on for this mailbox only; you see the command before it runs.`}
      </Text>
      {appOnly && (
        <Field label="The app may send as">
          <RadioGroup value={access} onChange={(_, d) => setAccess(d.value === 'group' ? 'group' : 'mailbox')}>
            <Radio value="mailbox" label={`${profile.mailbox} only (Full Access to the mailbox)`} />
            <Radio value="group" label="Any member of a mail-enabled group (App RBAC management scope)" />
          </RadioGroup>
        </Field>
      )}
      {appOnly && access === 'group' && (
        <Field
          className={styles.group}
          label="Group address"
          hint="A mail-enabled security group or distribution group; its members are the mailboxes the app may send as."
          validationState={groupMessage ? 'error' : 'none'}
          {...(groupMessage ? { validationMessage: groupMessage } : {})}
        >
          <Input
            value={group}
            placeholder="smtp-senders@contoso.com"
            onChange={(_, d) => setGroup(d.value)}
            onBlur={() => setTouched(true)}
          />
        </Field>
      )}
      <Button onClick={start}>
        {!appOnly
          ? `Check SMTP AUTH for ${profile.mailbox}…`
          : access === 'group'
            ? 'Give the group’s members access…'
            : `Give the app access to ${profile.mailbox}…`}
      </Button>
    </section>
  );
}
