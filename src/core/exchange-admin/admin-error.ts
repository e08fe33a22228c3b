import type { NetworkFailure } from '../net/network-failure';

/**
 * Why Exchange's admin REST did not run a cmdlet, classified by what the user can do about it:
 * - `auth`: the admin's token was not accepted (401);
 * - `not-admin`: the signed-in user lacks an Exchange role (403, or the module's "is not recognized");
 * - `not-found`: an object the cmdlet names does not exist (yet);
 * - `already-exists`: what the cmdlet creates is there already (the caller decides if that is fine);
 * - `cmdlet`: any other cmdlet error, Exchange's text kept;
 * - `throttled`: too many requests, after the HTTP client's own retries;
 * - `unavailable`: the endpoint is not there or not answering as it used to (it is undocumented);
 * - `network`: it could not be reached at all.
 * Messages hold Exchange's words (redacted by the caller's Problem), never the token.
 */
export type ExchangeAdminErrorKind =
  'auth' | 'not-admin' | 'not-found' | 'already-exists' | 'cmdlet' | 'throttled' | 'unavailable' | 'network';

export class ExchangeAdminError extends Error {
  readonly kind: ExchangeAdminErrorKind;
  readonly cmdlet: string;
  readonly status: number | undefined;
  /** Exchange's error id and exception type (`Ex6F9304`, `…ManagementObjectNotFoundException`). */
  readonly errorId: string | undefined;
  readonly exceptionType: string | undefined;
  readonly network: NetworkFailure | undefined;

  constructor(
    kind: ExchangeAdminErrorKind,
    cmdlet: string,
    message: string,
    o: { status?: number; errorId?: string; exceptionType?: string; network?: NetworkFailure } = {},
  ) {
    super(message, o.network ? { cause: o.network } : undefined);
    this.name = 'ExchangeAdminError';
    this.kind = kind;
    this.cmdlet = cmdlet;
    this.status = o.status;
    this.errorId = o.errorId;
    this.exceptionType = o.exceptionType;
    this.network = o.network;
  }
}

export const isExchangeAdminError = (e: unknown): e is ExchangeAdminError => e instanceof ExchangeAdminError;
