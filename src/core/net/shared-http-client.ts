import type { NetworkSettings } from '../../shared/profile';
import { createHttpClient, type HttpClient } from './http-client';

/**
 * One HTTP client per distinct network setting (extra CA, proxy, timeout) for the whole
 * process: a sign-in, each refresh and each app-only token reuse its trust store and its
 * kept-alive connections instead of building them again (31 ms with an extra CA). The
 * clients live as long as the process; their idle connections close on their own.
 */

/** A handful of profiles use a handful of settings; the cap only guards against growth. */
const MAX_CLIENTS = 8;
const clients = new Map<string, HttpClient>();

export function sharedHttpClient(network: Pick<NetworkSettings, 'extraCaPem' | 'proxyUrl' | 'timeoutMs'>): HttpClient {
  // In memory only: the key may hold the proxy password resolveNetwork put back.
  const key = JSON.stringify([network.extraCaPem.trim(), network.proxyUrl.trim(), network.timeoutMs]);
  const hit = clients.get(key);
  if (hit) {
    // Most recently used last, so the cap drops the one unused the longest.
    clients.delete(key);
    clients.set(key, hit);
    return hit;
  }
  const client = createHttpClient({
    extraCaPem: network.extraCaPem,
    proxyUrl: network.proxyUrl,
    timeoutMs: network.timeoutMs,
  });
  // Shared: a caller's close() must not cut the connections of the others.
  const shared: HttpClient = { request: (req) => client.request(req), close: () => undefined };
  if (clients.size >= MAX_CLIENTS) {
    const oldest = clients.keys().next().value;
    if (oldest !== undefined) clients.delete(oldest);
  }
  clients.set(key, shared);
  return shared;
}
