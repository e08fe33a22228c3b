import { createHash } from 'node:crypto';

/**
 * "These rules checked this text": the first line of a profile file this app wrote is
 * `{ "checked": "<rules revision>:<sha256 of the rest of the file>",`. When the hash still
 * matches, nobody changed a byte since the app validated every entry and wrote them, so a read
 * can take the entries as they are instead of validating each one again: in a new process zod
 * costs about 70 µs an entry (70 ms at 1,000 profiles, issue 11's "the same cost at 300 as at
 * 1"), the hash about 1 µs per kilobyte. Anything else (a hand edit, damage, a file written
 * under other rules) has no matching stamp and is validated entry by entry, as always.
 *
 * Bump PROFILE_RULES_REVISION whenever what profileSchema accepts changes (a bound, a check,
 * a field): files stamped under the old rules are then validated again. A test records the
 * schema's fingerprint per revision and fails when the schema changed without a bump.
 */
export const PROFILE_RULES_REVISION = 2;

const OPEN = '{\n "checked": "';
const CLOSE = '",\n';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** `json`, an object serialised with indent 1 (`{\n "…`, any trailing newline included), with the stamp as its first member. */
export function withCheckedStamp(json: string): string {
  if (!json.startsWith('{\n ')) throw new Error('withCheckedStamp: expected an indented JSON object');
  const rest = json.slice(2);
  return `${OPEN}${PROFILE_RULES_REVISION}:${sha256(rest)}${CLOSE}${rest}`;
}

/** Whether `text` carries a stamp of the current rules that matches its content. */
export function hasValidCheckedStamp(text: string): boolean {
  if (!text.startsWith(OPEN)) return false;
  const end = text.indexOf(CLOSE, OPEN.length);
  if (end < 0 || end > OPEN.length + 80) return false;
  const stamp = text.slice(OPEN.length, end);
  return stamp === `${PROFILE_RULES_REVISION}:${sha256(text.slice(end + CLOSE.length))}`;
}

/** The stamp's member name, which a reader drops from the file's other top-level fields. */
export const CHECKED_STAMP_FIELD = 'checked';
