// Who calls InvokeCommand (§14.1.2, §14.1.3): a bearer token checked for real (signature against the
// IdP's key, expiry by the emulator clock, audience https://outlook.office365.com), for the tenant in
// the URL, from a signed-in user, with the routing header Exchange's clients always send.
import { type IncomingMessage } from 'node:http';
import { findTenant, type Directory, type Tenant, type User } from '../directory';
import { claimNumber, claimString, decodeJwt, verifyJwtSignature } from '../jwt';
import { EXCHANGE_APP_ID } from '../idp/scopes';
import { HttpError } from './errors';

/** The admin REST lives on outlook.office365.com; v2 tokens carry the API's app id instead. */
const AUDIENCES = new Set(['https://outlook.office365.com', 'https://outlook.office365.com/', EXCHANGE_APP_ID]);

export const EXCHANGE_ADMIN_ROLES = ['Exchange Administrator', 'Global Administrator'] as const;

export interface AdminCaller {
  readonly tenant: Tenant;
  readonly user: User;
  /** Holds Exchange Administrator or Global Administrator (§14.1.3). */
  readonly isExchangeAdmin: boolean;
}

export function authenticateAdmin(
  req: IncomingMessage,
  dir: Directory,
  signingCertPem: string,
  now: number,
  tenantSegment: string,
): AdminCaller {
  const header = req.headers.authorization ?? '';
  if (!/^bearer\s+\S/i.test(header)) throw new HttpError(401, 'Unauthorized', 'The bearer token is missing.');
  const jwt = decodeJwt(header.replace(/^bearer\s+/i, '').trim());
  if (!jwt || !verifyJwtSignature(jwt, signingCertPem))
    throw new HttpError(401, 'Unauthorized', 'The token could not be validated.');
  const p = jwt.payload;
  if ((claimNumber(p, 'exp') ?? 0) * 1000 <= now) throw new HttpError(401, 'Unauthorized', 'The token has expired.');
  // The reference gives no status for a wrong audience; 401 is the stand-in's choice (§14.1.4 EMU).
  if (!AUDIENCES.has(claimString(p, 'aud') ?? ''))
    throw new HttpError(401, 'Unauthorized', `The token's audience '${claimString(p, 'aud') ?? ''}' is not Exchange.`);
  const tenant = findTenant(dir, tenantSegment);
  if (!tenant || tenant.id !== claimString(p, 'tid'))
    throw new HttpError(401, 'Unauthorized', 'The token was issued for another organization.');
  const upn = claimString(p, 'upn');
  const user = upn ? tenant.users.find((u) => u.upn.toLowerCase() === upn.toLowerCase()) : undefined;
  // App-only calls (Exchange.ManageAsApp plus an RBAC role on the SP) are not part of this stand-in.
  if (!user) throw new HttpError(403, 'Forbidden', 'emulator: only delegated admin tokens are modelled.');
  const scopes = (claimString(p, 'scp') ?? '').split(' ').map((s) => s.toLowerCase());
  if (!scopes.includes('exchange.manage'))
    throw new HttpError(403, 'Forbidden', 'The token does not carry the Exchange.Manage permission.');
  const anchor = req.headers['x-anchormailbox'];
  // A routing hint in Exchange; the stand-in requires it so clients are shown to send it.
  if (typeof anchor !== 'string' || !/^(UPN|APP):\S+@\S+$/i.test(anchor))
    throw new HttpError(400, 'BadRequest', 'emulator: X-AnchorMailbox (UPN:<admin UPN>) is required.');
  const roles = [...(user.roles ?? []), ...(user.globalAdmin ? ['Global Administrator'] : [])];
  return { tenant, user, isExchangeAdmin: roles.some((r) => (EXCHANGE_ADMIN_ROLES as readonly string[]).includes(r)) };
}
