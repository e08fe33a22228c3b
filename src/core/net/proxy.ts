import { parseProxyAddress, type ProxyAddress } from '../../shared/proxy-address';
import { NetworkFailure } from './network-failure';

/**
 * Which proxy a connection goes through, the same for sign-in (HTTPS) and the SMTP check:
 * the profile's setting when there is one (typed on purpose, so it applies to every host),
 * else HTTPS_PROXY unless NO_PROXY or a loopback host exempts the target.
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

/** This computer itself: an environment proxy never sees it (browsers bypass loopback the same way). */
export const isLoopback = (hostname: string): boolean => {
  const h = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127\./.test(h);
};

/**
 * The proxy for a connection to `hostname`, or null for a direct one. An address that cannot
 * be read is an error here, before anything connects, naming where it came from.
 */
export function proxyFor(hostname: string, setting: string, env: NodeJS.ProcessEnv = process.env): ProxyAddress | null {
  const own = setting.trim();
  const raw = own || environmentProxy(env);
  if (!raw) return null;
  if (!own && (isLoopback(hostname) || bypassesProxy(hostname, env))) return null;
  const parsed = parseProxyAddress(raw);
  if (parsed.ok) return parsed.proxy;
  const from = own ? 'the profile' : 'HTTPS_PROXY';
  throw new NetworkFailure('proxy-unreachable', withoutCredentials(raw), {
    code: 'INVALID_PROXY_URL',
    cause: new Error(`${parsed.message} (from ${from})`),
  });
}
