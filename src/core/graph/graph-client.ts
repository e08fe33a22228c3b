import { setTimeout as delay } from 'node:timers/promises';
import { backoffDelay, httpRetryDelayMs, type RetryPolicy } from '../net/retry-policy';
import type { HttpClient } from '../net/http-client';
import { GraphRequestError, graphErrorFrom, isReplicationLag } from './graph-error';

/**
 * The few Microsoft Graph calls "Create it for me" makes (reference §13.3), over the app's one
 * HTTP client (proxy, extra CA, timeout). Throttling (429/503) waits as long as Retry-After
 * says (§13.4.3); a call marked `replication` also waits out "not there yet" answers about an
 * object just created, with bounded backoff (§13.5.2). Each wait is reported, so the window can
 * say why nothing seems to happen. The token is asked for per call: it lives in memory only.
 */

export type JsonObject = Record<string, unknown>;

export interface GraphWait {
  readonly reason: 'throttled' | 'replication';
  readonly waitMs: number;
  readonly call: string;
}

export interface GraphClientOptions {
  /** `https://graph.microsoft.com` (no trailing slash, no version). */
  readonly root: string;
  readonly accessToken: () => Promise<string>;
  /** Must not retry by itself (maxAttempts 1): the retries here are the only ones. */
  readonly http: HttpClient;
  readonly signal?: AbortSignal;
  readonly onWait?: (w: GraphWait) => void;
  /** Injected by tests that move an emulator clock instead of waiting. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly now?: () => number;
  /** How long one call may wait for replication in total (default 3 minutes, as azure-cli). */
  readonly replicationBudgetMs?: number;
}

export interface GraphCall {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Below /v1.0, e.g. `/applications?$filter=...`. */
  readonly path: string;
  readonly body?: unknown;
  /** The call names an object created moments ago: wait while Graph says it is not there yet. */
  readonly replication?: boolean;
}

export interface GraphClient {
  call<T = JsonObject>(c: GraphCall): Promise<T>;
}

/** Graph's Retry-After is often tens of seconds, sometimes minutes (§13.4.3). */
export const GRAPH_THROTTLE_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 2_000, maxDelayMs: 120_000 };
/** Start at 2 s, cap at 30 s (§13.5.2 recommended policy); the budget bounds the total. */
export const REPLICATION_POLICY: RetryPolicy = { maxAttempts: 1_000, baseDelayMs: 2_000, maxDelayMs: 30_000 };
export const REPLICATION_BUDGET_MS = 180_000;
/** For the HTTP client Graph calls go through: the retries are the Graph client's. */
export const NO_RETRY: RetryPolicy = { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 };

const defaultSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  delay(ms, undefined, signal ? { signal } : {}).then(() => undefined);

export function createGraphClient(o: GraphClientOptions): GraphClient {
  const sleep = o.sleep ?? defaultSleep;
  const now = o.now ?? Date.now;
  const budget = o.replicationBudgetMs ?? REPLICATION_BUDGET_MS;

  async function once(c: GraphCall): Promise<{ status: number; body: string; headers: Record<string, string> }> {
    const token = await o.accessToken();
    const res = await o.http.request({
      method: c.method,
      url: `${o.root}/v1.0${c.path}`,
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: 'application/json',
        ...(c.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      ...(c.body !== undefined ? { body: JSON.stringify(c.body) } : {}),
      ...(o.signal ? { signal: o.signal } : {}),
    });
    return { status: res.status, body: res.body, headers: { ...res.headers } };
  }

  return {
    async call<T>(c: GraphCall): Promise<T> {
      const label = `${c.method} ${c.path.split('?')[0] ?? c.path}`;
      const started = now();
      let throttled = 0;
      let lagging = 0;
      for (;;) {
        const res = await once(c);
        if (res.status >= 200 && res.status < 300) return (res.body ? JSON.parse(res.body) : {}) as T;
        const error = graphErrorFrom(res.status, res.body, res.headers, label);
        if (res.status === 429 || res.status === 503) {
          const wait = httpRetryDelayMs(res.status, res.headers['retry-after'], ++throttled, GRAPH_THROTTLE_POLICY);
          if (wait === null) throw error;
          o.onWait?.({ reason: 'throttled', waitMs: wait, call: label });
          await sleep(wait, o.signal);
          continue;
        }
        if (c.replication && isReplicationLag(error)) {
          const wait = backoffDelay(REPLICATION_POLICY, ++lagging);
          if (now() - started + wait > budget) {
            error.replicationTimedOut = true;
            throw error;
          }
          o.onWait?.({ reason: 'replication', waitMs: wait, call: label });
          await sleep(wait, o.signal);
          continue;
        }
        throw error;
      }
    },
  };
}

export { GraphRequestError };
