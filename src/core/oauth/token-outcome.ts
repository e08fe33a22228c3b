import type { TokenInspection } from '../../shared/token-inspection';

/** What an acquisition returns. The access token lives in memory only; the caller must not persist it. */
export interface TokenOutcome {
  readonly accessToken: string;
  readonly inspection: TokenInspection;
  /** The signed-in account (`preferred_username`), delegated only. */
  readonly account?: string;
  readonly expiresOn?: string;
  /** A refresh token is now in the keychain (delegated flows). */
  readonly refreshTokenStored: boolean;
}
