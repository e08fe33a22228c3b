import type net from 'node:net';
import type { ProxyAddress } from '../../shared/proxy-address';
import { connectSocket } from '../net/connect-socket';
import { isNetworkFailure, type NetworkFailure } from '../net/network-failure';
import { proxyFor } from '../net/proxy';
import { openTunnel } from '../net/tunnel';
import { secureContextFor } from '../net/trust-store';

/**
 * Opens the TCP connection nodemailer then speaks SMTP over (its `getSocket` hook), directly
 * or through the same proxy and CONNECT tunnel sign-in uses. Doing it ourselves gives what
 * nodemailer's own connect does not: the socket dies with the caller's AbortSignal, and a
 * failure says whether the proxy or the mail server failed (the fix is different), keeping
 * the proxy's status code.
 */

export type SocketStage = 'connect' | 'proxy';

export class SocketOpenError extends Error {
  readonly code: string;
  readonly stage: SocketStage;
  /** HTTP status the proxy answered CONNECT with, when it answered. */
  readonly proxyStatus?: number;

  constructor(message: string, code: string, stage: SocketStage, proxyStatus?: number) {
    super(message);
    this.name = 'SocketOpenError';
    this.code = code;
    this.stage = stage;
    if (proxyStatus !== undefined) this.proxyStatus = proxyStatus;
  }
}

export interface OpenSocketOptions {
  readonly host: string;
  readonly port: number;
  /** The profile's proxy setting (any form the profile field takes); empty: HTTPS_PROXY or direct. */
  readonly proxyUrl: string;
  /** The profile's extra CA, for TLS to an https:// proxy. */
  readonly extraCaPem?: string;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  readonly env?: NodeJS.ProcessEnv;
}

/** The codes the SMTP diagnosis reads (Node's errno names, EPROXY for a refusal, EABORT for a cancel). */
function codeOf(f: NetworkFailure): string {
  if (f.kind === 'aborted') return 'EABORT';
  if (f.kind === 'timeout') return 'ETIMEDOUT';
  if (f.kind === 'proxy-auth' || f.kind === 'proxy-refused') return 'EPROXY';
  if (f.code === 'INVALID_PROXY_URL') return 'EPROXYURL';
  return f.code ?? 'ESOCKET';
}

function asSocketError(e: unknown, stage: SocketStage): SocketOpenError {
  if (!isNetworkFailure(e)) return new SocketOpenError(e instanceof Error ? e.message : String(e), 'ESOCKET', stage);
  // The proxy address check explains itself (which part to change); the failure's own text names host and code.
  const message = e.code === 'INVALID_PROXY_URL' && e.cause instanceof Error ? e.cause.message : e.message;
  return new SocketOpenError(message, codeOf(e), stage, e.status);
}

/** The proxy this connection goes through (null: direct), as `scheme://host:port` for the transcript. */
export function smtpProxy(opts: Pick<OpenSocketOptions, 'host' | 'proxyUrl' | 'env'>): ProxyAddress | null {
  try {
    return proxyFor(opts.host, opts.proxyUrl, opts.env);
  } catch (e) {
    throw asSocketError(e, 'proxy');
  }
}

/** Connects directly or through an HTTP CONNECT proxy; the caller owns the socket afterwards. */
export async function openSmtpSocket(opts: OpenSocketOptions): Promise<net.Socket> {
  const common = { timeoutMs: opts.timeoutMs, ...(opts.signal ? { signal: opts.signal } : {}) };
  const proxy = smtpProxy(opts);
  if (!proxy)
    return connectSocket({ host: opts.host, port: opts.port, ...common }).catch((e: unknown) => {
      throw asSocketError(e, 'connect');
    });
  const secureContext = secureContextFor(opts.extraCaPem ?? '');
  return openTunnel(proxy, opts.host, opts.port, { ...common, ...(secureContext ? { secureContext } : {}) }).catch(
    (e: unknown) => {
      throw asSocketError(e, 'proxy');
    },
  );
}
