// Resolving the {tenant} path segment: GUID, domain, common, organizations, consumers (§1.1).
import { findTenant, type Directory, type Tenant } from '../directory';
import { AadstsError } from './errors';

export type TenantRef =
  | { readonly kind: 'tenant'; readonly tenant: Tenant; readonly segment: string }
  | { readonly kind: 'common' | 'organizations' | 'consumers'; readonly segment: string };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DNS = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** MSAL lowercases the authority (§9.2), so lookups are case-insensitive. Throws 90002 / 900023. */
export function resolveTenant(dir: Directory, segment: string): TenantRef {
  const s = segment.toLowerCase();
  if (s === 'common' || s === 'organizations' || s === 'consumers') return { kind: s, segment: s };
  if (!GUID.test(s) && !DNS.test(s)) throw new AadstsError(900023, { tenant: segment });
  const tenant = findTenant(dir, s);
  if (!tenant) throw new AadstsError(90002, { tenant: segment });
  return { kind: 'tenant', tenant, segment: s };
}
