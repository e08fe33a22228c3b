import type { Profile } from '../../shared/profile';
import type { TokenInspection } from '../../shared/token-inspection';

/**
 * What the SMTP diagnosis needs to know besides the server's words: who logged in, which
 * address sends, and what the token says about itself. The token facts rank the causes
 * of an otherwise identical `535 5.7.3`.
 */

/** The token claims that decide an SMTP diagnosis (decoded for diagnostics only). */
export interface SmtpTokenFacts {
  readonly kind: 'delegated' | 'app-only';
  /** `aud`, e.g. `https://outlook.office.com` or Graph's `https://graph.microsoft.com`. */
  readonly audience?: string;
  /** Delegated scopes (`scp`), without resource prefixes: `SMTP.Send`. */
  readonly scopes: readonly string[];
  /** App roles (`roles`): `SMTP.SendAsApp`. */
  readonly roles: readonly string[];
  /** The signed-in person (`upn` / `preferred_username` / `unique_name`), delegated only. */
  readonly user?: string;
  /** The client app (`appid` / `azp`). */
  readonly appId?: string;
  /** `oid`: for app-only tokens, the service principal's object id Exchange knows it by. */
  readonly objectId?: string;
  /** Expiry in ms since the epoch. */
  readonly expiresAt?: number;
}

export interface SmtpDiagnosisContext {
  readonly profile: Pick<
    Profile,
    'mailbox' | 'fromAddress' | 'smtpHost' | 'smtpPort' | 'clientId' | 'flow' | 'cloud' | 'network'
  >;
  /** The XOAUTH2 `user=`: the mailbox logged into. */
  readonly authUser: string;
  /** The MAIL FROM / From: address. */
  readonly fromAddress: string;
  readonly tokenInspection?: TokenInspection;
  /** The app's service principal object id (an app-only token's `oid`), for filled-in commands. */
  readonly servicePrincipalObjectId?: string;
  /** For expiry checks; defaults to Date.now(). */
  readonly now?: number;
  /** What the server said about itself (greeting, EHLO), when the conversation got that far. */
  readonly server?: SmtpServerIdentity;
}

export interface SmtpServerIdentity {
  /** The 220 greeting line, e.g. `220 X.outlook.office365.com Microsoft ESMTP MAIL Service ready at …`. */
  readonly greeting?: string;
  /** The EHLO reply lines. */
  readonly ehlo?: readonly string[];
}

/** Exchange Online names itself in its greeting and EHLO (reference §7.2). */
const EXCHANGE_SIGNS =
  /Microsoft ESMTP MAIL Service|\.outlook\.office365\.(?:com|us)\b|\.outlook\.com\b|\.office365\.us\b|\.partner\.outlook\.cn\b/i;

/**
 * Is the server Exchange Online? `undefined` when it did not say (no greeting seen): the
 * rules then assume the profile's host is what it claims to be.
 */
export function isExchangeOnline(server: SmtpServerIdentity | undefined): boolean | undefined {
  const lines = [server?.greeting, ...(server?.ehlo ?? [])].filter((l): l is string => !!l);
  if (lines.length === 0) return undefined;
  return lines.some((l) => EXCHANGE_SIGNS.test(l));
}

/** The greeting and EHLO lines out of a transcript (`S: 220 …`, `S: 250-…`). */
export function serverIdentityFrom(transcript: readonly string[]): SmtpServerIdentity {
  const server = transcript.filter((l) => l.startsWith('S: ')).map((l) => l.slice(3));
  const greeting = server.find((l) => /^220[ -]/.test(l));
  const ehlo = server.filter((l) => /^250[ -]/.test(l)).slice(0, 40);
  return { ...(greeting ? { greeting } : {}), ehlo };
}

/** The context the rules read: the inspection boiled down to the facts that rank causes. */
export interface FactsContext extends Omit<SmtpDiagnosisContext, 'tokenInspection'> {
  readonly token?: SmtpTokenFacts;
}

/** Boils a TokenInspection down; an opaque token gives no facts (the rules then list every cause). */
export function factsFromInspection(
  inspection: TokenInspection | undefined,
  flow: Profile['flow'],
  spObjectId?: string,
): SmtpTokenFacts | undefined {
  if (!inspection || inspection.kind !== 'jwt') return undefined;
  const c = inspection.claims;
  const kind = c.roles.length > 0 && c.scp.length === 0 ? 'app-only' : c.scp.length > 0 ? 'delegated' : flow;
  const facts: { -readonly [K in keyof SmtpTokenFacts]: SmtpTokenFacts[K] } = { kind, scopes: c.scp, roles: c.roles };
  if (c.aud) facts.audience = c.aud;
  if (c.user && kind === 'delegated') facts.user = c.user;
  if (c.appId) facts.appId = c.appId;
  if (spObjectId && kind === 'app-only') facts.objectId = spObjectId;
  if (c.exp !== undefined) facts.expiresAt = c.exp * 1000;
  return facts;
}

/** The failure as nodemailer or our socket opener reports it: only the fields we read. */
export interface SmtpFailure {
  readonly message: string;
  /** nodemailer's code (`EAUTH`, `EENVELOPE`, `ETLS`…) or a system code (`ECONNREFUSED`). */
  readonly code?: string;
  /** The system code nodemailer replaced with its own. */
  readonly originalCode?: string;
  readonly responseCode?: number;
  readonly response?: string;
  readonly command?: string;
  /** Set by our socket opener: did the proxy or the mail server fail? */
  readonly stage?: string;
  readonly proxyStatus?: number;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Reads the fields we need from whatever was thrown, without trusting its type. */
export function toSmtpFailure(err: unknown): SmtpFailure {
  if (typeof err !== 'object' || err === null) return { message: String(err) };
  const e = err as Record<string, unknown>;
  const failure: {
    -readonly [K in keyof SmtpFailure]: SmtpFailure[K];
  } = { message: str(e.message) ?? String(err) };
  const fields = {
    code: str(e.code),
    originalCode: str(e.originalCode),
    response: str(e.response),
    command: str(e.command),
    stage: str(e.stage),
  };
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) failure[k as 'code'] = v;
  const responseCode = num(e.responseCode);
  if (responseCode !== undefined) failure.responseCode = responseCode;
  const proxyStatus = num(e.proxyStatus);
  if (proxyStatus !== undefined) failure.proxyStatus = proxyStatus;
  if (str(e.name) === 'AbortError') failure.code = 'EABORT';
  return failure;
}
