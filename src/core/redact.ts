/**
 * Redaction for SMTP transcripts. A transcript is shown on screen and pasted into support
 * tickets, so nothing in it may let a reader log in: not the access token, not its base64
 * forms, not the XOAUTH2 payload (`base64("user=…\x01auth=Bearer <token>\x01\x01")`).
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
