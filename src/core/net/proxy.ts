import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { NetworkFailure, classifySocketError } from './network-failure';

/**
 * HTTPS through a corporate proxy: an HTTP CONNECT tunnel, then TLS to the real host
 * inside it, so the proxy never sees the token traffic (unless it inspects TLS, which
 * is what `extraCaPem` is for).
 */

/**
 * A proxy address fit to show: any `user:password@` replaced by `***@`. Up to the last `@`,
 * because a password may hold an unescaped `@` (URL parsing accepts it) or a `/`.
 */
export function withoutCredentials(proxyUrl: string): string {
  return proxyUrl.replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^\s]*@/i, '$1***@');
}

/** The environment's proxy: HTTPS_PROXY, else https_proxy (an empty variable counts as unset, as curl does). */
export const environmentProxy = (env: NodeJS.ProcessEnv = process.env): string =>
  (env.HTTPS_PROXY || env.https_proxy || '').trim();

/** Does NO_PROXY (or no_proxy) exempt `hostname`? `*`, exact names and domain suffixes (`.contoso.com` or `contoso.com`). */
export function bypassesProxy(hostname: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const noProxy = (env.NO_PROXY ?? env.no_proxy ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const host = hostname.toLowerCase();
  return noProxy.some(
    (n) => n === '*' || host === n.replace(/^\./, '') || host.endsWith(n.startsWith('.') ? n : `.${n}`),
  );
}

/** The proxy to use for `target`, from the profile's setting or HTTPS_PROXY, honouring NO_PROXY. */
export function resolveProxy(target: URL, setting: string, env: NodeJS.ProcessEnv = process.env): URL | null {
  const raw = setting.trim() || environmentProxy(env);
  if (!raw) return null;
  // A proxy setting typed in the profile is deliberate; NO_PROXY only limits the environment one.
  if (!setting.trim() && bypassesProxy(target.hostname, env)) return null;
  try {
    return new URL(raw.includes('://') ? raw : `http://${raw}`);
  } catch {
    throw new NetworkFailure('proxy-unreachable', withoutCredentials(raw), { code: 'INVALID_PROXY_URL' });
  }
}

export function connectThroughProxy(
  proxy: URL,
  host: string,
  port: number,
  timeoutMs: number,
  ca?: readonly string[],
): Promise<Socket> {
  const proxyHost = `${proxy.hostname}:${proxy.port || (proxy.protocol === 'https:' ? 443 : 80)}`;
  const headers: Record<string, string> = { host: `${host}:${port}` };
  if (proxy.username) {
    const cred = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
    headers['proxy-authorization'] = `Basic ${Buffer.from(cred).toString('base64')}`;
  }
  const mod = proxy.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = mod.request({
      host: proxy.hostname,
      port: proxy.port || (proxy.protocol === 'https:' ? 443 : 80),
      method: 'CONNECT',
      path: `${host}:${port}`,
      headers,
      timeout: timeoutMs,
      ...(proxy.protocol === 'https:' && ca ? { ca: [...ca] } : {}),
    });
    req.once('connect', (res, socket) => {
      if (res.statusCode === 200) return resolve(socket);
      socket.destroy();
      const kind = res.statusCode === 407 ? 'proxy-auth' : 'proxy-refused';
      reject(new NetworkFailure(kind, proxyHost, { status: res.statusCode }));
    });
    req.once('timeout', () => req.destroy(new NetworkFailure('timeout', proxyHost)));
    req.once('error', (e) => {
      const f = classifySocketError(e, proxyHost);
      reject(
        f.kind === 'refused' || f.kind === 'dns' || f.kind === 'reset'
          ? new NetworkFailure('proxy-unreachable', proxyHost, { code: f.code, cause: e })
          : f,
      );
    });
    req.end();
  });
}
