/**
 * How large each saved profile field may be, and the shape checks the schema itself makes
 * (so nothing hostile reaches the file, whatever sent it). Generous for real values: a tenant
 * domain is at most 253 characters, a corporate CA bundle a few hundred KB. Each message
 * names the field as the form labels it.
 */
export const BOUNDS = {
  name: 200,
  tenant: 256,
  clientId: 100,
  url: 2048,
  scopes: 50,
  scope: 512,
  /** RFC 5321: 64 + @ + 255. */
  address: 320,
  host: 253,
  extraCaPem: 512 * 1024,
  /** Node's timers overflow above 2^31-1 ms (about 24.8 days) and fire at once; an hour is plenty. */
  timeoutMs: 3_600_000,
  shortText: 200,
  longText: 4096,
  clientSecret: 4096,
  /** A PEM or PFX with its chain; the keychain takes 64 KB per secret anyway. */
  certificateFile: 1024 * 1024,
} as const;

export const tooLong = (label: string, max: number): string =>
  `${label}: it is too long (at most ${max.toLocaleString('en-US')} characters).`;

const SCHEMES_OK = new Set(['http:', 'https:']);

/**
 * Why a proxy address cannot be used, or undefined when it can: empty (use HTTPS_PROXY),
 * `http://` or `https://`, or a bare `host:port` (read as http). Anything else, from
 * `javascript:` to `socks5:`, is refused. (The one proxy parser, issue 17.1, may refine this.)
 */
export function proxyAddressProblem(value: string): string | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  if (v.length > BOUNDS.url) return tooLong('HTTPS proxy', BOUNDS.url);
  // Without `//` the text is a `host:port` (perhaps `user@host:port`), read as http; but a
  // leading `name:` not followed by a port and without a login (`javascript:…`) is a scheme.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(v);
  const bareScheme = /^([a-z][a-z0-9+.-]*):(?!\d+(?:\/|$))/i.exec(v);
  if (!withScheme && bareScheme && !v.includes('@'))
    return `HTTPS proxy: "${bareScheme[1]}:" is not a proxy address; use http://host:port or host:port.`;
  let url: URL;
  try {
    url = new URL(withScheme ? v : `http://${v}`);
  } catch {
    return 'HTTPS proxy: enter an address such as http://proxy.example.com:8080 or proxy.example.com:8080.';
  }
  if (!SCHEMES_OK.has(url.protocol))
    return `HTTPS proxy: "${url.protocol}" proxies are not supported; use an http:// or https:// proxy address.`;
  if (!url.hostname) return 'HTTPS proxy: the address has no host name.';
  if (url.pathname !== '/' || url.search || url.hash)
    return 'HTTPS proxy: enter only the scheme, host and port (no path), such as http://proxy.example.com:8080.';
  return undefined;
}

/** Why an extra trusted CA cannot be used, or undefined (empty, or PEM certificates). */
export function extraCaProblem(value: string): string | undefined {
  if (value.trim() === '') return undefined;
  if (value.length > BOUNDS.extraCaPem) return tooLong('Extra trusted CA', BOUNDS.extraCaPem);
  if (!/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.test(value))
    return 'Extra trusted CA: paste the certificate in PEM form, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----.';
  return undefined;
}

/** Why a timeout cannot be used, or undefined. */
export function timeoutProblem(ms: number): string | undefined {
  if (!Number.isFinite(ms) || ms < 1000) return 'Timeout: enter at least 1 second.';
  if (ms > BOUNDS.timeoutMs) return `Timeout: enter at most ${BOUNDS.timeoutMs / 1000} seconds (one hour).`;
  return undefined;
}
