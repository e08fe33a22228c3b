// Application permissions (reference §13.3.9): POST /servicePrincipals/{resource}/appRoleAssignedTo
// (and the principal-side /appRoleAssignments), list, delete. Exchange app roles need an application
// administrator role, Graph's own need Privileged Role Administrator (§13.2.2).
import { randomBytes } from 'node:crypto';
import { type Reply } from '../idp/http';
import { requireScope } from './auth';
import { type GraphRequest, odataContext } from './context';
import { graphErrors, graphJson, GraphError } from './errors';
import { collection } from './odata';
import { GRAPH_ROLE_ASSIGNERS, hasAnyRole, ROLE_ASSIGNERS } from './roles';
import { stillReplicating } from './switches';
import { findServicePrincipal, spIdOf, type SpRef } from './views';
import { type AppRoleAssignment, type Tenant } from '../directory';

function view(tenant: Tenant, a: AppRoleAssignment): Record<string, unknown> {
  const principal = findServicePrincipal(tenant, a.principalId);
  const resource = findServicePrincipal(tenant, a.resourceId);
  const name = (sp: SpRef | undefined): string | null =>
    sp === undefined ? null : sp.kind === 'app' ? sp.app.displayName : sp.api.displayName;
  return {
    id: a.id,
    appRoleId: a.appRoleId,
    createdDateTime: a.createdDateTime,
    principalDisplayName: name(principal),
    principalId: a.principalId,
    principalType: 'ServicePrincipal',
    resourceDisplayName: name(resource),
    resourceId: a.resourceId,
  };
}

function assign(g: GraphRequest, resourceSpId: string, principalSpId: string): Reply {
  requireScope(g.caller, 'AppRoleAssignment.ReadWrite.All');
  // §13.2.1: this call also needs Application.Read.All (or a higher read).
  requireScope(g.caller, 'Application.Read.All', 'Application.ReadWrite.All', 'Directory.Read.All');
  const { tenant } = g.caller;
  const resource = findServicePrincipal(tenant, resourceSpId);
  if (!resource) throw graphErrors.notFound(resourceSpId);
  const graphRoles = resource.kind === 'resource' && resource.api.family === 'graph';
  if (!hasAnyRole(g.caller.user, graphRoles ? GRAPH_ROLE_ASSIGNERS : ROLE_ASSIGNERS)) throw graphErrors.denied();
  const principal = findServicePrincipal(tenant, principalSpId);
  if (!principal) throw graphErrors.notFound(principalSpId);
  if (principal.kind === 'app' && stillReplicating(principal.app, g.ctx.switches, g.ctx.clock.now()))
    throw graphErrors.badRequest('Not a valid reference update.');
  const appRoleId = typeof g.body.appRoleId === 'string' ? g.body.appRoleId : '';
  const published = resource.kind === 'resource' ? resource.api.roles : [];
  if (!published.some((r) => r.id === appRoleId))
    throw graphErrors.badRequest('Permission being assigned was not found on application.');
  const list = (tenant.appRoleAssignments ??= []);
  if (
    list.some((a) => a.principalId === principalSpId && a.resourceId === spIdOf(resource) && a.appRoleId === appRoleId)
  )
    throw new GraphError(
      g.ctx.switches.duplicateAssignmentStatus,
      'Request_BadRequest',
      'Permission being assigned already exists on the object',
    );
  const a: AppRoleAssignment = {
    id: randomBytes(24).toString('base64url'),
    appRoleId,
    principalId: principalSpId,
    resourceId: spIdOf(resource),
    createdDateTime: new Date(g.ctx.clock.now()).toISOString(),
  };
  list.push(a);
  return graphJson(g.req, 201, { '@odata.context': odataContext(g, 'appRoleAssignments/$entity'), ...view(tenant, a) });
}

/** Below /servicePrincipals/{id}: appRoleAssignedTo (resource side) and appRoleAssignments (principal side). */
export function routeAssignments(g: GraphRequest, sp: SpRef, rest: readonly string[]): Reply | undefined {
  const [relation, assignmentId] = rest;
  const { tenant } = g.caller;
  const id = spIdOf(sp);
  const resourceSide = relation === 'appRoleAssignedTo';
  if (!resourceSide && relation !== 'appRoleAssignments') return undefined;
  if (g.method === 'POST' && assignmentId === undefined) {
    const principalId = typeof g.body.principalId === 'string' ? g.body.principalId : '';
    const resourceId = typeof g.body.resourceId === 'string' ? g.body.resourceId : '';
    if (resourceSide && resourceId && resourceId !== id) throw graphErrors.badRequest();
    if (!resourceSide && principalId && principalId !== id) throw graphErrors.badRequest();
    return resourceSide ? assign(g, id, principalId) : assign(g, resourceId, id);
  }
  if (g.method === 'GET' && assignmentId === undefined) {
    requireScope(g.caller, 'Application.Read.All', 'Application.ReadWrite.All', 'Directory.Read.All');
    const items = (tenant.appRoleAssignments ?? [])
      .filter((a) => (resourceSide ? a.resourceId === id : a.principalId === id))
      .map((a) => view(tenant, a));
    return graphJson(g.req, 200, collection(items, g.query, odataContext(g, 'appRoleAssignments')));
  }
  if (g.method === 'DELETE' && assignmentId !== undefined) {
    requireScope(g.caller, 'AppRoleAssignment.ReadWrite.All');
    if (!hasAnyRole(g.caller.user, ROLE_ASSIGNERS)) throw graphErrors.denied();
    const before = tenant.appRoleAssignments?.length ?? 0;
    tenant.appRoleAssignments = (tenant.appRoleAssignments ?? []).filter((a) => a.id !== assignmentId);
    if (tenant.appRoleAssignments.length === before) throw graphErrors.notFound(assignmentId);
    return graphJson(g.req, 204, undefined);
  }
  return undefined;
}
