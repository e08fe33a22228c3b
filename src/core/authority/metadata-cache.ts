import { IdpErrorResponse, idpErrorFromBody } from '../diagnose/server-error';
import type { HttpClient } from '../net/http-client';
import { NetworkFailure } from '../net/network-failure';

/**
 * OpenID configuration of custom authorities, fetched once per process with our own
 * client (so a missing tenant is a readable AADSTS90002, not MSAL's bare
 * endpoints_resolution_error) and handed to MSAL as `authorityMetadata`. Microsoft's
 * clouds need none of this: MSAL ships their metadata.
 */
const cache = new Map<string, string>();

export async function authorityMetadata(authority: string, http: HttpClient): Promise<string> {
  const key = authority.toLowerCase().replace(/\/$/, '');
  const hit = cache.get(key);
  if (hit) return hit;
  const url = `${key}/v2.0/.well-known/openid-configuration`;
  const res = await http.request({ method: 'GET', url });
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    throw new NetworkFailure('bad-response', new URL(url).host, { code: 'NOT_JSON', status: res.status });
  }
  const err = idpErrorFromBody(body, res.status);
  if (err) throw new IdpErrorResponse(err);
  const doc = body as Record<string, unknown>;
  if (
    res.status !== 200 ||
    !['authorization_endpoint', 'token_endpoint', 'issuer', 'jwks_uri'].every((k) => typeof doc[k] === 'string')
  ) {
    throw new NetworkFailure('bad-response', new URL(url).host, {
      code: 'NOT_OPENID_CONFIGURATION',
      status: res.status,
    });
  }
  cache.set(key, res.body);
  return res.body;
}
