// Scope parsing, resource families and the audience rule (§1.5, §6: the token is for the resource
// of the FIRST non-OIDC scope; outlook.office.com and outlook.office365.com are one API).
import { AadstsError } from './errors';
import { EXCHANGE_API, EXCHANGE_APP_ID, GRAPH_API, GRAPH_APP_ID } from '../graph/catalog';

export { EXCHANGE_APP_ID, GRAPH_APP_ID };

export const OIDC_SCOPES: ReadonlySet<string> = new Set(['openid', 'profile', 'offline_access', 'email']);
export const GRAPH = 'https://graph.microsoft.com';

export type Family = 'exchange' | 'graph';

/** Resource identifiers each API answers to (§6, §3 ps.outlook.com for POP/IMAP). */
const RESOURCES: Readonly<Record<string, Family>> = {
  'https://outlook.office.com': 'exchange',
  'https://outlook.office365.com': 'exchange',
  'https://ps.outlook.com': 'exchange',
  [EXCHANGE_APP_ID]: 'exchange',
  [GRAPH]: 'graph',
  [GRAPH_APP_ID]: 'graph',
};

/** Delegated permission names each API publishes (case-insensitive), from the catalog Graph serves too. */
const DELEGATED: Readonly<Record<Family, readonly string[]>> = {
  exchange: EXCHANGE_API.scopes.map((s) => s.value),
  graph: GRAPH_API.scopes.map((s) => s.value).filter((v) => !OIDC_SCOPES.has(v.toLowerCase())),
};

export function familyOf(resource: string): Family | undefined {
  return RESOURCES[resource.toLowerCase()];
}

export function resourceAppId(family: Family): string {
  return family === 'exchange' ? EXCHANGE_APP_ID : GRAPH_APP_ID;
}

export interface ResourceScope {
  readonly raw: string;
  /** As requested (lowercased origin or GUID): becomes `aud`. */
  readonly resource: string;
  readonly family: Family;
  /** Canonical permission name (catalog casing) or '.default'. */
  readonly name: string;
}

export interface ParsedScopes {
  readonly oidc: readonly string[];
  readonly resourceScopes: readonly ResourceScope[];
}

function splitResource(raw: string): { resource: string; name: string } {
  const url = /^(https?:\/\/[^/]+)\/(.+)$/i.exec(raw);
  if (url) return { resource: url[1]!.toLowerCase(), name: url[2]! };
  const guid = /^([0-9a-f-]{36})\/(.+)$/i.exec(raw);
  if (guid) return { resource: guid[1]!.toLowerCase(), name: guid[2]! };
  // A bare name (User.Read) belongs to Microsoft Graph.
  return { resource: GRAPH, name: raw };
}

/** Parses a delegated or app-only scope list; throws 70011 / 500011 for unknown scopes or APIs. */
export function parseScopes(scope: string, tenantName: string, kind: 'delegated' | 'application'): ParsedScopes {
  const words = scope.split(/\s+/).filter(Boolean);
  const oidc: string[] = [];
  const resourceScopes: ResourceScope[] = [];
  for (const raw of words) {
    if (OIDC_SCOPES.has(raw.toLowerCase())) {
      oidc.push(raw.toLowerCase());
      continue;
    }
    const { resource, name } = splitResource(raw);
    const family = familyOf(resource);
    if (!family) throw new AadstsError(500011, { resource, tenant: tenantName });
    if (name === '.default') {
      resourceScopes.push({ raw, resource, family, name });
      continue;
    }
    if (kind === 'application') throw new AadstsError(1002012, { scope: raw });
    const canonical = DELEGATED[family].find((n) => n.toLowerCase() === name.toLowerCase());
    if (!canonical) throw new AadstsError(70011, { scope: `'${scope}'` });
    resourceScopes.push({ raw, resource, family, name: canonical });
  }
  return { oidc, resourceScopes };
}

/** Catalog casing for a permission key's name ("exchange/smtp.send" -> "SMTP.Send"). */
export function permissionName(key: string): string {
  const [family, name] = key.split('/') as [Family, string];
  return (DELEGATED[family] ?? []).find((n) => n.toLowerCase() === name) ?? name;
}

/** Permission key independent of the host alias: "exchange/smtp.send". */
export function permissionKey(family: Family, name: string): string {
  return `${family}/${name.toLowerCase()}`;
}

/** Keys of an app's registered delegated permissions (full URIs in the directory). */
export function delegatedKeys(permissions: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of permissions) {
    const { resource, name } = splitResource(p);
    const family = familyOf(resource);
    if (family) out.set(permissionKey(family, name), name);
  }
  return out;
}

/** An app's application roles for one API; bare names are Exchange Online roles (SMTP.SendAsApp). */
export function applicationRoles(permissions: readonly string[], family: Family): string[] {
  return permissions
    .map((p) => (p.includes('/') ? splitResource(p) : { resource: 'https://outlook.office365.com', name: p }))
    .filter((p) => familyOf(p.resource) === family)
    .map((p) => p.name);
}
