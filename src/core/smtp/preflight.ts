import { problem, type Problem } from '../../shared/problem';
import { exchangeFix, grantSendAs } from '../diagnose/smtp-commands';
import { sameMailbox } from '../../shared/mailbox-address';

/**
 * Checks made before connecting. The one that matters: mail From an address other than
 * the identity that logs in needs Send As rights, and Exchange only says so after the
 * whole message was transferred (554 5.2.252). An AUTH-only check would pass and the
 * target system would fail later, so the mismatch is raised up front as a warning.
 */

export interface PreflightInput {
  /** XOAUTH2 `user=`: the mailbox logged into. */
  readonly authUser: string;
  readonly fromAddress: string;
  /** For delegated tokens: the person signed in (a delegate, for shared mailboxes). */
  readonly signedInUser?: string;
}

/** A check that cannot work at all: no point connecting. */
export function preflightBlocker(input: PreflightInput): Problem | undefined {
  if (input.authUser.trim()) return undefined;
  return problem({
    code: 'SMTP_NO_MAILBOX',
    title: 'No mailbox to log in to',
    explanation: 'The SMTP login (XOAUTH2 user=) needs the mailbox address, and the profile has none.',
    fixSteps: ['Enter the mailbox address that sends (for a shared mailbox, the shared address).'],
    field: 'mailbox',
  });
}

export function preflightWarnings(input: PreflightInput): readonly Problem[] {
  const { authUser, fromAddress } = input;
  // Exchange checks Send As for the identity of the session: the delegate, if one signed in.
  const sender = input.signedInUser?.trim() || authUser;
  if (!fromAddress.trim() || sameMailbox(sender, fromAddress)) return [];
  const delegate = sameMailbox(authUser, fromAddress);
  return [
    problem({
      code: delegate ? 'SMTP_DELEGATE_SEND_AS' : 'SMTP_FROM_DIFFERS',
      title: `Sending as ${fromAddress} needs Send As rights for ${sender}`,
      explanation: delegate
        ? `${sender} logs in to ${authUser} as a delegate. Full Access lets ${sender} open the mailbox; sending From ${fromAddress} also needs Send As for ${sender}. Without it every message is refused after it was transferred (554 5.2.252 SendAsDenied), which a login-only check cannot see.`
        : `The login is for ${authUser} but mail goes out From ${fromAddress}. Exchange accepts that only if ${sender} has Send As on ${fromAddress}; otherwise every message is refused after it was transferred (554 5.2.252 SendAsDenied), which a login-only check cannot see.`,
      fixSteps: [
        'Send a test message to be sure.',
        `If the right is missing, grant it (command below) and wait up to an hour.`,
        ...(delegate ? [] : [`Or send From ${authUser}.`]),
      ],
      ...exchangeFix(grantSendAs(fromAddress, sender)),
      field: 'fromAddress',
    }),
  ];
}
