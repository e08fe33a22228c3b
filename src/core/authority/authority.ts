import { clouds } from '../../shared/clouds';
import type { Profile } from '../../shared/profile';
import { ProblemError } from '../problem-error';
import { problem } from '../../shared/problem';

/**
 * Where a profile signs in: the authority URL MSAL gets, the hosts it must trust, and
 * the raw endpoints for the requests we make ourselves (refresh redemption).
 */
export interface AuthorityInfo {
  /** `https://host[:port]`, no trailing slash. */
  readonly host: string;
  /** `https://host[:port]/<tenant>`. */
  readonly authority: string;
  /** For MSAL `knownAuthorities`: `host:port` of a custom authority; empty for Microsoft's clouds (MSAL knows them). */
  readonly knownAuthorities: readonly string[];
  readonly tokenEndpoint: string;
  readonly authorizeEndpoint: string;
  readonly deviceCodeEndpoint: string;
}

type AuthorityInput = Pick<Profile, 'cloud' | 'customAuthorityHost' | 'tenant'>;

/**
 * `https://host[:port]` where the profile signs in: its cloud's, or the custom host as typed
 * (trimmed, no trailing slash, so `${host}/${tenant}` never doubles the slash). Not validated:
 * diagnoses and exports show it as it is; authorityFor refuses a bad one.
 */
export function authorityHostOf(p: Partial<Pick<Profile, 'cloud' | 'customAuthorityHost'>>): string {
  const cloud = p.cloud ?? 'global';
  return cloud === 'custom' ? (p.customAuthorityHost ?? '').trim().replace(/\/+$/, '') : clouds[cloud].authorityHost;
}

export function authorityFor(p: AuthorityInput, tenantOverride?: string): AuthorityInfo {
  const raw = authorityHostOf(p);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ProblemError(
      problem({
        code: 'AUTHORITY_INVALID',
        title: 'The sign-in address is not valid',
        explanation: `“${raw}” is not a complete https address, so the app does not know where to sign in.`,
        fixSteps: [
          'Enter the authority host as https://host (for example https://login.microsoftonline.com), or pick one of Microsoft’s clouds.',
        ],
        field: 'customAuthorityHost',
      }),
    );
  }
  if (url.protocol !== 'https:') {
    throw new ProblemError(
      problem({
        code: 'AUTHORITY_INSECURE',
        title: 'The sign-in address must use https',
        explanation:
          'Sign-in libraries refuse an authority reached over plain http, because tokens would travel unencrypted.',
        fixSteps: ['Change the authority host to start with https://.'],
        field: 'customAuthorityHost',
      }),
    );
  }
  const host = `https://${url.host}`;
  const tenant = encodeURIComponent((tenantOverride ?? p.tenant).trim());
  const base = `${host}/${tenant}`;
  return {
    host,
    authority: base,
    knownAuthorities: p.cloud === 'custom' ? [url.host] : [],
    tokenEndpoint: `${base}/oauth2/v2.0/token`,
    authorizeEndpoint: `${base}/oauth2/v2.0/authorize`,
    deviceCodeEndpoint: `${base}/oauth2/v2.0/devicecode`,
  };
}
