// /applications (reference §13.3.2-§13.3.5): create, list with $filter, read by id or (appId='…'),
// patch, delete (to deleted items, with its service principal), addPassword, removePassword.
import { randomBytes, randomUUID } from 'node:crypto';
import { type AppRegistration, type Tenant } from '../directory';
import { type Reply } from '../idp/http';
import { applyApplicationBody } from './app-body';
import { GRAPH_CLI_APP_ID } from './catalog';
import { requireScope } from './auth';
import { graphErrors, graphJson, GraphError } from './errors';
import { type GraphRequest, odataContext } from './context';
import { alternateKey, collection, select } from './odata';
import { APPLICATION_WRITERS, hasAnyRole, isOwner } from './roles';
import { removeServicePrincipal } from './service-principals';
import { applicationView, objectIdOf } from './views';

const READ = ['Application.Read.All', 'Application.ReadWrite.All', 'Directory.Read.All'];
const WRITE = ['Application.ReadWrite.All'];
const DAY = 86_400_000;

/** The tenant's own app registrations: a first-party app such as Graph Command Line Tools is not one. */
const registrations = (tenant: Tenant): AppRegistration[] => tenant.apps.filter((a) => a.clientId !== GRAPH_CLI_APP_ID);

function findApplication(tenant: Tenant, segment: string): AppRegistration {
  const alt = alternateKey(segment.slice(segment.indexOf('(')));
  const app = segment.startsWith('(')
    ? alt?.key === 'appid'
      ? registrations(tenant).find((a) => a.clientId.toLowerCase() === alt.value.toLowerCase())
      : undefined
    : registrations(tenant).find((a) => objectIdOf(a).toLowerCase() === segment.toLowerCase());
  if (!app) throw graphErrors.notFound(segment.replace(/^\(appId='|'\)$/gi, ''));
  return app;
}

/** Owners may change their app; others need an application role (§13.2.2). */
function requireWriter(g: GraphRequest, app: AppRegistration): void {
  if (!isOwner(g.caller.user, app) && !hasAnyRole(g.caller.user, APPLICATION_WRITERS)) throw graphErrors.denied();
}

function create(g: GraphRequest): Reply {
  requireScope(g.caller, ...WRITE);
  const { tenant, user } = g.caller;
  if (!(tenant.usersCanRegisterApps ?? true) && !hasAnyRole(user, APPLICATION_WRITERS)) throw graphErrors.denied();
  if (typeof g.body.displayName !== 'string' || !g.body.displayName.trim())
    throw graphErrors.badRequest('One or more properties are invalid.', [
      { code: 'Required', message: "Property 'displayName' is required.", target: 'displayName' },
    ]);
  const app: AppRegistration = {
    clientId: randomUUID(),
    objectId: randomUUID(),
    displayName: g.body.displayName,
    // No service principal until POST /servicePrincipals (§13.3.6).
    servicePrincipalObjectId: '',
    platform: 'web',
    redirectUris: [],
    signInAudience: 'AzureADMyOrg',
    allowPublicClient: false,
    secrets: [],
    certificates: [],
    delegatedPermissions: [],
    applicationPermissions: [],
    adminConsent: false,
    createdAt: g.ctx.clock.now(),
    owners: [user.objectId],
  };
  applyApplicationBody(app, g.body);
  tenant.apps.push(app);
  return graphJson(g.req, 201, {
    '@odata.context': odataContext(g, 'applications/$entity'),
    ...applicationView(app),
  });
}

function addPassword(g: GraphRequest, app: AppRegistration): Reply {
  requireScope(g.caller, ...WRITE);
  requireWriter(g, app);
  const sw = g.ctx.switches;
  const policyId = '00000000-0000-0000-0000-00000000a9b1';
  if (sw.blockPasswordCredentials)
    // §13.3.3: the message CIPP matches; the `code` is not confirmed by any source.
    throw new GraphError(
      400,
      'CredentialTypeNotAllowedAsPerAppPolicy',
      `Credential type not allowed as per assigned policy '${policyId}'.`,
    );
  const cred =
    typeof g.body.passwordCredential === 'object' && g.body.passwordCredential !== null
      ? (g.body.passwordCredential as Record<string, unknown>)
      : {};
  const now = g.ctx.clock.now();
  const start = typeof cred.startDateTime === 'string' ? Date.parse(cred.startDateTime) : now;
  // Omitted end: two years after the start (§13.3.3).
  const end = typeof cred.endDateTime === 'string' ? Date.parse(cred.endDateTime) : start + 730 * DAY;
  if (Number.isNaN(start) || Number.isNaN(end) || end <= start) throw graphErrors.badRequest();
  if (sw.maxPasswordLifetimeDays !== null && end - start > sw.maxPasswordLifetimeDays * DAY)
    throw new GraphError(
      400,
      'CredentialInvalidLifetimeAsPerAppPolicy',
      `Credential lifetime exceeds the max value allowed as per assigned policy '${policyId}'.`,
      [{ code: 'InvalidKeyEndDate', message: 'Key credential end date is invalid.', target: 'EndDate' }],
    );
  const secretText = `${randomBytes(3).toString('hex').slice(0, 3)}8Q~${randomBytes(27).toString('base64url')}`.slice(
    0,
    40,
  );
  const displayName = typeof cred.displayName === 'string' ? cred.displayName : null;
  const keyId = randomUUID();
  app.secrets.push({
    id: keyId,
    value: secretText,
    expiresOn: new Date(end).toISOString(),
    startDateTime: new Date(start).toISOString(),
    ...(displayName ? { displayName } : {}),
  });
  // 200, not 201; secretText only in this response (§13.3.3).
  return graphJson(g.req, 200, {
    '@odata.context': odataContext(g, 'microsoft.graph.passwordCredential'),
    customKeyIdentifier: null,
    displayName,
    endDateTime: new Date(end).toISOString(),
    hint: secretText.slice(0, 3),
    keyId,
    secretText,
    startDateTime: new Date(start).toISOString(),
  });
}

function removePassword(g: GraphRequest, app: AppRegistration): Reply {
  requireScope(g.caller, ...WRITE);
  requireWriter(g, app);
  const keyId = g.body.keyId;
  const before = app.secrets.length;
  app.secrets = app.secrets.filter((s) => s.id !== keyId);
  if (app.secrets.length === before) throw graphErrors.notFound(String(keyId));
  return graphJson(g.req, 204, undefined);
}

function remove(g: GraphRequest, app: AppRegistration): Reply {
  requireScope(g.caller, ...WRITE);
  requireWriter(g, app);
  const { tenant } = g.caller;
  // [UNCONFIRMED] in §13.3.4 whether the SP goes too; the stand-in removes it with the app.
  if (app.servicePrincipalObjectId) removeServicePrincipal(tenant, app);
  tenant.apps = tenant.apps.filter((a) => a !== app);
  (tenant.deletedApplications ??= []).push(app);
  return graphJson(g.req, 204, undefined);
}

export function routeApplications(g: GraphRequest): Reply | undefined {
  const [first, second, third] = g.segments;
  if (first === undefined || !first.toLowerCase().startsWith('applications')) return undefined;
  const keyed = first.slice('applications'.length);
  const { tenant } = g.caller;
  // /applications(appId='…') and /applications/{id} address the same object.
  const idSegment = keyed ? keyed : second;
  const action = keyed ? second : third;
  if (!idSegment) {
    if (g.method === 'GET') {
      requireScope(g.caller, ...READ);
      return graphJson(
        g.req,
        200,
        collection(
          registrations(tenant).map((a) => applicationView(a)),
          g.query,
          odataContext(g, 'applications'),
        ),
      );
    }
    if (g.method === 'POST') return create(g);
    return undefined;
  }
  const app = findApplication(tenant, idSegment);
  if (action === undefined) {
    if (g.method === 'GET') {
      requireScope(g.caller, ...READ);
      const withKeys = (g.query.get('$select') ?? '').toLowerCase().split(',').includes('keycredentials');
      return graphJson(g.req, 200, {
        '@odata.context': odataContext(g, 'applications/$entity'),
        ...select(applicationView(app, { withKeys }), g.query),
      });
    }
    if (g.method === 'PATCH') {
      requireScope(g.caller, ...WRITE);
      requireWriter(g, app);
      applyApplicationBody(app, g.body);
      return graphJson(g.req, 204, undefined);
    }
    if (g.method === 'DELETE') return remove(g, app);
    return undefined;
  }
  if (g.method === 'POST' && action === 'addPassword') return addPassword(g, app);
  if (g.method === 'POST' && action === 'removePassword') return removePassword(g, app);
  return undefined;
}
