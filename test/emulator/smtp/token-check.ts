// What Exchange checks at AUTH XOAUTH2 (§7.3-§7.6): the bearer token for real (signature against the
// IdP key, expiry by the emulator clock, Exchange audience), the SMTP AUTH switches, SMTP.Send /
// SMTP.SendAsApp, the Exchange service principal and the mailbox permission of `user=`.
import { createPublicKey, type KeyObject } from 'node:crypto';
import { findMailbox, type Directory, type Mailbox, type Tenant } from '../directory';
import { claimNumber, claimString, decodeJwt, verifyJwtSignature } from '../jwt';
import { rbacAllowsSmtp } from '../exchange-admin/rbac';
import { type ExchangeReplies, type SmtpReply } from './replies';

/** Audiences Exchange Online accepts (§6). */
export const EXCHANGE_AUDIENCES: ReadonlySet<string> = new Set([
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://ps.outlook.com',
  '00000002-0000-0ff1-ce00-000000000000',
  'https://outlook.office.com/',
  'https://outlook.office365.com/',
]);

/** The authenticated identity: a user (delegated) or a service principal (app-only). */
export interface SmtpPrincipal {
  readonly kind: 'user' | 'app';
  /** UPN for users, service principal object id for apps. */
  readonly id: string;
  readonly tenant: Tenant;
  readonly mailbox: Mailbox;
}

export type LoginResult =
  { readonly ok: true; readonly principal: SmtpPrincipal } | { readonly ok: false; readonly reply: SmtpReply };

export interface LoginCheckInput {
  readonly directory: Directory;
  readonly now: number;
  readonly signingCertPem: string;
  readonly replies: ExchangeReplies;
  readonly username: string;
  readonly accessToken: string;
}

let keyCache: { pem: string; key: KeyObject } | undefined;
function signingKey(pem: string): KeyObject {
  if (keyCache?.pem !== pem) keyCache = { pem, key: createPublicKey(pem) };
  return keyCache.key;
}

export function checkXoauth2Login(i: LoginCheckInput): LoginResult {
  const fail = (reply: SmtpReply): LoginResult => ({ ok: false, reply });
  const r = i.replies;
  const jwt = decodeJwt(i.accessToken);
  if (!jwt || !verifyJwtSignature(jwt, signingKey(i.signingCertPem))) return fail(r.authFailed);
  const p = jwt.payload;
  const exp = claimNumber(p, 'exp') ?? 0;
  if (exp * 1000 <= i.now) return fail(r.authFailed);
  if (!EXCHANGE_AUDIENCES.has(claimString(p, 'aud') ?? '')) return fail(r.authFailed);
  const tenant = i.directory.tenants.find((t) => t.id === claimString(p, 'tid'));
  if (!tenant) return fail(r.authFailed);
  const mailbox = findMailbox(tenant, i.username);
  if (!mailbox) return fail(r.authFailed);
  // §7.5: security defaults disable SMTP AUTH; the mailbox switch overrides the tenant's.
  if (i.directory.securityDefaults || tenant.securityDefaults) return fail(r.securityDefaults);
  if (mailbox.smtpAuth === 'disabled') return fail(r.mailboxDisabled);
  if (mailbox.smtpAuth === 'inherit' && tenant.smtpAuthDisabled) return fail(r.tenantDisabled);
  const scp = (claimString(p, 'scp') ?? '').split(' ');
  const roles = Array.isArray(p.roles) ? p.roles.filter((x): x is string => typeof x === 'string') : [];
  if (claimString(p, 'upn') !== undefined) {
    if (!scp.some((s) => s.toLowerCase() === 'smtp.send')) return fail(r.authFailed);
    const upn = (claimString(p, 'upn') ?? '').toLowerCase();
    const user = tenant.users.find((u) => u.upn.toLowerCase() === upn);
    if (!user) return fail(r.authFailed);
    if (user.blockedByConditionalAccess) return fail(r.conditionalAccess);
    const own = mailbox.owner?.toLowerCase() === upn;
    const delegate = (mailbox.fullAccess ?? []).some((u) => u.toLowerCase() === upn);
    if (!own && !delegate) return fail(r.authFailed);
    return { ok: true, principal: { kind: 'user', id: user.upn, tenant, mailbox } };
  }
  // App-only (§7.4): Exchange service principal, then SMTP.SendAsApp + FullAccess on the mailbox, or,
  // without the claim, an App RBAC role whose scope holds the mailbox (§14.2.6; Microsoft: the claim
  // "would trigger an unnecessary check for mailbox permissions").
  const sp = claimString(p, 'oid') ?? '';
  const app = tenant.apps.find((a) => a.clientId === claimString(p, 'appid'));
  if (!app || app.servicePrincipalObjectId !== sp || !tenant.exchangeServicePrincipals.includes(sp))
    return fail(r.authFailed);
  if (!roles.includes('SMTP.SendAsApp')) {
    if (!rbacAllowsSmtp(tenant, sp, mailbox)) return fail(r.authFailed);
  } else if (!mailbox.fullAccessServicePrincipals.includes(sp)) return fail(r.mailboxLogonFailure);
  return { ok: true, principal: { kind: 'app', id: sp, tenant, mailbox } };
}

/** Send As (§7.3, §7.6): the From may be the principal's own mailbox, the app's mailbox, or one it has Send As on. */
export function maySendAs(principal: SmtpPrincipal, from: string): boolean {
  const addr = from.toLowerCase();
  const target = findMailbox(principal.tenant, addr);
  if (principal.kind === 'user') {
    if (principal.id.toLowerCase() === addr) return true;
    return (target?.sendAs ?? []).some((u) => u.toLowerCase() === principal.id.toLowerCase());
  }
  if (principal.mailbox.address.toLowerCase() === addr) return true;
  return (target?.sendAs ?? []).includes(principal.id);
}
