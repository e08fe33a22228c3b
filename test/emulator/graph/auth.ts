// Who is calling Graph: the bearer token checked for real (signature against the IdP's key, expiry by
// the emulator clock, Microsoft Graph audience), then the signed-in user and the token's scopes.
import { type IncomingMessage } from 'node:http';
import { findTenant, type Directory, type Tenant, type User } from '../directory';
import { claimNumber, claimString, decodeJwt, verifyJwtSignature } from '../jwt';
import { GRAPH_APP_ID } from './catalog';
import { graphErrors } from './errors';

const GRAPH_AUDIENCES = new Set(['https://graph.microsoft.com', 'https://graph.microsoft.com/', GRAPH_APP_ID]);

export interface Caller {
  readonly tenant: Tenant;
  readonly user: User;
  /** Delegated scopes of the token (`scp`), as Graph names them. */
  readonly scopes: readonly string[];
}

export function authenticate(req: IncomingMessage, dir: Directory, signingCertPem: string, now: number): Caller {
  const header = req.headers.authorization ?? '';
  if (!header.toLowerCase().startsWith('bearer ') || header.length < 8)
    throw graphErrors.unauthenticated('Access token is empty.');
  const jwt = decodeJwt(header.slice(7).trim());
  if (!jwt || !verifyJwtSignature(jwt, signingCertPem))
    throw graphErrors.unauthenticated('Access token validation failure.');
  const p = jwt.payload;
  if ((claimNumber(p, 'exp') ?? 0) * 1000 <= now)
    throw graphErrors.unauthenticated('Access token has expired or is not yet valid.');
  if (!GRAPH_AUDIENCES.has(claimString(p, 'aud') ?? ''))
    throw graphErrors.unauthenticated('Access token validation failure. Invalid audience.');
  const tenant = findTenant(dir, claimString(p, 'tid') ?? '');
  const oid = claimString(p, 'oid');
  const user = tenant?.users.find((u) => u.objectId === oid);
  // App-only Graph calls are not part of this stand-in: the wizard signs an admin in.
  if (!tenant || !user) throw graphErrors.denied();
  const scopes = (claimString(p, 'scp') ?? '').split(' ').filter(Boolean);
  return { tenant, user, scopes };
}

/** 403 unless the token holds one of these delegated permissions (§13.2.1). */
export function requireScope(caller: Caller, ...anyOf: string[]): void {
  const held = new Set(caller.scopes.map((s) => s.toLowerCase()));
  if (!anyOf.some((s) => held.has(s.toLowerCase()))) throw graphErrors.denied();
}
