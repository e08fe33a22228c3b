// /servicePrincipals (reference §13.3.6, §13.3.7): create for an app (409 on a duplicate), read the
// resource APIs' service principals with their appRoles and oauth2PermissionScopes, delete.
import { randomUUID } from 'node:crypto';
import { type AppRegistration, type Tenant } from '../directory';
import { type Reply } from '../idp/http';
import { requireScope } from './auth';
import { resourceApi } from './catalog';
import { type GraphRequest, odataContext } from './context';
import { graphErrors, graphJson, GraphError } from './errors';
import { alternateKey, collection, select } from './odata';
import { APPLICATION_WRITERS, hasAnyRole, isOwner } from './roles';
import { routeAssignments } from './app-role-assignments';
import { findServicePrincipal, findServicePrincipalByAppId, servicePrincipalView, type SpRef } from './views';

const READ = ['Application.Read.All', 'Application.ReadWrite.All', 'Directory.Read.All'];

/** Removes an app's service principal and what hangs on it (grants, role assignments). */
export function removeServicePrincipal(tenant: Tenant, app: AppRegistration): void {
  const sp = app.servicePrincipalObjectId;
  tenant.oauth2PermissionGrants = (tenant.oauth2PermissionGrants ?? []).filter((x) => x.clientId !== sp);
  tenant.appRoleAssignments = (tenant.appRoleAssignments ?? []).filter((x) => x.principalId !== sp);
  app.servicePrincipalObjectId = '';
}

function allServicePrincipals(tenant: Tenant): SpRef[] {
  const apps: SpRef[] = tenant.apps.filter((a) => a.servicePrincipalObjectId).map((app) => ({ kind: 'app', app }));
  const resources = Object.keys(tenant.resourceServicePrincipals ?? {})
    .map((appId) => findServicePrincipalByAppId(tenant, appId))
    .filter((s): s is SpRef => s !== undefined);
  return [...apps, ...resources];
}

export function resolveServicePrincipal(tenant: Tenant, segment: string): SpRef {
  const alt = segment.startsWith('(') ? alternateKey(segment) : undefined;
  const sp =
    alt?.key === 'appid' ? findServicePrincipalByAppId(tenant, alt.value) : findServicePrincipal(tenant, segment);
  if (!sp) throw graphErrors.notFound(alt ? alt.value : segment);
  return sp;
}

function create(g: GraphRequest): Reply {
  requireScope(g.caller, 'Application.ReadWrite.All');
  const { tenant, user } = g.caller;
  const appId = typeof g.body.appId === 'string' ? g.body.appId : '';
  if (!appId) throw graphErrors.badRequest();
  const taken = (): GraphError =>
    new GraphError(
      409,
      'Request_MultipleObjectsWithSameKeyValue',
      `The service principal cannot be created, updated, or restored because the service principal name ${appId} is already in use.`,
    );
  const api = resourceApi(appId);
  if (api) {
    // A tenant that never used the API may lack its SP; creating it works ([UNCONFIRMED] §13.3.7).
    if (tenant.resourceServicePrincipals?.[api.appId]) throw taken();
    const id = randomUUID();
    tenant.resourceServicePrincipals = { ...tenant.resourceServicePrincipals, [api.appId]: id };
    return graphJson(g.req, 201, servicePrincipalView(tenant, { kind: 'resource', api, id }));
  }
  const app = tenant.apps.find((a) => a.clientId.toLowerCase() === appId.toLowerCase());
  if (!app)
    throw graphErrors.badRequest(
      `The appId '${appId}' of the service principal does not reference a valid application object.`,
      [{ code: 'NoBackingApplicationObject', message: 'No backing application object.', target: 'appId' }],
    );
  if (!isOwner(user, app) && !hasAnyRole(user, APPLICATION_WRITERS)) throw graphErrors.denied();
  if (app.servicePrincipalObjectId) throw taken();
  app.servicePrincipalObjectId = randomUUID();
  return graphJson(g.req, 201, {
    '@odata.context': odataContext(g, 'servicePrincipals/$entity'),
    ...servicePrincipalView(tenant, { kind: 'app', app }),
  });
}

export function routeServicePrincipals(g: GraphRequest): Reply | undefined {
  const [first, second] = g.segments;
  if (first === undefined || !first.toLowerCase().startsWith('serviceprincipals')) return undefined;
  const keyed = first.slice('servicePrincipals'.length);
  const idSegment = keyed || second;
  const rest = keyed ? g.segments.slice(1) : g.segments.slice(2);
  const { tenant } = g.caller;
  if (!idSegment) {
    if (g.method === 'GET') {
      requireScope(g.caller, ...READ);
      const items = allServicePrincipals(tenant).map((s) => servicePrincipalView(tenant, s));
      return graphJson(g.req, 200, collection(items, g.query, odataContext(g, 'servicePrincipals')));
    }
    if (g.method === 'POST') return create(g);
    return undefined;
  }
  const sp = resolveServicePrincipal(tenant, idSegment);
  if (rest.length > 0) return routeAssignments(g, sp, rest);
  if (g.method === 'GET') {
    requireScope(g.caller, ...READ);
    return graphJson(g.req, 200, {
      '@odata.context': odataContext(g, 'servicePrincipals/$entity'),
      ...select(servicePrincipalView(tenant, sp), g.query),
    });
  }
  if (g.method === 'DELETE') {
    requireScope(g.caller, 'Application.ReadWrite.All');
    if (sp.kind !== 'app') throw graphErrors.denied();
    if (!isOwner(g.caller.user, sp.app) && !hasAnyRole(g.caller.user, APPLICATION_WRITERS)) throw graphErrors.denied();
    removeServicePrincipal(tenant, sp.app);
    return graphJson(g.req, 204, undefined);
  }
  return undefined;
}
