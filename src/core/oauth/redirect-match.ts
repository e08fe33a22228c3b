/**
 * Does this URL land on our redirect URI, and what did Entra send back? The one matcher
 * used by the Electron login window, the system-browser loopback listener and the test
 * login window. Pure: no I/O, no Node APIs beyond URL.
 */
export type RedirectMatch =
  | { readonly kind: 'code'; readonly code: string; readonly state: string }
  | {
      readonly kind: 'error';
      /** OAuth `error`, or `state_mismatch` / `invalid_response` from our own checks. */
      readonly error: string;
      readonly errorDescription: string;
      readonly suberror?: string;
      readonly state?: string;
    }
  | { readonly kind: 'no-match' };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1']);

/** Scheme, host, path as Entra compares them; the port of a loopback redirect is ignored (RFC 8252 §7.3). */
export function sameRedirectTarget(candidate: URL, registered: URL): boolean {
  if (candidate.protocol !== registered.protocol) return false;
  if (candidate.hostname.toLowerCase() !== registered.hostname.toLowerCase()) return false;
  const loopback = registered.protocol === 'http:' && LOOPBACK_HOSTS.has(registered.hostname.toLowerCase());
  if (!loopback && candidate.port !== registered.port) return false;
  // A redirect URI without a path comes back with "/" (ms-protocol §8); paths are case-sensitive.
  const norm = (p: string) => (p === '' ? '/' : p);
  return norm(candidate.pathname) === norm(registered.pathname);
}

/**
 * @param formBody for `response_mode=form_post`: the url-encoded POST body.
 */
export function matchRedirect(
  url: string,
  redirectUri: string,
  expectedState: string,
  formBody?: string,
): RedirectMatch {
  let candidate: URL;
  let registered: URL;
  try {
    candidate = new URL(url);
    registered = new URL(redirectUri);
  } catch {
    return { kind: 'no-match' };
  }
  if (!sameRedirectTarget(candidate, registered)) return { kind: 'no-match' };

  const params =
    formBody !== undefined
      ? new URLSearchParams(formBody)
      : candidate.searchParams.has('code') || candidate.searchParams.has('error')
        ? candidate.searchParams
        : new URLSearchParams(candidate.hash.replace(/^#/, ''));
  const state = params.get('state') ?? undefined;
  const error = params.get('error');
  // A result whose state is not ours is refused whatever it says: it may be an
  // attacker's code (login CSRF) or a late answer from an older attempt.
  if ((error || params.has('code')) && state !== expectedState) {
    return {
      kind: 'error',
      error: 'state_mismatch',
      errorDescription:
        state === undefined ? 'The answer carried no state.' : 'The answer’s state differs from the one sent.',
      ...(state !== undefined ? { state } : {}),
    };
  }
  if (error) {
    const suberror = params.get('suberror');
    return {
      kind: 'error',
      error,
      errorDescription: params.get('error_description') ?? '',
      ...(suberror ? { suberror } : {}),
      ...(state !== undefined ? { state } : {}),
    };
  }
  const code = params.get('code');
  if (code && state !== undefined) return { kind: 'code', code, state };
  return {
    kind: 'error',
    error: 'invalid_response',
    errorDescription: 'The redirect carried neither a code nor an error.',
  };
}
