/**
 * A network failure classified by what the user can do about it, not by socket errno.
 * The message holds no secrets (no bodies, no headers), only host and code.
 */
export type NetworkFailureKind =
  | 'timeout'
  | 'dns'
  | 'refused'
  | 'reset'
  | 'tls-untrusted'
  | 'tls-expired'
  | 'tls-name-mismatch'
  | 'tls-other'
  | 'proxy-unreachable'
  | 'proxy-auth'
  | 'proxy-refused'
  | 'bad-response'
  | 'aborted';

export class NetworkFailure extends Error {
  readonly kind: NetworkFailureKind;
  /** `host:port` that was being reached (the proxy's for proxy failures). */
  readonly host: string;
  /** The underlying error code, e.g. `SELF_SIGNED_CERT_IN_CHAIN`, kept for the support report. */
  readonly code: string | undefined;
  /** HTTP status when the failure came with one (bad-response, proxy). */
  readonly status: number | undefined;

  constructor(kind: NetworkFailureKind, host: string, opts: { code?: string; status?: number; cause?: unknown } = {}) {
    super(
      `${kind} reaching ${host}${opts.code ? ` (${opts.code})` : ''}${opts.status ? ` [HTTP ${opts.status}]` : ''}`,
      { cause: opts.cause },
    );
    this.name = 'NetworkFailure';
    this.kind = kind;
    this.host = host;
    this.code = opts.code;
    this.status = opts.status;
  }
}

export const isNetworkFailure = (e: unknown): e is NetworkFailure => e instanceof NetworkFailure;

const UNTRUSTED = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);

/** Maps a Node socket / TLS error to a kind. */
export function classifySocketError(err: unknown, host: string): NetworkFailure {
  if (err instanceof NetworkFailure) return err;
  const code =
    err !== null && typeof err === 'object' && 'code' in err && typeof err.code === 'string' ? err.code : undefined;
  const kind: NetworkFailureKind =
    code === undefined
      ? 'reset'
      : UNTRUSTED.has(code)
        ? 'tls-untrusted'
        : code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID'
          ? 'tls-expired'
          : code === 'ERR_TLS_CERT_ALTNAME_INVALID'
            ? 'tls-name-mismatch'
            : code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') || code.includes('CERT')
              ? 'tls-other'
              : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
                ? 'dns'
                : code === 'ECONNREFUSED'
                  ? 'refused'
                  : code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT'
                    ? 'timeout'
                    : code === 'ABORT_ERR'
                      ? 'aborted'
                      : 'reset';
  return new NetworkFailure(kind, host, { code, cause: err });
}
