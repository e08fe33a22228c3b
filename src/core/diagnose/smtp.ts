import { problem, type Problem } from '../../shared/problem';
import { tokenFault } from './smtp-auth-token';
import {
  factsFromInspection,
  isExchangeOnline,
  toSmtpFailure,
  type FactsContext,
  type SmtpDiagnosisContext,
} from './smtp-context';
import { diagnoseSmtpNetwork } from './smtp-network';
import { ruleFor, type ParsedReply, type ReplyInput } from './smtp-rules';

export type { SmtpDiagnosisContext } from './smtp-context';
export type { ParsedReply } from './smtp-rules';

/**
 * SMTP failure -> Problem. Failures without a reply are network-level (smtp-network.ts).
 * A reply is explained, in this order, by what the token check already knows (an expired
 * token stays expired whatever the server calls it), by the fact that the server is not
 * Exchange Online, then by the rule table (smtp-rules.ts); a reply no rule matches is
 * quoted and called temporary or permanent, nothing more.
 */

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

  const reply = parseReply(failure.response ?? '', failure.responseCode);
  const id: ReplyInput['id'] = reply.enhanced
    ? (`SMTP_${reply.code}_${reply.enhanced}` as ReplyInput['id'])
    : `SMTP_${reply.code}`;
  const input: ReplyInput = { reply, detail: detailOf(failure.response ?? ''), id };
  const atAuth = /^AUTH\b/i.test(failure.command ?? '') || reply.code === 535 || reply.code === 454;
  const exchange = isExchangeOnline(ctx.server) ?? true;

  // Exchange's 535 5.7.3 ranks the token's faults itself; any other refusal of the login
  // (a 4xx, another server's 535) must not hide them either.
  if (atAuth && !(exchange && reply.code === 535)) {
    const fault = tokenFault(ctx, input.detail);
    if (fault) return fault;
  }
  if (!exchange && atAuth && reply.code >= 500) return notExchangeRefusal(ctx, input);

  const rule = ruleFor(reply, exchange);
  if (rule) return rule.explain(ctx, input, rule.category);
  return unrecognised(ctx, input, failure.command, exchange);
}

/** The server the profile points at, as people know it (its greeting names it when the host does not). */
const serverName = (ctx: FactsContext): string => `${ctx.profile.smtpHost}:${ctx.profile.smtpPort}`;

/**
 * A login refused by a server that is not Exchange Online (issue 11.15): Exchange's own
 * causes (service principal, mailbox rights, licences) do not apply there, so the causes
 * any OAuth-accepting server has come first, with the server's own words.
 */
function notExchangeRefusal(ctx: FactsContext, { detail }: ReplyInput): Problem {
  const greeting = ctx.server?.greeting ? ` It introduced itself as “${ctx.server.greeting.slice(0, 200)}”.` : '';
  return problem({
    detail,
    code: 'SMTP_AUTH_REFUSED_NOT_EXCHANGE',
    title: `${serverName(ctx)} is not Exchange Online, and it refused the token`,
    explanation: `The server answered “${detail}”.${greeting} It is not Exchange Online, so it checks Microsoft tokens by its own rules, and the Exchange advice of this app does not apply to it.`,
    fixSteps: [
      'Check that this server accepts OAuth2 tokens issued by Microsoft Entra ID at all: it must trust the token’s issuer and Microsoft’s signing keys, and accept the token’s audience.',
      `Check that the user it expects matches the login: the XOAUTH2 user is ${ctx.authUser}${ctx.token?.user ? ` and the token belongs to ${ctx.token.user}` : ''}.`,
      'Look at the server’s own log for the refused login; it names the reason.',
      'If the mail is meant to go through Exchange Online, set the SMTP host to smtp.office365.com, port 587.',
    ],
    field: 'smtpHost',
  });
}

/**
 * A reply no rule knows (issue 16.3): quoted, and called temporary or permanent by its
 * class, which is all the reply code itself says.
 */
function unrecognised(
  ctx: FactsContext,
  { id, detail, reply }: ReplyInput,
  command: string | undefined,
  exchange: boolean,
): Problem {
  const temporary = reply.code >= 400 && reply.code < 500;
  const who = exchange ? 'The server' : `${serverName(ctx)} (not Exchange Online)`;
  return problem({
    detail,
    code: id,
    category: temporary ? 'transient' : 'setup',
    title: `The server answered ${reply.code}${reply.enhanced ? ` ${reply.enhanced}` : ''}, which this app does not recognise`,
    explanation: `${who} answered “${detail}”${command ? ` to ${command.split(' ')[0]}` : ''}, which this app does not recognise. The reply code only says that the refusal is ${temporary ? 'temporary: the same request may work later' : 'permanent: repeating the same request will fail the same way'}.`,
    fixSteps: [
      ...(temporary ? ['Try again in a few minutes.'] : []),
      'Search for the server’s exact words above in the server’s documentation (for Exchange Online: Microsoft’s SMTP AUTH troubleshooting pages).',
      'Copy the support report (it has no secrets) and send it to your IT contact.',
    ],
    remedy: { kind: 'support-report' },
    retryable: temporary,
  });
}
