import { withoutCredentials } from './proxy';

/**
 * A proxy address split into the part that may be saved (`http://user@host:port`) and the
 * password, which belongs in the keychain. Text is kept as typed (no URL normalising), so
 * putting the password back gives exactly the address the user entered.
 */
export interface ProxyUserinfo {
  /** The address without the password; the input itself when it carries none. */
  readonly saved: string;
  /** The user name as typed, '' when the address has none. */
  readonly user: string;
  /** The password as typed (possibly %-encoded); undefined when absent or empty. */
  readonly password?: string;
}

export function splitProxyPassword(proxyUrl: string): ProxyUserinfo {
  const parts = userinfoOf(proxyUrl);
  if (!parts) return { saved: proxyUrl, user: '' };
  const colon = parts.userinfo.indexOf(':');
  const user = colon < 0 ? parts.userinfo : parts.userinfo.slice(0, colon);
  const password = colon < 0 ? '' : parts.userinfo.slice(colon + 1);
  return { saved: `${parts.scheme}${user}@${parts.host}`, user, ...(password ? { password } : {}) };
}

/** The saved address (`http://user@host:port`) with the password put back, in memory only. */
export function withProxyPassword(saved: string, password: string): string {
  const parts = userinfoOf(saved);
  return parts ? `${parts.scheme}${parts.userinfo}:${password}@${parts.host}` : saved;
}

/** Scheme, userinfo and the rest, found the way withoutCredentials finds them (up to the last `@`). */
function userinfoOf(proxyUrl: string): { scheme: string; userinfo: string; host: string } | undefined {
  const masked = withoutCredentials(proxyUrl);
  const at = masked.indexOf('***@');
  if (masked === proxyUrl || at < 0) return undefined;
  const scheme = masked.slice(0, at);
  const host = masked.slice(at + '***@'.length);
  return { scheme, host, userinfo: proxyUrl.slice(scheme.length, proxyUrl.length - host.length - 1) };
}
