import { problem } from '../../shared/problem';
import type { SavedReminder } from '../../shared/ipc-contract';
import { writeFileAtomic } from '../../core/profiles/atomic-file';
import { renewalReminderOf } from '../../core/profiles/renewal-reminder';
import { ProblemError } from '../../core/problem-error';
import { secretKeys } from '../../core/secrets/secret-keys';
import type { HandlerPorts } from './ports';
import { viewOf } from './profiles';
import { join } from 'node:path';

/**
 * "Copy value" for a secret the target needs (AEM's two Cloud Manager variables): the
 * keychain is read at the moment of the press and the value goes straight to the
 * clipboard, never to the window or a file. Nothing stored yet is said plainly.
 */
export async function copySecret(
  ports: HandlerPorts,
  req: { readonly profileId: string; readonly secret: 'clientSecret' | 'refreshToken' },
): Promise<{ readonly copied: true }> {
  const { profile } = await viewOf(ports, req.profileId);
  const key = req.secret === 'clientSecret' ? secretKeys.clientSecret(profile.id) : secretKeys.refreshToken(profile.id);
  const value = await ports.secrets.get(key);
  if (!value) throw new ProblemError(nothingStored(req.secret));
  await ports.clipboard.writeText(value);
  return { copied: true };
}

const nothingStored = (secret: 'clientSecret' | 'refreshToken') =>
  secret === 'refreshToken'
    ? problem({
        code: 'SECRET_NOT_STORED',
        title: 'Sign in first',
        explanation: 'There is no refresh token yet: it comes from signing in as the mailbox.',
        fixSteps: ['Go to Sign in and sign in as the mailbox, then copy the value here.'],
        field: 'refreshToken',
      })
    : problem({
        code: 'SECRET_NOT_STORED',
        title: 'No client secret is stored',
        explanation: 'This profile has no client secret in the keychain.',
        fixSteps: ['Go to Details and paste the secret’s Value from Certificates & secrets, then save.'],
        field: 'clientSecret',
      });

/** Saves the refresh-token renewal reminder (.ics) into a folder the user picks. */
export async function saveReminder(ports: HandlerPorts, req: { readonly profileId: string }): Promise<SavedReminder> {
  const { profile } = await viewOf(ports, req.profileId);
  const reminder = renewalReminderOf(profile, new Date(ports.now ? ports.now() : Date.now()));
  if (!reminder) throw new ProblemError(nothingStored('refreshToken'));
  const directory = await ports.dialogs.chooseExportFolder();
  if (!directory) return { cancelled: true };
  const file = join(directory, reminder.fileName);
  await writeFileAtomic(file, reminder.content);
  return { cancelled: false, file, renewBy: reminder.renewal.renewBy };
}
