import type { Profile } from './profile';

const DAY = 86_400_000;
/** Entra drops a refresh token unused for 90 days (AADSTS700082, reference §10). */
export const REFRESH_TOKEN_INACTIVITY_DAYS = 90;
/** Warn this long before a refresh token or a credential runs out. */
export const WARN_DAYS = { refreshToken: 14, credential: 30 } as const;

export interface LifecycleNote {
  readonly what: 'refresh-token' | 'client-secret' | 'certificate';
  readonly severity: 'info' | 'warning' | 'error';
  readonly message: string;
  /** ISO date it runs out. */
  readonly at: string;
}

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const daysLeft = (ms: number, now: number): number => Math.ceil((ms - now) / DAY);

function note(
  what: LifecycleNote['what'],
  label: string,
  endMs: number,
  now: number,
  warnDays: number,
  expiredText: string,
): LifecycleNote {
  const left = daysLeft(endMs, now);
  if (left <= 0)
    return { what, severity: 'error', at: day(endMs), message: `${label} ${expiredText} on ${day(endMs)}.` };
  if (left <= warnDays)
    return {
      what,
      severity: 'warning',
      at: day(endMs),
      message: `${label} runs out in ${left} day${left === 1 ? '' : 's'} (${day(endMs)}).`,
    };
  return { what, severity: 'info', at: day(endMs), message: `${label} good until ${day(endMs)}.` };
}

/**
 * When the profile's tokens and credentials run out: the refresh token 90 days after it
 * was last used (the target system resets this each time it refreshes, as long as it
 * keeps the rotated token), the client secret or certificate on its expiry date.
 */
export function lifecycleOf(profile: Profile, now = Date.now()): LifecycleNote[] {
  const notes: LifecycleNote[] = [];
  const ts = profile.tokenState;
  const lastUsed = ts.refreshTokenLastUsedAt ?? ts.refreshTokenStoredAt;
  if (profile.flow === 'delegated' && lastUsed) {
    const end = Date.parse(lastUsed) + REFRESH_TOKEN_INACTIVITY_DAYS * DAY;
    if (!Number.isNaN(end))
      notes.push(
        note('refresh-token', 'Refresh token (if unused)', end, now, WARN_DAYS.refreshToken, 'expired from inactivity'),
      );
  }
  const cred = profile.credential;
  if (cred.kind === 'secret' && cred.expiresOn) {
    const end = Date.parse(cred.expiresOn);
    if (!Number.isNaN(end))
      notes.push(note('client-secret', 'Client secret', end, now, WARN_DAYS.credential, 'expired'));
  }
  if (cred.kind === 'certificate') {
    const end = Date.parse(cred.notAfter);
    if (!Number.isNaN(end)) notes.push(note('certificate', 'Certificate', end, now, WARN_DAYS.credential, 'expired'));
  }
  return notes;
}

/** Entra's refresh tokens (outside single-page apps) live 90 days from issue; each use returns a new one. */
export const REFRESH_TOKEN_LIFETIME_DAYS = 90;

export interface RefreshTokenRenewal {
  /** ISO date the stored refresh token stops working if the target keeps redeeming this one, not the rotated ones. */
  readonly stopsOn: string;
  /** ISO date to sign in again and replace it at the target (a warning period before `stopsOn`). */
  readonly renewBy: string;
}

/**
 * When the refresh token handed to the target stops working if the target does not keep
 * the rotated token it gets back on each refresh (AEM's Cloud Manager variable is not
 * rewritten by AEM): 90 days after this sign-in. Renew two weeks before. Undefined for
 * app-only profiles and before the first sign-in.
 */
export function refreshTokenRenewalOf(profile: Profile): RefreshTokenRenewal | undefined {
  const stored = profile.flow === 'delegated' ? profile.tokenState.refreshTokenStoredAt : undefined;
  const at = stored ? Date.parse(stored) : Number.NaN;
  if (Number.isNaN(at)) return undefined;
  const stops = at + REFRESH_TOKEN_LIFETIME_DAYS * DAY;
  return { stopsOn: day(stops), renewBy: day(stops - WARN_DAYS.refreshToken * DAY) };
}

/** The one-line state of a profile for the start screen. */
export function tokenStatusOf(profile: Profile): { readonly acquired: boolean; readonly text: string } {
  const ts = profile.tokenState;
  if (profile.flow === 'delegated') {
    return ts.refreshTokenStoredAt
      ? {
          acquired: true,
          text: `Signed in${ts.account ? ` as ${ts.account}` : ''} on ${ts.refreshTokenStoredAt.slice(0, 10)}`,
        }
      : { acquired: false, text: 'Not signed in yet' };
  }
  return ts.accessTokenAcquiredAt
    ? { acquired: true, text: `App-only token obtained on ${ts.accessTokenAcquiredAt.slice(0, 10)}` }
    : { acquired: false, text: 'No token yet' };
}

/**
 * The card's badge: the last check's result when there was one (a token that exists but
 * fails is not good news), else whether there is a token to check at all.
 */
export function checkBadgeOf(profile: Profile): {
  readonly text: string;
  readonly color: 'success' | 'danger' | 'informative' | 'warning';
} {
  const last = profile.tokenState.lastVerify;
  if (last)
    return last.ok ? { text: 'Last check worked', color: 'success' } : { text: 'Last check failed', color: 'danger' };
  return tokenStatusOf(profile).acquired
    ? { text: 'Not checked yet', color: 'informative' }
    : { text: profile.flow === 'delegated' ? 'Not signed in' : 'No token yet', color: 'informative' };
}
