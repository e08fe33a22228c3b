import type { ExportCheck } from '../../../shared/export-output';
import { type Problem, problem } from '../../../shared/problem';
import type { Profile } from '../../../shared/profile';
import { secretKeys } from '../../secrets/secret-keys';
import type { SecretStore } from '../../secrets/secret-store';

/**
 * Cloud Manager's limit on a variable's value (Adobe, "Configuring OSGi for AEM as a Cloud
 * Service", Variable Naming: "Values for the variables must not exceed 2048 characters").
 * The refresh token goes into SECRET_SMTP_OAUTH_REFRESH_TOKEN, so it must fit.
 */
export const AEM_VARIABLE_MAX_CHARS = 2048;
export const AEM_CLIENT_SECRET_VAR = 'SECRET_SMTP_OAUTH_CLIENT_SECRET';
export const AEM_REFRESH_TOKEN_VAR = 'SECRET_SMTP_OAUTH_REFRESH_TOKEN';

const count = (n: number): string => n.toLocaleString('en-US');

/** What to do about a value Cloud Manager cannot hold, in plain words. */
export function variableTooLong(variable: string, what: string, length: number): Problem {
  return problem({
    code: 'AEM_VARIABLE_TOO_LONG',
    title: `The ${what} is too long for a Cloud Manager variable`,
    explanation: `The ${what} is ${count(length)} characters; Cloud Manager variables hold at most ${count(AEM_VARIABLE_MAX_CHARS)}, so ${variable} cannot take it and AEM would not send with it.`,
    fixSteps: [
      'Sign in again: each sign-in issues a new refresh token, and its length varies.',
      'Then export again: the export step shows the new length.',
      `If it stays over ${count(AEM_VARIABLE_MAX_CHARS)} characters, ask Adobe support how to pass a longer secret to the Mail Service: it cannot be shortened.`,
    ],
  });
}

/** The refresh token measured against the limit; `unknown` when it could not be read. */
export function refreshTokenCheck(length: number | undefined): ExportCheck {
  const label = 'Refresh token length';
  if (length === undefined)
    return {
      label,
      status: 'unknown',
      limit: AEM_VARIABLE_MAX_CHARS,
      message: `The stored refresh token could not be measured (sign in first, or unlock the keychain); Cloud Manager accepts at most ${count(AEM_VARIABLE_MAX_CHARS)} characters.`,
    };
  if (length > AEM_VARIABLE_MAX_CHARS)
    return {
      label,
      status: 'too-long',
      measured: length,
      limit: AEM_VARIABLE_MAX_CHARS,
      message: variableTooLong(AEM_REFRESH_TOKEN_VAR, 'refresh token', length).explanation,
    };
  return {
    label,
    status: 'ok',
    measured: length,
    limit: AEM_VARIABLE_MAX_CHARS,
    message: `The refresh token is ${count(length)} characters; Cloud Manager accepts up to ${count(AEM_VARIABLE_MAX_CHARS)}.`,
  };
}

/**
 * Right after a sign-in for an AEM profile: the stored refresh token measured against
 * Cloud Manager's limit. Returns what to tell the user (nothing when it fits). A keychain
 * that cannot be read here says nothing: the sign-in itself succeeded, and the export
 * step measures again.
 */
export async function aemSignInNotices(profile: Profile, secrets: Pick<SecretStore, 'get'>): Promise<Problem[]> {
  if (profile.targetId !== 'aem' || profile.flow !== 'delegated') return [];
  const token = await secrets.get(secretKeys.refreshToken(profile.id)).catch(() => null);
  if (!token || token.length <= AEM_VARIABLE_MAX_CHARS) return [];
  return [variableTooLong(AEM_REFRESH_TOKEN_VAR, 'refresh token', token.length)];
}
