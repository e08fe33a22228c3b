import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Profile } from '../../../shared/profile';
import { ProblemView } from '../../components/problem-view';
import { useOperation } from '../../ipc/use-operation';
import { ClaimsView } from '../claims-view';
import { deviceCodeLimits, targetSendsSecret } from '../../../shared/public-client';
import { DeviceCodePanel } from '../device-code-panel';
import { OperationProgress } from '../operation-progress';
import type { TokenResult } from '../results';
import { StepHeading } from '../step-heading';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

type Method = 'embedded' | 'system-browser' | 'device-code';

export interface SignInStepProps {
  readonly profile: Profile;
  readonly token: TokenResult | undefined;
  onToken(token: TokenResult): void;
}

/** Step 4: sign in as the mailbox (window or browser), or get the app's own token. */
export function SignInStep({ profile, token, onToken }: SignInStepProps) {
  const styles = useStyles();
  const [method, setMethod] = useState<Method>('embedded');
  const op = useOperation('token:acquire');
  const appOnly = profile.flow === 'app-only';
  const stored = profile.tokenState.refreshTokenStoredAt;
  // Device code gives a public client's refresh token, so it is offered only to public clients.
  const publicClient = profile.credential.kind === 'none';

  const start = async (how: Method | 'app-only'): Promise<void> => {
    const result = await op.run({ profileId: profile.id, method: how });
    if (result) onToken(result);
  };

  return (
    <div className={styles.box}>
      <StepHeading
        title={appOnly ? 'Get an app-only token' : `Sign in as ${profile.mailbox || 'the mailbox'}`}
        intro={
          appOnly
            ? 'The app asks Entra ID for a token with its own credential; nobody signs in.'
            : 'Sign in with the account that sends the mail. The refresh token goes straight into the system keychain.'
        }
      />
      {!appOnly && (
        <RadioGroup
          aria-label="Where to sign in"
          disabled={op.state.status === 'pending'}
          value={method}
          onChange={(_e, d) =>
            setMethod(d.value === 'system-browser' || d.value === 'device-code' ? d.value : 'embedded')
          }
        >
          <Radio value="embedded" label="In a sign-in window of this app (recommended)" />
          <Radio
            value="system-browser"
            label="In my web browser (when the window is blocked by policy, or for a security key or passkey)"
          />
          {publicClient && (
            <Radio
              value="device-code"
              label="With a code, on another device (the mailbox owner signs in on their own phone or computer)"
            />
          )}
        </RadioGroup>
      )}
      {!appOnly && publicClient && method === 'device-code' && (
        <Text size={200} data-testid="device-code-limits">
          {deviceCodeLimits[2]}
          {targetSendsSecret(profile.targetId) ? ` ${deviceCodeLimits[1]}` : ''}
        </Text>
      )}
      {!appOnly && !token && stored && (
        <Text data-testid="stored-token">
          A refresh token from {stored.slice(0, 10)}
          {profile.tokenState.account ? ` (${profile.tokenState.account})` : ''} is in the keychain. Sign in again to
          replace it, or go on to Verify.
        </Text>
      )}
      {op.state.status === 'pending' && method === 'device-code' && !appOnly ? (
        <DeviceCodePanel progress={op.progress} mailbox={profile.mailbox} onCancel={op.cancel} />
      ) : op.state.status === 'pending' ? (
        <OperationProgress
          label={appOnly ? 'Getting a token…' : 'Waiting for the sign-in…'}
          progress={op.progress}
          onCancel={op.cancel}
        />
      ) : (
        <div className={styles.row}>
          <Button appearance="primary" onClick={() => void start(appOnly ? 'app-only' : method)}>
            {appOnly ? 'Get token' : token || stored ? 'Sign in again' : 'Sign in'}
          </Button>
        </div>
      )}
      {op.state.status === 'error' && (
        <ProblemView
          problem={op.state.problem}
          actions={
            !appOnly && method === 'embedded' && op.state.problem.remedy?.kind === 'system-browser' ? (
              <Button
                onClick={() => {
                  setMethod('system-browser');
                  void start('system-browser');
                }}
              >
                Sign in with my web browser instead
              </Button>
            ) : undefined
          }
        />
      )}
      {token && op.state.status !== 'pending' && op.state.status !== 'error' && (
        <>
          <MessageBar intent="success" layout="multiline" data-testid="sign-in-done">
            <MessageBarBody>
              <MessageBarTitle>
                {appOnly ? 'Token received' : `Signed in${token.account ? ` as ${token.account}` : ''}`}
              </MessageBarTitle>
              {token.refreshTokenStored
                ? 'The refresh token is stored in the system keychain.'
                : appOnly
                  ? 'App-only tokens have no refresh token: the target gets a new one with its credential each time.'
                  : ''}
            </MessageBarBody>
          </MessageBar>
          {token.notices?.map((n) => (
            <ProblemView key={n.code} problem={n} />
          ))}
          <Text weight="semibold">What the token says</Text>
          <ClaimsView inspection={token.inspection} />
        </>
      )}
    </div>
  );
}
