import packageJson from '../../../package.json';
import type { Profile } from '../../shared/profile';

/**
 * The test message. Its body says which tool, profile and time sent it, so whoever finds
 * it in a mailbox (often not the person who ran the check) knows it is harmless and where
 * it came from.
 */

export const TOOL_NAME = 'smtp-oauth-wizard';
export const TOOL_VERSION: string = packageJson.version;

export interface TestMessage {
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

export function buildTestMessage(
  profile: Pick<Profile, 'id' | 'name' | 'mailbox' | 'fromAddress' | 'smtpHost'>,
  to: string,
  now: Date,
): TestMessage {
  const from = profile.fromAddress.trim() || profile.mailbox.trim();
  return {
    from,
    to,
    subject: `SMTP OAuth test from ${TOOL_NAME} (${profile.name})`,
    text: [
      `This is a test message sent by ${TOOL_NAME} ${TOOL_VERSION} to check that this mailbox can send over SMTP with OAuth2.`,
      '',
      `Profile: ${profile.name} (${profile.id})`,
      `Logged in as mailbox: ${profile.mailbox}`,
      `From: ${from}`,
      `Server: ${profile.smtpHost}`,
      `Sent at: ${now.toISOString()}`,
      '',
      'No action is needed; you can delete it.',
    ].join('\n'),
  };
}
