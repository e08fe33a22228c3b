import { problem, type Problem } from '../../shared/problem';
import { createRedactor } from '../redact';
import type { ExchangeAdminError } from './admin-error';

/**
 * Every failure of the admin REST path as a diagnosis whose fix is the PowerShell to run by hand,
 * filled in (issue 15): the one-click path is a convenience over an undocumented endpoint, never
 * the only way.
 */

const redact = createRedactor([]);

const HAND_STEP = 'Or run the commands below in Exchange Online PowerShell (as an Exchange administrator).';

export function exchangeAdminProblem(e: ExchangeAdminError, powershell: readonly string[], adminUpn?: string): Problem {
  const who = adminUpn ?? 'The signed-in account';
  const said = redact(e.message);
  const detail = redact(
    [e.cmdlet, e.status !== undefined ? `HTTP ${e.status}` : '', e.errorId ?? '', e.exceptionType ?? '', said]
      .filter(Boolean)
      .join(' | '),
  );
  const base = { detail, commands: [...powershell] };
  switch (e.kind) {
    case 'not-admin':
      return problem({
        ...base,
        code: 'EXCHANGE_ADMIN_NOT_ADMIN',
        title: `${who} is not an Exchange administrator`,
        explanation: `Exchange refused ${e.cmdlet}: it needs the Exchange Administrator or Global Administrator role (or an Exchange role group that includes it).`,
        fixSteps: ['Sign in as an Exchange Administrator or Global Administrator and try again.', HAND_STEP],
      });
    case 'auth':
      return problem({
        ...base,
        code: 'EXCHANGE_ADMIN_TOKEN_REFUSED',
        title: 'Exchange did not accept the admin sign-in',
        explanation:
          "Exchange Online's admin endpoint refused the admin's token. The sign-in may have expired, or the app used for the admin sign-in may not be allowed to manage Exchange in this organisation.",
        fixSteps: ['Sign the admin in again and retry.', HAND_STEP],
      });
    case 'throttled':
      return problem({
        ...base,
        code: 'EXCHANGE_ADMIN_THROTTLED',
        title: 'Exchange is limiting admin requests right now',
        explanation: `Exchange answered that too many requests are running for this organisation: ${said}`,
        fixSteps: ['Wait a minute and try again.', HAND_STEP],
        retryable: true,
      });
    case 'unavailable':
    case 'network':
      return problem({
        ...base,
        code: 'EXCHANGE_ADMIN_UNAVAILABLE',
        title: "Exchange's admin endpoint is not answering as expected",
        explanation:
          e.kind === 'network'
            ? `The app could not reach Exchange's admin endpoint (${said}). A firewall or proxy may block it.`
            : `Exchange's admin endpoint answered in a way the app does not recognise. Microsoft does not document this endpoint, so it may have changed; a proxy page looks the same.`,
        fixSteps: ['Try again later.', HAND_STEP],
        retryable: true,
      });
    case 'not-found':
      return problem({
        ...base,
        code: 'EXCHANGE_ADMIN_NOT_FOUND',
        title: `Exchange cannot find what ${e.cmdlet} names`,
        explanation: `Exchange answered: ${said} Check the address. An app or mailbox created minutes ago can be unknown to Exchange for a while.`,
        fixSteps: [
          'Check the mailbox address and the app.',
          'If they are new, wait a few minutes and try again.',
          HAND_STEP,
        ],
        retryable: true,
      });
    default:
      return problem({
        ...base,
        code: 'EXCHANGE_ADMIN_CMDLET_FAILED',
        title: `${e.cmdlet} failed`,
        explanation: `Exchange answered: ${said}`,
        fixSteps: [HAND_STEP],
      });
  }
}

/** Exchange knows the app by another object ID: the App registration's, the classic mistake (§14.2.1). */
export function wrongObjectIdProblem(o: {
  appId: string;
  registeredObjectId: string;
  expectedObjectId: string;
  commands: readonly string[];
}): Problem {
  return problem({
    code: 'EXCHANGE_SP_WRONG_OBJECT_ID',
    title: 'Exchange knows the app by the wrong object ID',
    explanation: `Exchange's service principal for app ${o.appId} points at object ID ${o.registeredObjectId}, but the app's Enterprise application (service principal) object ID is ${o.expectedObjectId}. With the App registration's object ID, logins fail with 535 5.7.3 whatever mailbox permissions exist.`,
    fixSteps: [
      'Remove the Exchange service principal and register it again with the Enterprise application object ID (commands below), then give it mailbox access again.',
    ],
    commands: [...o.commands],
  });
}

/** A plan that names a value the app does not know (e.g. the service principal's object ID). */
export function planBlockedProblem(reason: string, commands: readonly string[]): Problem {
  return problem({
    code: 'EXCHANGE_PLAN_INCOMPLETE',
    title: 'The app does not know every value these commands need',
    explanation: `${reason} Nothing was changed in Exchange.`,
    fixSteps: ['Fill in the placeholder in the commands below and run them in Exchange Online PowerShell.'],
    commands: [...commands],
  });
}
