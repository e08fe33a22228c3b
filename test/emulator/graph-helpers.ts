// Helpers for tests of the Graph stand-in: an admin's Graph token through Graph Command Line Tools
// (a raw sign-in, no MSAL), and raw Graph calls returning status, headers and JSON.
import { type Emulator } from './index';
import { GRAPH_CLI_APP } from './fixtures/ids';
import { httpsRequest, type SignInOptions } from './sign-in-driver';
import { authorizationCode, pkcePair, postToken } from './test-helpers';

/** What the wizard asks for at the admin sign-in (reference §13.1.2). */
export const ADMIN_GRAPH_SCOPES = [
  'Application.ReadWrite.All',
  'DelegatedPermissionGrant.ReadWrite.All',
  'AppRoleAssignment.ReadWrite.All',
  'Application.Read.All',
  'User.Read',
]
  .map((s) => `https://graph.microsoft.com/${s}`)
  .concat(['offline_access', 'openid', 'profile'])
  .join(' ');

export async function adminGraphToken(emu: Emulator, user: SignInOptions, clientId = GRAPH_CLI_APP): Promise<string> {
  const pkce = pkcePair();
  const redirectUri = 'http://localhost:5000';
  const code = await authorizationCode(emu, { clientId, scope: ADMIN_GRAPH_SCOPES, pkce, redirectUri }, user);
  const res = await postToken(emu, undefined, {
    client_id: clientId,
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    code_verifier: pkce.verifier,
    scope: ADMIN_GRAPH_SCOPES,
  });
  if (res.status !== 200) throw new Error(`admin token: ${JSON.stringify(res.json)}`);
  return String(res.json.access_token);
}

export interface GraphResult {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Parsed body; {} for 204. */
  readonly json: Record<string, unknown>;
}

/** One Graph call: `path` is below /v1.0 (e.g. '/applications'). */
export async function graph(
  emu: Emulator,
  token: string | undefined,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<GraphResult> {
  const res = await httpsRequest(`${emu.graph.host}/v1.0${path}`, emu.caPem, {
    method,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...headers,
    },
  });
  return {
    status: res.status,
    headers: res.headers,
    json: res.body ? (JSON.parse(res.body) as Record<string, unknown>) : {},
  };
}

export const errorCode = (r: GraphResult): string | undefined => (r.json.error as { code?: string } | undefined)?.code;
export const errorMessage = (r: GraphResult): string =>
  (r.json.error as { message?: string } | undefined)?.message ?? '';
