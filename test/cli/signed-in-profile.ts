// A delegated AEM profile in a CLI sandbox with the refresh token a sign-in in the app would have
// stored (signed in over raw HTTPS on the emulator).
import { secretKeys } from '../../src/core/secrets/secret-keys';
import type { Profile } from '../../src/shared/profile';
import type { Emulator } from '../emulator';
import { AEM_APP, AEM_SECRET } from '../emulator/fixtures/ids';
import { delegatedTokens } from '../emulator/test-helpers';
import { daemonDraft } from './bulk-world';
import type { CliSandbox } from './cli-harness';

export async function signedInAemProfile(
  cli: CliSandbox,
  emu: Emulator,
  name: string,
  user: { upn: string; password: string },
): Promise<{ profile: Profile; refreshToken: string }> {
  const profile = await cli.store.create(
    daemonDraft(emu, {
      name,
      targetId: 'aem',
      flow: 'delegated',
      clientId: AEM_APP,
      redirectUri: 'http://localhost:5000',
      scopes: ['https://outlook.office.com/SMTP.Send', 'offline_access'],
      mailbox: user.upn,
      fromAddress: user.upn,
    }),
    { clientSecret: AEM_SECRET },
  );
  const tokens = await delegatedTokens(emu, {
    clientId: AEM_APP,
    secret: AEM_SECRET,
    scope: 'https://outlook.office.com/SMTP.Send offline_access',
    user,
  });
  const refreshToken = String(tokens.refresh_token);
  await cli.secrets.set(secretKeys.refreshToken(profile.id), refreshToken);
  return { profile, refreshToken };
}
