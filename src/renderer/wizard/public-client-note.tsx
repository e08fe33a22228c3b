import { MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import { deviceCodeLimits, targetSendsSecret } from '../../shared/public-client';
import type { TargetPreset } from '../../shared/targets';

/**
 * What "no credential" means for a delegated profile: how the app must be registered, and
 * (when the chosen target sends a client secret on refresh) that this will not work there.
 */
export function PublicClientNote({ preset }: { readonly preset: TargetPreset }) {
  return (
    <>
      <Text data-testid="public-client-how">
        Register the redirect URI under “Mobile and desktop applications” (not Web). {deviceCodeLimits[0]} No secret is
        stored; sign-in can then also use a code on another device.
      </Text>
      {targetSendsSecret(preset.id) && (
        <MessageBar intent="warning" layout="multiline" data-testid="public-client-warning">
          <MessageBarBody>
            <MessageBarTitle>{preset.label} sends a client secret</MessageBarTitle>
            {deviceCodeLimits[1]}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
