import { clouds } from '../../../shared/clouds';
import { type AemExportSettings, defaultAemExportSettings, type ExportOptions } from '../../../shared/export-output';
import type { Profile } from '../../../shared/profile';
import { authorityHostOf } from '../../authority/authority';

/**
 * The secret values an export may use, read from the keychain by the caller so that
 * exporters stay pure functions of (profile, snapshot, options).
 */
export interface TokenSnapshot {
  readonly clientSecret?: string;
  readonly refreshToken?: string;
  /**
   * The stored refresh token's length when its value is withheld (a target limits it:
   * Cloud Manager's 2,048 characters). Only the number leaves the keychain read.
   */
  readonly refreshTokenLength?: number;
}

export type SecretName = 'clientSecret' | 'refreshToken';

/** Everything an exporter reads. Secrets are reachable only through `reveal`. */
export interface ExportContext {
  readonly profile: Profile;
  readonly includeSecrets: boolean;
  /** `https://login.microsoftonline.com` or the custom authority host, no trailing slash. */
  readonly authorityHost: string;
  readonly authorizeUrl: string;
  readonly tokenUrl: string;
  /** Resource of the app-only scope for this cloud (`https://outlook.office365.com`). */
  readonly appOnlyResource: string;
  /** How AEM reaches SMTP (only AEM's exporter reads it). */
  readonly aem: AemExportSettings;
  /** The stored refresh token's length, when known (with or without "Include secrets"). */
  readonly refreshTokenLength?: number;
  /** The secret value when the user chose to include secrets and it exists; otherwise undefined. */
  reveal(name: SecretName): string | undefined;
}

/** Placeholders shown where a secret would go; they name the value to paste. */
export const placeholders: Readonly<Record<SecretName, string>> = {
  clientSecret: '<paste the client secret>',
  refreshToken: '<paste the refresh token>',
};

/** What a secret field shows when its value is withheld. */
export const hiddenValue = '(hidden: choose "Include secrets" to show)';

export function createExportContext(profile: Profile, tokens: TokenSnapshot, options: ExportOptions): ExportContext {
  const authorityHost = authorityHostOf(profile);
  const tenantBase = `${authorityHost}/${encodeURIComponent(profile.tenant)}/oauth2/v2.0`;
  // Only copy the secrets in when asked: exporters then cannot leak what they never get.
  const visible: TokenSnapshot = options.includeSecrets ? { ...tokens } : {};
  const refreshTokenLength = tokens.refreshToken ? tokens.refreshToken.length : tokens.refreshTokenLength;
  return {
    profile,
    includeSecrets: options.includeSecrets,
    aem: options.aem ?? defaultAemExportSettings,
    ...(refreshTokenLength !== undefined ? { refreshTokenLength } : {}),
    authorityHost,
    authorizeUrl: `${tenantBase}/authorize`,
    tokenUrl: `${tenantBase}/token`,
    appOnlyResource: clouds[profile.cloud].appOnlyResource,
    reveal: (name) => {
      const v = visible[name];
      return v === undefined || v === '' ? undefined : v;
    },
  };
}

/** Which secrets this profile's flow uses (app-only has no refresh token; certificates no secret). */
export function secretsUsedBy(profile: Profile): readonly SecretName[] {
  const names: SecretName[] = [];
  if (profile.credential.kind === 'secret') names.push('clientSecret');
  if (profile.flow === 'delegated') names.push('refreshToken');
  return names;
}

/** The scopes as one space-separated string, the form every token request takes. */
export const scopeString = (profile: Profile): string => profile.scopes.join(' ');
