import { Button, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { Modal } from '../components/modal';
import { useState } from 'react';
import type { Profile } from '../../shared/profile';

export type DuplicateChoice = 'same-client' | 'another-client';

const credentialName = (p: Profile): string =>
  p.credential.kind === 'certificate'
    ? 'certificate'
    : p.credential.kind === 'secret'
      ? 'client secret'
      : 'app registration (no secret)';

/**
 * Duplicate asks what the copy is for: another mailbox of the same client keeps the app
 * registration and its credential (and says so); another client starts a new set-up from
 * these settings and asks for that client's tenant and credential, so a secret never
 * crosses tenants unannounced.
 */
export function DuplicateDialog({
  profile,
  onCancel,
  onChoose,
  onClosed,
}: {
  readonly profile: Profile | undefined;
  onCancel(): void;
  onChoose(p: Profile, choice: DuplicateChoice): void;
  onClosed(): void;
}) {
  const [choice, setChoice] = useState<DuplicateChoice>('another-client');
  return (
    <Modal
      open={profile !== undefined}
      title={`Duplicate “${profile?.name ?? ''}”`}
      onDismiss={onCancel}
      onClosed={onClosed}
      actions={
        <>
          <Button appearance="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button appearance="primary" onClick={() => profile && onChoose(profile, choice)}>
            Duplicate
          </Button>
        </>
      }
    >
      <RadioGroup
        aria-label="What the copy is for"
        value={choice}
        onChange={(_e, d) => setChoice(d.value === 'same-client' ? 'same-client' : 'another-client')}
      >
        <Radio
          value="another-client"
          label={{
            children: (
              <>
                <Text weight="semibold">Another client (another tenant)</Text>
                <br />
                <Text size={200}>
                  Starts a new set-up with these settings. You enter the new client’s tenant, Application (client) ID
                  and credential; nothing secret is copied.
                </Text>
              </>
            ),
          }}
        />
        <Radio
          value="same-client"
          label={{
            children: (
              <>
                <Text weight="semibold">Another mailbox of the same client (tenant {profile?.tenant})</Text>
                <br />
                <Text size={200}>
                  The copy uses the same app registration and its stored {profile ? credentialName(profile) : ''}; you
                  then enter the new mailbox and sign in as it.
                </Text>
              </>
            ),
          }}
        />
      </RadioGroup>
    </Modal>
  );
}
