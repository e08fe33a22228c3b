import type { FieldIssue } from './profile-validation';

/**
 * The one reading of a proxy address, for the profile field (checked as it is typed, in the
 * window), HTTPS_PROXY, sign-in and the SMTP check alike. What people paste: `host:port`
 * without a scheme (HTTPS_PROXY on many machines, Windows' own proxy dialog), `http://…`, or
 * `https://…` (TLS to the proxy itself), optionally with `user:password@`. Pure: no Node.
 */
export interface ProxyAddress {
  /** How to reach the proxy itself; the tunnel inside is always CONNECT. */
  readonly protocol: 'http:' | 'https:';
  /** Without IPv6 brackets, ready for a socket connect. */
  readonly hostname: string;
  readonly port: number;
  /** Decoded; '' when the address names no user. */
  readonly username: string;
  readonly password: string;
  /** `scheme://host:port`, never the user or password: safe for transcripts and messages. */
  readonly shown: string;
}

export type ProxyParse =
  { readonly ok: true; readonly proxy: ProxyAddress } | { readonly ok: false; readonly message: string };

/** Longer than any real proxy address; a guard against pasting something else entirely. */
export const MAX_PROXY_ADDRESS_LENGTH = 2_048;

const EXAMPLE = 'http://proxy.example.com:8080';
/** A scheme such as `socks5:` or `javascript:`; `host:8080` (a port after the colon) is not one. */
const SCHEME_ONLY = /^([a-z][a-z0-9+.-]*):(?!\d)/i;

const fail = (message: string): ProxyParse => ({ ok: false, message });

function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** Parses a non-empty proxy address; the message names what to change. */
export function parseProxyAddress(text: string): ProxyParse {
  const raw = text.trim();
  if (!raw) return fail(`Proxy: enter the proxy as host:port or ${EXAMPLE}.`);
  if (raw.length > MAX_PROXY_ADDRESS_LENGTH)
    return fail(`Proxy: this is ${raw.length} characters long; a proxy address is host:port or ${EXAMPLE}.`);
  const hasScheme = raw.includes('://');
  const bareScheme = hasScheme || raw.includes('@') ? undefined : SCHEME_ONLY.exec(raw)?.[1];
  if (bareScheme) return fail(`Proxy: "${bareScheme}:" is not a proxy address; enter host:port or ${EXAMPLE}.`);
  let url: URL;
  try {
    url = new URL(hasScheme ? raw : `http://${raw}`);
  } catch {
    return fail(`Proxy: this is not an address; enter host:port or ${EXAMPLE}.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return fail(
      `Proxy: only HTTP proxies (http:// or https://) are supported, not ${url.protocol}//; ask IT for the HTTP proxy's address.`,
    );
  if (!url.hostname) return fail(`Proxy: the address names no host; enter host:port or ${EXAMPLE}.`);
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash)
    return fail(`Proxy: enter only the proxy's host and port (${EXAMPLE}), without a path.`);
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return {
    ok: true,
    proxy: {
      protocol: url.protocol,
      hostname,
      port,
      username: decoded(url.username),
      password: decoded(url.password),
      shown: `${url.protocol}//${url.hostname}:${port}`,
    },
  };
}

/** Why the profile's proxy field cannot be used, or undefined: empty is fine (HTTPS_PROXY or direct). */
export function proxyAddressIssue(value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  const parsed = parseProxyAddress(value);
  return parsed.ok ? undefined : parsed.message;
}

/** The same as the form and the save check show it, on the field `proxyUrl`. */
export function proxyFieldIssues(value: string | undefined): FieldIssue[] {
  const message = proxyAddressIssue(value);
  return message === undefined ? [] : [{ field: 'proxyUrl', severity: 'error', message }];
}
