import type { TokenOutcome } from '../oauth/token-outcome';

/**
 * One access token shared by every check of a bulk run, fetched again only when it is
 * about to expire (or Exchange says it has). Concurrent callers share one fetch, so a
 * run of 5,000 mailboxes asks the identity provider once, not 5,000 times.
 */
export interface TokenSource {
  /** A token valid for at least the margin; fetches one when needed. Throws ProblemError. */
  get(): Promise<CurrentToken>;
  /** Marks `token` as spent (Exchange called it expired) so the next get() fetches anew. */
  invalidate(token: string): void;
  /** How many tokens were fetched so far. */
  readonly acquisitions: number;
}

export interface CurrentToken {
  readonly accessToken: string;
  readonly outcome: TokenOutcome;
}

export interface TokenSourceOptions {
  readonly acquire: () => Promise<TokenOutcome>;
  /** Milliseconds since the epoch (tests pass the emulator's clock). */
  readonly now?: () => number;
  /** Refresh this long before expiry, so no login starts with a token that dies mid-way. Default 2 min. */
  readonly refreshMarginMs?: number;
}

/** When the token expires: its `exp` claim (the identity provider's clock), else MSAL's expiresOn. */
function expiryOf(outcome: TokenOutcome): number | undefined {
  const claimed = outcome.inspection.kind === 'jwt' ? outcome.inspection.claims.exp : undefined;
  if (claimed !== undefined) return claimed * 1000;
  return outcome.expiresOn ? Date.parse(outcome.expiresOn) : undefined;
}

export function createTokenSource(opts: TokenSourceOptions): TokenSource {
  const now = opts.now ?? Date.now;
  const margin = opts.refreshMarginMs ?? 120_000;
  let current: { token: CurrentToken; expiresAt: number | undefined } | undefined;
  let pending: Promise<CurrentToken> | undefined;
  let acquisitions = 0;

  const fresh = (): boolean =>
    current !== undefined && (current.expiresAt === undefined || current.expiresAt - margin > now());

  return {
    get acquisitions() {
      return acquisitions;
    },
    get(): Promise<CurrentToken> {
      if (current && fresh()) return Promise.resolve(current.token);
      pending ??= (async () => {
        try {
          acquisitions += 1;
          const outcome = await opts.acquire();
          const token = { accessToken: outcome.accessToken, outcome };
          current = { token, expiresAt: expiryOf(outcome) };
          return token;
        } finally {
          pending = undefined;
        }
      })();
      return pending;
    },
    invalidate(token) {
      if (current?.token.accessToken === token) current = undefined;
    },
  };
}
