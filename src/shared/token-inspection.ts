import { clouds } from './clouds';
import type { CloudId, Flow } from './profile';

/**
 * Reads an access token's claims for diagnosis only. The signature is NOT checked and
 * nothing here trusts the token: Microsoft says tokens for its own APIs are opaque to
 * clients; only Exchange decides. This answers "is this the token SMTP will want?".
 * Pure (atob + TextDecoder), so the renderer can show the same breakdown.
 */

export interface TokenClaims {
  readonly aud?: string;
  readonly scp: readonly string[];
  readonly roles: readonly string[];
  /** `upn`, else `preferred_username`, else `unique_name`. */
  readonly user?: string;
  readonly tid?: string;
  /** `appid` (v1) or `azp` (v2). */
  readonly appId?: string;
  /** Seconds since the epoch. */
  readonly exp?: number;
  readonly ver?: string;
  /** The object id of the subject; in an app-only token, the service principal's (Enterprise application's) object id. */
  readonly oid?: string;
}

export interface VerdictCheck {
  readonly name: 'audience' | 'permission' | 'expiry' | 'user' | 'format';
  readonly ok: boolean;
  /** Plain words: what it means for sending mail. */
  readonly message: string;
  /** The technical line behind it (claim names and values), shown under "Details". */
  readonly detail?: string;
}

export interface SmtpVerdict {
  /** `unknown` for opaque tokens: only the SMTP login itself can tell. */
  readonly fit: 'yes' | 'no' | 'unknown';
  readonly summary: string;
  readonly checks: readonly VerdictCheck[];
}

export type TokenInspection =
  | { readonly kind: 'jwt'; readonly claims: TokenClaims; readonly expiresAt?: string; readonly verdict: SmtpVerdict }
  | { readonly kind: 'opaque'; readonly verdict: SmtpVerdict };

export interface TokenExpectations {
  readonly flow: Flow;
  readonly cloud: CloudId;
  /** The XOAUTH2 `user=` mailbox; for delegated tokens the signed-in user should match it (or have rights on it). */
  readonly mailbox?: string;
  /** Milliseconds since the epoch; default `Date.now()`. Tests pass the emulator's clock. */
  readonly now?: number;
}

/** Decodes the payload of a JWT-shaped token, or null when it is opaque. */
export function decodeJwtPayload(token: string): Record<string, unknown> | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const b64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    const bytes = Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
    const json: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

export function readClaims(payload: Record<string, unknown>): TokenClaims {
  const aud = Array.isArray(payload.aud) ? str(payload.aud[0]) : str(payload.aud);
  return {
    aud,
    scp: (str(payload.scp) ?? '').split(' ').filter(Boolean),
    roles: Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [],
    user: str(payload.upn) ?? str(payload.preferred_username) ?? str(payload.unique_name),
    tid: str(payload.tid),
    appId: str(payload.appid) ?? str(payload.azp),
    exp: typeof payload.exp === 'number' ? payload.exp : undefined,
    ver: str(payload.ver),
    oid: str(payload.oid),
  };
}

export function inspectAccessToken(token: string, expect: TokenExpectations): TokenInspection {
  const payload = decodeJwtPayload(token);
  if (!payload) {
    return {
      kind: 'opaque',
      verdict: {
        fit: 'unknown',
        summary:
          'This token cannot be read (personal Microsoft accounts get encrypted tokens). Only the SMTP login can tell whether it works.',
        checks: [{ name: 'format', ok: true, message: 'Opaque token: its claims are not visible to the app.' }],
      },
    };
  }
  const claims = readClaims(payload);
  const checks = [
    audienceCheck(claims, expect.cloud),
    permissionCheck(claims, expect.flow),
    expiryCheck(claims, expect.now ?? Date.now()),
  ];
  if (expect.flow === 'delegated' && expect.mailbox) checks.push(userCheck(claims, expect.mailbox));
  const failed = checks.filter((c) => !c.ok && c.name !== 'user');
  const userMismatch = checks.some((c) => c.name === 'user' && !c.ok);
  const fit = failed.length ? 'no' : 'yes';
  // Worded as the token's own fitness: the SMTP login can still fail for other reasons
  // (SMTP AUTH off, no mailbox permission), and the Verify step shows that verdict beside this one.
  const summary = failed.length
    ? `The token itself is not valid for SMTP: ${failed.map((c) => c.message).join(' ')}`
    : userMismatch
      ? 'The token itself is valid for SMTP, if the signed-in user has Send As or Full Access rights on the mailbox.'
      : 'The token itself is valid for SMTP.';
  return {
    kind: 'jwt',
    claims,
    expiresAt: claims.exp ? new Date(claims.exp * 1000).toISOString() : undefined,
    verdict: { fit, summary, checks },
  };
}

function audienceCheck(c: TokenClaims, cloud: CloudId): VerdictCheck {
  const want = clouds[cloud].exchangeAudiences.map((a) => a.toLowerCase());
  const aud = (c.aud ?? '').toLowerCase().replace(/\/$/, '');
  const detail = `Audience (aud): ${c.aud ?? 'none'}`;
  if (want.includes(aud))
    return { name: 'audience', ok: true, message: 'It is meant for Exchange Online, the service behind SMTP.', detail };
  return {
    name: 'audience',
    ok: false,
    message: `It is meant for another service (${c.aud ?? 'none named'}), not Exchange Online; the first scope decides which service a token is for.`,
    detail: `${detail}; expected ${clouds[cloud].delegatedResource}`,
  };
}

function permissionCheck(c: TokenClaims, flow: Flow): VerdictCheck {
  if (flow === 'app-only') {
    const detail = `Roles (roles): ${c.roles.join(' ') || 'none'}`;
    return c.roles.includes('SMTP.SendAsApp')
      ? { name: 'permission', ok: true, message: 'The app is allowed to send mail over SMTP.', detail }
      : {
          name: 'permission',
          ok: false,
          message:
            'The app is not allowed to send mail over SMTP: add the SMTP.SendAsApp application permission and grant admin consent.',
          detail,
        };
  }
  const detail = `Scopes (scp): ${c.scp.join(' ') || 'none'}`;
  return c.scp.includes('SMTP.Send')
    ? { name: 'permission', ok: true, message: 'The mailbox user allowed the app to send mail over SMTP.', detail }
    : {
        name: 'permission',
        ok: false,
        message: 'The app is not allowed to send mail over SMTP: the token has no SMTP.Send permission.',
        detail,
      };
}

function expiryCheck(c: TokenClaims, now: number): VerdictCheck {
  if (c.exp === undefined) return { name: 'expiry', ok: true, message: 'The token states no expiry.' };
  const left = Math.round((c.exp * 1000 - now) / 60_000);
  const detail = `Expires (exp): ${new Date(c.exp * 1000).toISOString()}`;
  return left > 0
    ? { name: 'expiry', ok: true, message: `Valid for about ${left} more minutes.`, detail }
    : { name: 'expiry', ok: false, message: 'The token has expired.', detail };
}

function userCheck(c: TokenClaims, mailbox: string): VerdictCheck {
  const same = (c.user ?? '').toLowerCase() === mailbox.trim().toLowerCase();
  const detail = `User (upn / preferred_username): ${c.user ?? 'none'}`;
  return same
    ? { name: 'user', ok: true, message: `Signed in as ${c.user}, the mailbox itself.`, detail }
    : {
        name: 'user',
        ok: false,
        message: `Signed in as ${c.user ?? 'an unknown user'}, not ${mailbox}; SMTP works only if that user has rights on the mailbox.`,
        detail,
      };
}
