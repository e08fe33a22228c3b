/**
 * An identity-provider error in one shape, whichever way it arrived: a token-endpoint
 * JSON body, a redirect with `error=`, an error page's text, or an MSAL ServerError.
 */
export interface IdpError {
  readonly error: string;
  /** AADSTS number when known. */
  readonly aadsts?: number;
  readonly suberror?: string;
  readonly description: string;
  readonly status?: number;
}

export class IdpErrorResponse extends Error {
  readonly idp: IdpError;
  constructor(idp: IdpError) {
    super(`${idp.error}${idp.aadsts ? ` AADSTS${idp.aadsts}` : ''}`);
    this.name = 'IdpErrorResponse';
    this.idp = idp;
  }
}

const AADSTS_RE = /AADSTS(\d{4,8})/;

export function aadstsIn(text: string | undefined): number | undefined {
  const m = AADSTS_RE.exec(text ?? '');
  return m?.[1] ? Number(m[1]) : undefined;
}

/** From a token endpoint's JSON body (§1.7), or null when it is not one. */
export function idpErrorFromBody(body: unknown, status?: number): IdpError | null {
  if (body === null || typeof body !== 'object') return null;
  const b = body as Record<string, unknown>;
  if (typeof b.error !== 'string') return null;
  const description = typeof b.error_description === 'string' ? b.error_description : '';
  const codes = Array.isArray(b.error_codes) ? b.error_codes.filter((c): c is number => typeof c === 'number') : [];
  return {
    error: b.error,
    aadsts: codes[0] ?? aadstsIn(description),
    suberror: typeof b.suberror === 'string' ? b.suberror : undefined,
    description,
    status,
  };
}
