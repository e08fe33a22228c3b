import { problem, type Problem } from '../../shared/problem';
import { diagnoseAuth573 } from './smtp-auth-token';
import { connectExchange, grantSendAs } from './smtp-commands';
import { factsFromInspection, toSmtpFailure, type FactsContext, type SmtpDiagnosisContext } from './smtp-context';
import { diagnoseSmtpNetwork } from './smtp-network';
import { mailboxLogonFailed, sendAsDenied, smtpAuthDisabled } from './smtp-replies';

export type { SmtpDiagnosisContext } from './smtp-context';

/**
 * SMTP failure -> Problem. Server replies are matched on reply code + enhanced status code
 * (then words, where Exchange reuses a code); failures without a reply are network-level.
 */

export interface ParsedReply {
  readonly code: number;
  /** `5.7.3`; empty when the server sent none. */
  readonly enhanced: string;
  readonly text: string;
}

export function parseReply(response: string, responseCode?: number): ParsedReply {
  const m = /^(\d{3})[ -](?:(\d\.\d{1,3}\.\d{1,3})\s*)?([\s\S]*)$/.exec(response.trim());
  if (!m) return { code: responseCode ?? 0, enhanced: '', text: response.trim() };
  return { code: Number(m[1]), enhanced: m[2] ?? '', text: (m[3] ?? '').trim() };
}

/** The reply for display: first line, length-capped, never a secret (servers don't echo them). */
const detailOf = (response: string): string => (response.split(/\r?\n/)[0] ?? '').slice(0, 500);

export function diagnoseSmtp(err: unknown, context: SmtpDiagnosisContext): Problem {
  const failure = toSmtpFailure(err);
  const { tokenInspection, ...rest } = context;
  const token = factsFromInspection(tokenInspection, context.profile.flow, context.servicePrincipalObjectId);
  const ctx: FactsContext = token ? { ...rest, token } : rest;
  // A refused STARTTLS carries a reply, but its fix is about the connection, not the login.
  const noReply = !failure.response || !/^\d{3}/.test(failure.response.trim());
  if (noReply || failure.code === 'ETLS' || failure.stage !== undefined) return diagnoseSmtpNetwork(failure, ctx);

  const response = failure.response ?? '';
  const reply = parseReply(response, failure.responseCode);
  const detail = detailOf(response);
  const { code, enhanced, text } = reply;
  const id = `SMTP_${code}${enhanced ? `_${enhanced}` : ''}`;

  if (code === 535 && enhanced === '5.7.139') return smtpAuthDisabled(ctx, text, detail);
  if (code === 535 && (enhanced === '5.7.3' || enhanced === '' || enhanced === '5.7.8'))
    return diagnoseAuth573(ctx, detail);

  if (/SendAsDenied/i.test(text) || enhanced === '5.2.252') return sendAsDenied(ctx, id, text, detail);

  if (enhanced === '5.7.60') {
    return problem({
      detail,
      code: id,
      title: `${ctx.authUser} has no permission to send as ${ctx.fromAddress}`,
      explanation: `The From address ${ctx.fromAddress} is not the mailbox that logged in (${ctx.authUser}), and that mailbox has no Send As right on it.`,
      fixSteps: [`Use ${ctx.authUser} as the From address, or give it Send As on ${ctx.fromAddress} (command below).`],
      commands: [connectExchange, grantSendAs(ctx.fromAddress, ctx.authUser)],
      field: 'fromAddress',
    });
  }

  if (enhanced === '5.7.57' || code === 530) {
    return problem({
      detail,
      code: id,
      title: 'The mail was sent without logging in',
      explanation:
        'Exchange only relays mail on port 587 for a client that has logged in. The session reached MAIL FROM without a successful AUTH (the client did not offer XOAUTH2, or authentication is switched off in its settings).',
      fixSteps: [
        'Turn on authentication in the sending system and choose OAuth2 / XOAUTH2.',
        `Use ${ctx.profile.smtpHost} port 587 with STARTTLS.`,
      ],
    });
  }

  if (code === 430 && enhanced === '4.2.0') return mailboxLogonFailed(ctx, detail);

  if (code === 432 && enhanced === '4.3.2') {
    return problem({
      detail,
      code: id,
      title: `Too many connections to ${ctx.authUser} at the same time`,
      explanation:
        'Exchange allows 3 simultaneous SMTP connections per mailbox. Another system (or another copy of this one) is using them. This is temporary.',
      fixSteps: [
        'Try again in a minute.',
        'If it keeps happening, lower the number of parallel connections in the sending system to 3 or fewer for this mailbox (pool size / max connections).',
      ],
      retryable: true,
    });
  }

  if (code === 550 && enhanced === '5.7.30') {
    return problem({
      detail,
      code: id,
      title: 'Basic authentication (password) is no longer accepted',
      explanation:
        'Exchange Online is retiring username/password logins for SMTP. The client logged in with a password; it must log in with OAuth2 (XOAUTH2) and an access token.',
      fixSteps: ['Configure the sending system for OAuth2 (XOAUTH2) with the values from this wizard’s export step.'],
    });
  }

  if (code === 554 && enhanced === '5.2.2') {
    return problem({
      detail,
      code: id,
      title: `The mailbox ${ctx.authUser} is full`,
      explanation:
        'Sent messages are saved to Sent Items; when the mailbox is over its quota, Exchange refuses to send.',
      fixSteps: [`Free space in ${ctx.authUser} (empty Sent Items / Deleted Items) or raise its quota.`],
    });
  }

  if (code === 554 && /SubmissionQuotaExceeded|recipient rate limit/i.test(text)) {
    return problem({
      detail,
      code: `${id}_QUOTA`,
      title: 'The daily sending limit is reached',
      explanation:
        'Exchange Online allows 10,000 recipients per mailbox per day over SMTP AUTH. The limit resets over the next 24 hours.',
      fixSteps: [
        'Wait and try again tomorrow, or spread bulk mail over several mailboxes or a dedicated bulk service.',
      ],
      retryable: true,
    });
  }

  if (code === 504 || enhanced === '5.7.4') {
    return problem({
      detail,
      code: id,
      title: 'The server did not offer XOAUTH2',
      explanation:
        'The server does not accept OAuth2 logins here. Exchange only offers XOAUTH2 after STARTTLS on port 587; other servers may not support it at all.',
      fixSteps: [`Check the host (${ctx.profile.smtpHost}) and port (587), with STARTTLS.`],
      field: 'smtpHost',
    });
  }

  const transient = code >= 400 && code < 500;
  return problem({
    detail,
    code: id,
    title: transient ? 'Exchange asked to try again later' : 'Exchange refused the request',
    explanation: transient
      ? 'The server reported a temporary problem. Nothing needs changing yet.'
      : `The server refused the ${failure.command ?? 'request'} with a reply this wizard has no specific advice for. The server text is below.`,
    fixSteps: transient
      ? ['Try again in a few minutes.']
      : ['Search the server text below in Microsoft’s SMTP AUTH troubleshooting pages, or send it to support.'],
    retryable: transient,
  });
}
