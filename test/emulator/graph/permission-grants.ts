// Delegated consent (reference §13.3.8): /oauth2PermissionGrants list with $filter, create (409 on a
// duplicate key), patch the scope list, delete. clientId/resourceId are service principal object ids,
// scope is space-separated claim values.
import { randomBytes } from 'node:crypto';
import { type PermissionGrant } from '../directory';
import { type Reply } from '../idp/http';
import { requireScope } from './auth';
import { type GraphRequest, odataContext } from './context';
import { graphErrors, graphJson, GraphError } from './errors';
import { collection } from './odata';
import { GRANT_WRITERS, hasAnyRole } from './roles';
import { stillReplicating } from './switches';
import { findServicePrincipal } from './views';

const WRITE = 'DelegatedPermissionGrant.ReadWrite.All';
const view = (x: PermissionGrant): Record<string, unknown> => ({ ...x });

function checkScope(g: GraphRequest, resourceId: string, scope: unknown): string {
  if (typeof scope !== 'string' || scope.length > 3850) throw graphErrors.badRequest();
  const resource = findServicePrincipal(g.caller.tenant, resourceId);
  if (!resource) throw graphErrors.notFound(resourceId);
  const published = resource.kind === 'resource' ? resource.api.scopes.map((s) => s.value.toLowerCase()) : [];
  const values = scope.split(/\s+/).filter(Boolean);
  if (values.some((v) => !published.includes(v.toLowerCase())))
    throw graphErrors.badRequest('One or more properties are invalid.', [
      { code: 'InvalidValue', message: 'The scope contains a value the resource does not publish.', target: 'scope' },
    ]);
  return values.join(' ');
}

function create(g: GraphRequest): Reply {
  requireScope(g.caller, WRITE);
  if (!hasAnyRole(g.caller.user, GRANT_WRITERS)) throw graphErrors.denied();
  const { tenant } = g.caller;
  const b = g.body;
  const clientId = typeof b.clientId === 'string' ? b.clientId : '';
  const resourceId = typeof b.resourceId === 'string' ? b.resourceId : '';
  const consentType =
    b.consentType === 'Principal' ? 'Principal' : b.consentType === 'AllPrincipals' ? 'AllPrincipals' : undefined;
  if (!consentType) throw graphErrors.badRequest();
  const principalId = consentType === 'Principal' && typeof b.principalId === 'string' ? b.principalId : null;
  const client = findServicePrincipal(tenant, clientId);
  // A service principal that has not replicated yet is "not present" (§13.5.2).
  if (!client || (client.kind === 'app' && stillReplicating(client.app, g.ctx.switches, g.ctx.clock.now())))
    throw graphErrors.notFound(clientId);
  const scope = checkScope(g, resourceId, b.scope);
  const list = (tenant.oauth2PermissionGrants ??= []);
  if (
    list.some(
      (x) =>
        x.clientId === clientId &&
        x.resourceId === resourceId &&
        x.consentType === consentType &&
        x.principalId === principalId,
    )
  )
    throw new GraphError(409, 'Request_MultipleObjectsWithSameKeyValue', 'Permission entry already exists.');
  const grant: PermissionGrant = {
    id: randomBytes(33).toString('base64url'),
    clientId,
    consentType,
    principalId,
    resourceId,
    scope,
  };
  list.push(grant);
  return graphJson(g.req, 201, {
    '@odata.context': odataContext(g, 'oauth2PermissionGrants/$entity'),
    ...view(grant),
  });
}

export function routePermissionGrants(g: GraphRequest): Reply | undefined {
  const [first, id] = g.segments;
  if (first !== 'oauth2PermissionGrants') return undefined;
  const { tenant } = g.caller;
  if (id === undefined) {
    if (g.method === 'GET') {
      requireScope(g.caller, WRITE, 'Directory.Read.All');
      const items = (tenant.oauth2PermissionGrants ?? []).map(view);
      return graphJson(g.req, 200, collection(items, g.query, odataContext(g, 'oauth2PermissionGrants')));
    }
    if (g.method === 'POST') return create(g);
    return undefined;
  }
  const grant = (tenant.oauth2PermissionGrants ?? []).find((x) => x.id === id);
  if (!grant) throw graphErrors.notFound(id);
  if (g.method === 'GET') {
    requireScope(g.caller, WRITE, 'Directory.Read.All');
    return graphJson(g.req, 200, view(grant));
  }
  requireScope(g.caller, WRITE);
  if (!hasAnyRole(g.caller.user, GRANT_WRITERS)) throw graphErrors.denied();
  if (g.method === 'PATCH') {
    // PATCH replaces the whole scope list (§13.3.8).
    grant.scope = checkScope(g, grant.resourceId, g.body.scope);
    return graphJson(g.req, 204, undefined);
  }
  if (g.method === 'DELETE') {
    tenant.oauth2PermissionGrants = (tenant.oauth2PermissionGrants ?? []).filter((x) => x !== grant);
    return graphJson(g.req, 204, undefined);
  }
  return undefined;
}
