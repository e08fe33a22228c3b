import type { Problem } from '../shared/problem';

/**
 * The one redactor: SMTP transcripts, the support report and every error text that reaches
 * a Problem's detail or the CLI. All of these are shown on screen and pasted into support
 * tickets, so nothing in them may let a reader log in: not the access token, not its base64
 * forms, not the XOAUTH2 payload (`base64("user=…\x01auth=Bearer <token>\x01\x01")`), not a
 * client secret or refresh token a server or library echoed back from a request body.
 * Known secrets are removed by value; unknown ones by shape, so a token we were not told
 * about (a retry with a renewed token, a server echo) is caught as well.
 */

export const REDACTED_TOKEN = '[token redacted]';
export const REDACTED_XOAUTH2 = '[XOAUTH2 payload redacted]';

const JWT = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
const BEARER = /(Bearer\s+)[^\s\x01"',;]+/gi;
const AUTH_XOAUTH2 = /^(\s*(?:[CS]: )?AUTH\s+XOAUTH2)\s+\S+/i;
/** Long runs of base64/base64url: candidates for an encoded payload or token. */
const BASE64_RUN = /[A-Za-z0-9+/_-]{20,}={0,2}/g;

/** Secrets shorter than this are not matched by value: they would shred ordinary words. */
const MIN_SECRET_LENGTH = 8;

function encodings(secret: string): string[] {
  const b = Buffer.from(secret, 'utf8');
  return [secret, b.toString('base64'), b.toString('base64').replace(/=+$/, ''), b.toString('base64url')];
}

function decodesToSecret(run: string, secrets: readonly string[]): boolean {
  let decoded: string;
  try {
    decoded = Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1');
  } catch {
    return false;
  }
  if (/auth=Bearer/i.test(decoded) || /\x01auth=/i.test(decoded)) return true;
  if (/eyJ[A-Za-z0-9_-]{4,}\./.test(decoded)) return true;
  return secrets.some((s) => decoded.includes(s));
}

export type Redactor = (line: string) => string;

/** A Problem whose texts quote what a server said (SMTP replies, error messages), passed through a redactor. */
export function redactProblem(p: Problem, redact: Redactor): Problem {
  return {
    ...p,
    title: redact(p.title),
    explanation: redact(p.explanation),
    fixSteps: p.fixSteps.map(redact),
    ...(p.detail !== undefined ? { detail: redact(p.detail) } : {}),
  };
}

/** Builds a redactor that knows the given secret values (access token, refresh token…). */
export function createRedactor(knownSecrets: readonly string[]): Redactor {
  const secrets = knownSecrets.filter((s) => s.length >= MIN_SECRET_LENGTH);
  // Longest first, so a token is replaced whole before any shorter secret inside it.
  const byValue = [...new Set(secrets.flatMap(encodings))].sort((a, b) => b.length - a.length);

  return (line: string): string => {
    let out = line.replace(AUTH_XOAUTH2, `$1 ${REDACTED_XOAUTH2}`);
    for (const value of byValue) out = out.split(value).join(REDACTED_TOKEN);
    out = out.replace(BEARER, `$1${REDACTED_TOKEN}`);
    out = out.replace(JWT, REDACTED_TOKEN);
    out = out.replace(BASE64_RUN, (run) => (decodesToSecret(run, secrets) ? REDACTED_XOAUTH2 : run));
    return out;
  };
}

const REDACTED = '[redacted]';
/** `name=value` (form body, query) or `"name": "value"` (JSON) of a token request or answer. */
const SECRET_PARAM =
  /\b(client_secret|refresh_token|access_token|id_token|client_assertion|code_verifier|password)("?\s*[=:]\s*"?)[^\s&"',;]+/gi;
/** An Entra client secret value (`abc8Q~…`, 40 characters): too short for the long-run rule. */
const CLIENT_SECRET_SHAPE = /[A-Za-z0-9_.-]{2,8}~[A-Za-z0-9_.~-]{20,}/g;
/** Opaque tokens (refresh tokens, codes) that have no recognisable prefix. */
const LONG_RUN = /[A-Za-z0-9_~.+/-]{60,}={0,2}/g;
const shapesOnly = createRedactor([]);

/**
 * An error text for a Problem's `detail` or a one-line CLI error, when the secrets are not
 * at hand: first line only (no stack or trace block), capped, every secret-shaped run blanked.
 */
export function redactDetail(text: string): string {
  const first = (text.split(/\r?\n/)[0] ?? '').slice(0, 600);
  return shapesOnly(first)
    .replace(SECRET_PARAM, `$1$2${REDACTED}`)
    .replace(CLIENT_SECRET_SHAPE, REDACTED)
    .replace(LONG_RUN, REDACTED);
}
