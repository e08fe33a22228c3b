import { problem, type Problem } from '../../shared/problem';
import { connectExchange, grantSendAs } from '../diagnose/smtp-commands';

/**
 * Checks made before connecting. The one that matters: a From address that is not the
 * mailbox logging in needs Send As rights, and Exchange only says so after the whole
 * message was transferred (554 5.2.252). An AUTH-only check would pass and the target
 * system would fail later, so the mismatch is raised up front as a warning.
 */

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

export function preflightWarnings(authUser: string, fromAddress: string): readonly Problem[] {
  if (!fromAddress.trim() || same(authUser, fromAddress)) return [];
  return [
    problem({
      code: 'SMTP_FROM_DIFFERS',
      title: `Sending as ${fromAddress} needs Send As rights`,
      explanation: `The login is for ${authUser} but mail goes out From ${fromAddress}. Exchange accepts that only if ${authUser} has Send As on ${fromAddress}; otherwise every message is refused after it was transferred (554 5.2.252 SendAsDenied). Logging in alone cannot tell: send a test message to be sure.`,
      fixSteps: [
        `If the right is missing, grant it (command below) and wait up to an hour.`,
        `For a shared mailbox, log in with user=${fromAddress} instead (with a delegate's token): then no Send As right is needed.`,
      ],
      commands: [connectExchange, grantSendAs(fromAddress, authUser)],
      field: 'fromAddress',
    }),
  ];
}
