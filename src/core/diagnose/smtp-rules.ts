import { problem, type Problem, type ProblemCategory } from '../../shared/problem';
import { diagnoseAuth573 } from './smtp-auth-token';
import { exchangeFix, grantSendAs } from './smtp-commands';
import type { FactsContext } from './smtp-context';
import { mailboxLogonFailed, sendAsDenied, smtpAuthDisabled } from './smtp-replies';

/** A server reply split into its parts: `535 5.7.3 Authentication unsuccessful`. */
export interface ParsedReply {
  readonly code: number;
  /** `5.7.3`; empty when the server sent none. */
  readonly enhanced: string;
  readonly text: string;
}

/** What a rule gets: the reply, its first line for display, and the code it is known by. */
export interface ReplyInput {
  readonly reply: ParsedReply;
  readonly detail: string;
  /** `SMTP_<code>[_<enhanced>]`. */
  readonly id: `SMTP_${number}` | `SMTP_${number}_${number}.${number}.${number}`;
}

/**
 * One row of the SMTP table: the replies it explains (every given field must match: reply
 * code, enhanced status code, words for codes Exchange reuses) and the diagnosis.
 * `exchangeOnly` rows explain Exchange Online's own replies and never apply to a server
 * that said it is something else. First match wins.
 */
export interface SmtpRule {
  readonly codes?: readonly number[];
  readonly enhanced?: readonly string[];
  readonly words?: RegExp;
  readonly exchangeOnly: boolean;
  /** The category of the reply's own code, for rows that use it. */
  readonly category: ProblemCategory;
  readonly explain: (ctx: FactsContext, r: ReplyInput, category: ProblemCategory) => Problem;
}

type ReplyBody = Pick<Problem, 'title' | 'explanation' | 'fixSteps'> &
  Partial<Pick<Problem, 'commands' | 'remedy' | 'field'>>;

/** A diagnosis known by the reply's own code (`SMTP_550_5.7.30`), with the reply as its detail. */
const asReply = (r: ReplyInput, category: ProblemCategory, body: ReplyBody): Problem =>
  problem({ ...body, detail: r.detail, code: r.id, category });

export const smtpRules: readonly SmtpRule[] = [
  {
    codes: [535],
    enhanced: ['5.7.139'],
    exchangeOnly: true,
    category: 'setup',
    explain: (ctx, r) => smtpAuthDisabled(ctx, r.reply.text, r.detail),
  },
  {
    codes: [535],
    enhanced: ['5.7.3', '', '5.7.8'],
    exchangeOnly: true,
    category: 'setup',
    explain: (ctx, r) => diagnoseAuth573(ctx, r.detail),
  },
  {
    words: /SendAsDenied/i,
    exchangeOnly: true,
    category: 'setup',
    explain: (ctx, r, category) => sendAsDenied(ctx, r.id, category, r.reply.text, r.detail),
  },
  {
    enhanced: ['5.2.252'],
    exchangeOnly: true,
    category: 'setup',
    explain: (ctx, r, category) => sendAsDenied(ctx, r.id, category, r.reply.text, r.detail),
  },
  {
    enhanced: ['5.7.60'],
    exchangeOnly: true,
    category: 'setup',
    explain: (ctx, r, category) =>
      asReply(r, category, {
        title: `${ctx.authUser} has no permission to send as ${ctx.fromAddress}`,
        explanation: `The From address ${ctx.fromAddress} is not the mailbox that logged in (${ctx.authUser}), and that mailbox has no Send As right on it.`,
        fixSteps: [
          `Use ${ctx.authUser} as the From address, or give it Send As on ${ctx.fromAddress} (command below).`,
        ],
        ...exchangeFix(grantSendAs(ctx.fromAddress, ctx.authUser)),
        field: 'fromAddress',
      }),
  },
  { enhanced: ['5.7.57'], exchangeOnly: true, category: 'setup', explain: (ctx, r, c) => notAuthenticated(ctx, r, c) },
  { codes: [530], exchangeOnly: false, category: 'setup', explain: (ctx, r, c) => notAuthenticated(ctx, r, c) },
  {
    codes: [430],
    enhanced: ['4.2.0'],
    exchangeOnly: true,
    category: 'setup',
    explain: (ctx, r) => mailboxLogonFailed(ctx, r.detail),
  },
  {
    codes: [432],
    enhanced: ['4.3.2'],
    exchangeOnly: true,
    category: 'transient',
    explain: (ctx, r, category) =>
      asReply(r, category, {
        title: `Too many connections to ${ctx.authUser} at the same time`,
        explanation:
          'Exchange allows 3 simultaneous SMTP connections per mailbox. Another system (or another copy of this one) is using them. This is temporary.',
        fixSteps: [
          'Try again in a minute.',
          'If it keeps happening, lower the number of parallel connections in the sending system to 3 or fewer for this mailbox (pool size / max connections).',
        ],
      }),
  },
  {
    codes: [550],
    enhanced: ['5.7.30'],
    exchangeOnly: true,
    category: 'setup',
    explain: (_ctx, r, category) =>
      asReply(r, category, {
        title: 'Basic authentication (password) is no longer accepted',
        explanation:
          'Exchange Online is retiring username/password logins for SMTP. The client logged in with a password; it must log in with OAuth2 (XOAUTH2) and an access token.',
        fixSteps: ['Configure the sending system for OAuth2 (XOAUTH2) with the values from this wizard’s export step.'],
      }),
  },
  {
    codes: [554],
    enhanced: ['5.2.2'],
    exchangeOnly: true,
    category: 'setup',
    explain: (ctx, r, category) =>
      asReply(r, category, {
        title: `The mailbox ${ctx.authUser} is full`,
        explanation:
          'Sent messages are saved to Sent Items; when the mailbox is over its quota, Exchange refuses to send.',
        fixSteps: [`Free space in ${ctx.authUser} (empty Sent Items / Deleted Items) or raise its quota.`],
      }),
  },
  {
    codes: [554],
    words: /SubmissionQuotaExceeded|recipient rate limit/i,
    exchangeOnly: true,
    category: 'transient',
    explain: (_ctx, { detail }) =>
      problem({
        detail,
        code: 'SMTP_554_5.2.0_QUOTA',
        title: 'The daily sending limit is reached',
        explanation:
          'Exchange Online allows 10,000 recipients per mailbox per day over SMTP AUTH. The limit resets over the next 24 hours.',
        fixSteps: [
          'Wait and try again tomorrow, or spread bulk mail over several mailboxes or a dedicated bulk service.',
        ],
      }),
  },
  { codes: [504], exchangeOnly: false, category: 'setup', explain: (ctx, r, c) => noXoauth2(ctx, r, c) },
  { enhanced: ['5.7.4'], exchangeOnly: false, category: 'setup', explain: (ctx, r, c) => noXoauth2(ctx, r, c) },
];

function notAuthenticated(ctx: FactsContext, r: ReplyInput, category: ProblemCategory): Problem {
  return asReply(r, category, {
    title: 'The mail was sent without logging in',
    explanation:
      'The server only relays mail for a client that has logged in. The session reached MAIL FROM without a successful AUTH (the client did not offer XOAUTH2, or authentication is switched off in its settings).',
    fixSteps: [
      'Turn on authentication in the sending system and choose OAuth2 / XOAUTH2.',
      `Use ${ctx.profile.smtpHost} port 587 with STARTTLS.`,
    ],
  });
}

function noXoauth2(ctx: FactsContext, r: ReplyInput, category: ProblemCategory): Problem {
  return asReply(r, category, {
    title: 'The server did not offer XOAUTH2',
    explanation:
      'The server does not accept OAuth2 logins here. Exchange only offers XOAUTH2 after STARTTLS on port 587; other servers may not support it at all.',
    fixSteps: [`Check the host (${ctx.profile.smtpHost}) and port (587), with STARTTLS.`],
    field: 'smtpHost',
  });
}

/** The first row that explains this reply, given whether the server is Exchange Online. */
export function ruleFor(reply: ParsedReply, exchange: boolean): SmtpRule | undefined {
  return smtpRules.find(
    (r) =>
      (exchange || !r.exchangeOnly) &&
      (r.codes === undefined || r.codes.includes(reply.code)) &&
      (r.enhanced === undefined || r.enhanced.includes(reply.enhanced)) &&
      (r.words === undefined || r.words.test(reply.text)),
  );
}
