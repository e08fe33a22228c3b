import { openDataStores } from '../core/profiles/data-stores';
import { defaultDataDir, profilesFileIn } from '../core/profiles/default-location';
import type { ProfileStore } from '../core/profiles/profile-store';
import { KEYCHAIN_SERVICE } from '../core/secrets/keytar-secret-store';
import { SecretStoreError, type SecretStore } from '../core/secrets/secret-store';
import type { Profile } from '../shared/profile';
import { stringOpt, type Parsed } from './args';
import type { CliIo } from './cli-io';
import { UsageError } from './exit-codes';

/** For tests only: a throwaway keychain service so runs never touch the user's entries. */
export const KEYCHAIN_SERVICE_ENV = 'SMTP_OAUTH_WIZARD_KEYCHAIN_SERVICE';

/** The desktop app's profile file and keychain, as the command sees them. */
export interface CliContext {
  readonly dataDir: string;
  readonly secrets: SecretStore;
  readonly profiles: ProfileStore;
  readonly io: CliIo;
  readonly json: boolean;
  /** Milliseconds since the epoch: one clock for token dates and expiry checks. */
  readonly now: () => number;
  /** Aborts on Ctrl-C: the network call in flight stops, and nothing is recorded for it. */
  readonly signal: AbortSignal;
}

export function openContext(parsed: Parsed, io: CliIo): CliContext {
  const dataDir = stringOpt(parsed, 'data-dir') ?? defaultDataDir({ env: io.env });
  // The keychain is opened lazily by keytar: listing profiles never needs it.
  const { secrets, profiles } = openDataStores({
    dataDir,
    service: io.env[KEYCHAIN_SERVICE_ENV]?.trim() || KEYCHAIN_SERVICE,
  });
  return {
    dataDir,
    secrets,
    profiles,
    io,
    json: parsed.values.json === true,
    now: Date.now,
    signal: io.signal ?? new AbortController().signal,
  };
}

/**
 * Fails early, with the keychain's own plain-words reason, when secrets cannot be read:
 * otherwise the first symptom would be a confusing "secret missing" or a sign-in error.
 */
export async function requireKeychain(ctx: CliContext): Promise<void> {
  const status = await ctx.secrets.status();
  if (!status.available) throw new SecretStoreError(status.reason, status.message);
}

/** A profile by id, or by name (case-insensitive) when the name is unique. */
export async function resolveProfile(ctx: CliContext, ref: string | undefined): Promise<Profile> {
  if (!ref)
    throw new UsageError('USAGE', 'name the profile (its id or name); `smtp-oauth-wizard profiles list` shows them');
  const all = await ctx.profiles.list();
  const byId = all.find((p) => p.id === ref);
  if (byId) return byId;
  const named = all.filter((p) => p.name.trim().toLowerCase() === ref.trim().toLowerCase());
  if (named.length === 1 && named[0]) return named[0];
  if (named.length > 1)
    throw new UsageError(
      'AMBIGUOUS_PROFILE',
      `${named.length} profiles are named "${ref}"; use the id instead (${named.map((p) => p.id).join(', ')})`,
    );
  throw new UsageError(
    'UNKNOWN_PROFILE',
    `no profile "${ref}" in ${profilesFileIn(ctx.dataDir)} (${all.length} profile${all.length === 1 ? '' : 's'}; see \`profiles list\`)`,
  );
}
