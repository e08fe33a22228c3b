import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Profile } from '../../../shared/profile';

/** On Details: where the filled-in values came from, with the tenant's name and initial domain. */
export function CreatedByAppNote({ profile }: { readonly profile: Profile }) {
  const r = profile.registration;
  if (!r?.tenantId) return null;
  return (
    <MessageBar intent="info" layout="multiline" data-testid="created-by-app">
      <MessageBarBody>
        <MessageBarTitle>Filled in by “Create it for me”</MessageBarTitle>
        {r.tenantName} ({r.initialDomain ?? r.tenantId}): directory (tenant) ID {r.tenantId}, application (client) ID{' '}
        {profile.clientId}, {profile.credential.kind === 'certificate' ? 'certificate' : 'client secret'} in the
        keychain.
      </MessageBarBody>
    </MessageBar>
  );
}
