// Shared helpers for the emulator's own tests (and anyone testing against it): raw token requests,
// a raw delegated sign-in, MSAL configuration with nothing but authority, knownAuthorities and the CA.
import { createHash, randomBytes, randomUUID, sign, constants } from 'node:crypto';
import { type Configuration } from '@azure/msal-node';
import { type Emulator } from './index';
import { b64url } from './jwt';
import { msalNetworkClient } from './msal-network-client';
import { httpsRequest, signInOverHttp, type SignInEnd, type SignInOptions } from './sign-in-driver';

export interface JsonResult {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly json: Record<string, unknown>;
}

export async function postToken(
  emu: Emulator,
  tenant: string | undefined,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<JsonResult> {
  const res = await httpsRequest(emu.tokenEndpoint(tenant), emu.caPem, {
    body: new URLSearchParams(form).toString(),
    headers,
  });
  return { status: res.status, headers: res.headers, json: JSON.parse(res.body) as Record<string, unknown> };
}

export async function getJson(emu: Emulator, url: string): Promise<JsonResult> {
  const res = await httpsRequest(url, emu.caPem);
  return { status: res.status, headers: res.headers, json: JSON.parse(res.body) as Record<string, unknown> };
}

export function claims(jwt: unknown): Record<string, unknown> {
  const part = String(jwt).split('.')[1] ?? '';
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

export function pkcePair(method: 'S256' | 'plain' = 'S256'): {
  verifier: string;
  challenge: string;
  method: 'S256' | 'plain';
} {
  const verifier = b64url(randomBytes(32));
  return {
    verifier,
    challenge: method === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier,
    method,
  };
}

export interface AuthorizeParams {
  readonly clientId: string;
  readonly scope: string;
  readonly redirectUri?: string;
  readonly tenant?: string;
  readonly pkce?: ReturnType<typeof pkcePair>;
  readonly responseMode?: 'query' | 'form_post' | 'fragment';
  readonly extra?: Record<string, string>;
}

export function authorizeUrl(emu: Emulator, p: AuthorizeParams): string {
  const q = new URLSearchParams({
    client_id: p.clientId,
    response_type: 'code',
    redirect_uri: p.redirectUri ?? 'http://localhost:5000',
    scope: p.scope,
    state: 'state-123',
    nonce: 'nonce-456',
    client_info: '1',
    'client-request-id': randomUUID(),
    ...(p.responseMode ? { response_mode: p.responseMode } : {}),
    ...(p.pkce ? { code_challenge: p.pkce.challenge, code_challenge_method: p.pkce.method } : {}),
    ...(p.extra ?? {}),
  });
  return `${emu.authority(p.tenant)}/oauth2/v2.0/authorize?${q.toString()}`;
}

/** Signs in over raw HTTPS and returns the authorization code (throws when the flow ended elsewhere). */
export async function authorizationCode(emu: Emulator, p: AuthorizeParams, user: SignInOptions): Promise<string> {
  const end: SignInEnd = await signInOverHttp(authorizeUrl(emu, p), emu.caPem, user);
  const code = end.kind === 'page' ? undefined : end.params.code;
  if (!code) throw new Error(`no code: ${JSON.stringify(end.kind === 'page' ? end.text : end.params)}`);
  return code;
}

/** A delegated token set for a confidential web app, all over raw HTTPS. */
export async function delegatedTokens(
  emu: Emulator,
  o: { clientId: string; secret?: string; scope: string; user: SignInOptions; tenant?: string },
): Promise<Record<string, unknown>> {
  const pkce = pkcePair();
  const redirectUri = 'http://localhost:5000';
  const code = await authorizationCode(
    emu,
    { clientId: o.clientId, scope: o.scope, pkce, redirectUri, tenant: o.tenant },
    o.user,
  );
  const res = await postToken(emu, o.tenant, {
    client_id: o.clientId,
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    code_verifier: pkce.verifier,
    scope: o.scope,
    ...(o.secret ? { client_secret: o.secret } : {}),
  });
  if (res.status !== 200) throw new Error(`token: ${JSON.stringify(res.json)}`);
  return res.json;
}

export async function appOnlyToken(emu: Emulator, clientId: string, secret: string, tenant?: string): Promise<string> {
  const res = await postToken(emu, tenant, {
    client_id: clientId,
    client_secret: secret,
    grant_type: 'client_credentials',
    scope: 'https://outlook.office365.com/.default',
  });
  if (res.status !== 200) throw new Error(`token: ${JSON.stringify(res.json)}`);
  return String(res.json.access_token);
}

/** A client assertion as msal-node builds it (§2): RS256 + x5t, or PS256 + x5t#S256. */
export function clientAssertion(o: {
  clientId: string;
  aud: string;
  keyPem: string;
  certThumbSha1: Buffer;
  certThumbSha256: Buffer;
  alg: 'RS256' | 'PS256';
  exp?: number;
}): string {
  const now = Math.floor(Date.now() / 1000);
  const header =
    o.alg === 'PS256'
      ? { alg: 'PS256', typ: 'JWT', 'x5t#S256': b64url(o.certThumbSha256) }
      : { alg: 'RS256', typ: 'JWT', x5t: b64url(o.certThumbSha1) };
  const payload = {
    aud: o.aud,
    iss: o.clientId,
    sub: o.clientId,
    jti: randomUUID(),
    nbf: now,
    iat: now,
    exp: o.exp ?? now + 600,
  };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  const sig =
    o.alg === 'PS256'
      ? sign('sha256', Buffer.from(input), { key: o.keyPem, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 })
      : sign('sha256', Buffer.from(input), o.keyPem);
  return `${input}.${b64url(sig)}`;
}

/** MSAL configured with nothing but the authority, knownAuthorities and trust of the emulator's CA. */
export function msalConfig(
  emu: Emulator,
  auth: Omit<Configuration['auth'], 'authority' | 'knownAuthorities'>,
  tenant?: string,
): Configuration {
  return {
    auth: { ...auth, authority: emu.authority(tenant), knownAuthorities: [emu.host] },
    system: { networkClient: msalNetworkClient([emu.caPem]) },
  };
}

/** The AADSTS number in an MSAL error or a JSON error body. */
export function aadstsOf(e: unknown): number | undefined {
  const text = e instanceof Error ? e.message : JSON.stringify(e);
  const m = /AADSTS(\d+)/.exec(text);
  return m ? Number(m[1]) : undefined;
}
