import type { Problem } from '../shared/problem';
import { redactRuns } from './redact-runs';

/**
 * The one redactor: SMTP transcripts, the support report and every error text that reaches
 * a Problem's detail or the CLI. All of these are shown on screen and pasted into support
 * tickets, so nothing in them may let a reader log in: not the access token, not its base64
 * forms, not the XOAUTH2 payload (`base64("user=…\x01auth=Bearer <token>\x01\x01")`), not a
 * client secret or refresh token a server or library echoed back from a request body.
 * Known secrets are removed by value; unknown ones by shape, with the same shape rules for
 * every text, so a token we were not told about (a retry with a renewed token, a server
 * echo, a report made while the keychain is locked) is caught as well.
 *
 * Linear in the text's length whatever it holds: the run rules are a scanner
 * (`redact-runs.ts`), and the regular expressions left here have no quantified part a long
 * run can make them backtrack over (a `{20,}` over a 10 MB run overflowed V8's stack).
 */

export const REDACTED_TOKEN = '[token redacted]';
export const REDACTED_XOAUTH2 = '[XOAUTH2 payload redacted]';
export const REDACTED = '[redacted]';

const BEARER = /(Bearer\s+)[^\s\x01"',;]+/gi;
const AUTH_XOAUTH2 = /^(\s*(?:[CS]: )?AUTH\s+XOAUTH2)\s+\S+/i;
/** `name=value` (form body, query) or `"name": "value"` (JSON) of a token request or answer. */
const SECRET_PARAM =
  /\b(client_secret|refresh_token|access_token|id_token|client_assertion|code_verifier|password)("?[ \t]*[=:][ \t]*"?)[^\s&"',;]+/gi;

/** Secrets shorter than this are not matched by value: they would shred ordinary words. */
const MIN_SECRET_LENGTH = 8;

function encodings(secret: string): string[] {
  const b = Buffer.from(secret, 'utf8');
  return [secret, b.toString('base64'), b.toString('base64').replace(/=+$/, ''), b.toString('base64url')];
}

export type Redactor = (line: string) => string;

/** A Problem whose texts quote what a server said (SMTP replies, error messages), passed through a redactor. */
export function redactProblem(p: Problem, redact: Redactor): Problem {
  return {
    ...p,
    title: redact(p.title),
    explanation: redact(p.explanation),
    fixSteps: p.fixSteps.map(redact),
    commands: p.commands.map(redact),
    ...(p.detail !== undefined ? { detail: redact(p.detail) } : {}),
  };
}

/** Builds a redactor that knows the given secret values (access token, refresh token…). */
export function createRedactor(knownSecrets: readonly string[]): Redactor {
  const secrets = knownSecrets.filter((s) => s.length >= MIN_SECRET_LENGTH);
  // Longest first, so a token is replaced whole before any shorter secret inside it.
  const byValue = [...new Set(secrets.flatMap(encodings))].sort((a, b) => b.length - a.length);
  const markers = { token: REDACTED_TOKEN, payload: REDACTED_XOAUTH2, other: REDACTED };

  return (line: string): string => {
    let out = line.replace(AUTH_XOAUTH2, `$1 ${REDACTED_XOAUTH2}`);
    for (const value of byValue) out = out.split(value).join(REDACTED_TOKEN);
    out = out.replace(BEARER, `$1${REDACTED_TOKEN}`);
    out = out.replace(SECRET_PARAM, `$1$2${REDACTED}`);
    return redactRuns(out, secrets, markers);
  };
}

const shapesOnly = createRedactor([]);

/**
 * An error text for a Problem's `detail` or a one-line CLI error, when the secrets are not
 * at hand: first line only (no stack or trace block), capped, every secret-shaped run blanked.
 */
export function redactDetail(text: string): string {
  const end = text.search(/\r?\n/);
  return shapesOnly((end < 0 ? text : text.slice(0, end)).slice(0, 600));
}
