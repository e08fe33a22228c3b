// GET /me and GET /organization (reference §13.3.1): the signed-in admin and the tenant with its
// verified domains; `isInitial` marks the .onmicrosoft.com domain, `isDefault` usually a vanity one.
import { type Tenant } from '../directory';
import { type Reply } from '../idp/http';
import { requireScope } from './auth';
import { type GraphRequest, odataContext } from './context';
import { graphJson } from './errors';
import { collection, select } from './odata';

function verifiedDomains(tenant: Tenant): Record<string, unknown>[] {
  const initial = tenant.domains.find((d) => d.toLowerCase().endsWith('.onmicrosoft.com')) ?? tenant.domains[0];
  const preferred = tenant.domains.find((d) => d !== initial) ?? initial;
  return tenant.domains.map((name) => ({
    capabilities: 'Email, OfficeCommunicationsOnline',
    isDefault: name === preferred,
    isInitial: name === initial,
    name,
    type: 'Managed',
  }));
}

export function routeOrganization(g: GraphRequest): Reply | undefined {
  if (g.method !== 'GET') return undefined;
  const { tenant, user } = g.caller;
  if (g.segments.length === 1 && g.segments[0] === 'me') {
    requireScope(g.caller, 'User.Read', 'User.ReadBasic.All', 'Directory.Read.All');
    const mailbox = tenant.mailboxes.find((m) => m.owner?.toLowerCase() === user.upn.toLowerCase());
    return graphJson(g.req, 200, {
      '@odata.context': odataContext(g, 'users/$entity'),
      ...select(
        {
          businessPhones: [],
          displayName: user.displayName,
          givenName: user.displayName.split(' ')[0] ?? null,
          id: user.objectId,
          jobTitle: null,
          mail: mailbox?.address ?? null,
          mobilePhone: null,
          officeLocation: null,
          preferredLanguage: 'en-US',
          surname: user.displayName.split(' ').slice(1).join(' ') || null,
          userPrincipalName: user.upn,
        },
        g.query,
      ),
    });
  }
  if (g.segments.length === 1 && g.segments[0] === 'organization') {
    // With User.Read only id, displayName and verifiedDomains are filled in (§13.2.1).
    requireScope(g.caller, 'User.Read', 'Organization.Read.All', 'Directory.Read.All');
    const org = { id: tenant.id, displayName: tenant.displayName, verifiedDomains: verifiedDomains(tenant) };
    return graphJson(g.req, 200, collection([org], g.query, odataContext(g, 'organization')));
  }
  return undefined;
}
