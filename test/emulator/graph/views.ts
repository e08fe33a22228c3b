// The directory's objects as Graph shows them (reference §13.3.2, §13.3.6, §13.3.7): applications,
// service principals of apps and of the resource APIs, with the property names Graph uses.
import { randomUUID, X509Certificate } from 'node:crypto';
import { type AppRegistration, type Tenant } from '../directory';
import { certDer } from '../make-keys';
import { RESOURCE_APIS, type ResourceApi } from './catalog';
import { type JsonRecord } from './odata';

/** Fixture apps have no object id; one is given on first sight and kept. */
export function objectIdOf(app: AppRegistration): string {
  app.objectId ??= randomUUID();
  return app.objectId;
}

const iso = (ms: number | undefined): string | null => (ms === undefined ? null : new Date(ms).toISOString());

export function applicationView(app: AppRegistration, opts: { withKeys?: boolean } = {}): JsonRecord {
  const uris = (platform: AppRegistration['platform']): string[] =>
    app.platform === platform ? [...app.redirectUris] : [];
  return {
    id: objectIdOf(app),
    appId: app.clientId,
    displayName: app.displayName,
    createdDateTime: iso(app.createdAt),
    signInAudience: app.signInAudience,
    isFallbackPublicClient: app.allowPublicClient,
    identifierUris: [],
    publicClient: { redirectUris: uris('publicClient') },
    web: {
      redirectUris: uris('web'),
      implicitGrantSettings: { enableAccessTokenIssuance: false, enableIdTokenIssuance: false },
    },
    spa: { redirectUris: uris('spa') },
    requiredResourceAccess: app.requiredResourceAccess ?? [],
    keyCredentials: app.certificates.map((c) => {
      const cert = new X509Certificate(c.certPem);
      return {
        customKeyIdentifier: cert.fingerprint.replace(/:/g, ''),
        displayName: c.displayName ?? cert.subject.replace(/\n/g, ', '),
        endDateTime: c.expiresOn ?? new Date(cert.validTo).toISOString(),
        keyId: (c.keyId ??= randomUUID()),
        startDateTime: c.startDateTime ?? new Date(cert.validFrom).toISOString(),
        type: 'AsymmetricX509Cert',
        usage: 'Verify',
        // §13.3.2: `key` only when selected on a single-object GET.
        key: opts.withKeys ? certDer(c.certPem).toString('base64') : null,
      };
    }),
    passwordCredentials: app.secrets.map((s) => ({
      customKeyIdentifier: null,
      displayName: s.displayName ?? null,
      endDateTime: s.expiresOn,
      hint: s.value.slice(0, 3),
      keyId: s.id,
      secretText: null,
      startDateTime: s.startDateTime ?? null,
    })),
    tags: app.tags ?? [],
    notes: app.notes ?? null,
  };
}

export type SpRef =
  | { readonly kind: 'app'; readonly app: AppRegistration }
  | { readonly kind: 'resource'; readonly api: ResourceApi; readonly id: string };

export function findServicePrincipal(tenant: Tenant, id: string): SpRef | undefined {
  const key = id.toLowerCase();
  const app = tenant.apps.find((a) => a.servicePrincipalObjectId && a.servicePrincipalObjectId.toLowerCase() === key);
  if (app) return { kind: 'app', app };
  for (const [appId, spId] of Object.entries(tenant.resourceServicePrincipals ?? {})) {
    const api = RESOURCE_APIS.find((r) => r.appId === appId);
    if (api && spId.toLowerCase() === key) return { kind: 'resource', api, id: spId };
  }
  return undefined;
}

export function findServicePrincipalByAppId(tenant: Tenant, appId: string): SpRef | undefined {
  const key = appId.toLowerCase();
  const app = tenant.apps.find((a) => a.clientId.toLowerCase() === key && a.servicePrincipalObjectId);
  if (app) return { kind: 'app', app };
  const api = RESOURCE_APIS.find((r) => r.appId === key);
  const spId = api ? tenant.resourceServicePrincipals?.[api.appId] : undefined;
  return api && spId ? { kind: 'resource', api, id: spId } : undefined;
}

export const spIdOf = (sp: SpRef): string => (sp.kind === 'app' ? sp.app.servicePrincipalObjectId : sp.id);

export function servicePrincipalView(tenant: Tenant, sp: SpRef): JsonRecord {
  if (sp.kind === 'app') {
    return {
      id: sp.app.servicePrincipalObjectId,
      appId: sp.app.clientId,
      appDisplayName: sp.app.displayName,
      displayName: sp.app.displayName,
      accountEnabled: true,
      appOwnerOrganizationId: tenant.id,
      servicePrincipalNames: [sp.app.clientId],
      servicePrincipalType: 'Application',
      tags: ['WindowsAzureActiveDirectoryIntegratedApp'],
      appRoles: [],
      oauth2PermissionScopes: [],
    };
  }
  const { api } = sp;
  return {
    id: sp.id,
    appId: api.appId,
    appDisplayName: api.displayName,
    displayName: api.displayName,
    accountEnabled: true,
    servicePrincipalNames: [api.appId],
    servicePrincipalType: 'Application',
    tags: [],
    appRoles: api.roles.map((r) => ({
      allowedMemberTypes: ['Application'],
      description: `Allows the app to ${r.value} without a signed-in user.`,
      displayName: r.value,
      id: r.id,
      isEnabled: true,
      origin: 'Application',
      value: r.value,
    })),
    oauth2PermissionScopes: api.scopes.map((s) => ({
      adminConsentDescription: `Allows the app to use ${s.value} on behalf of the signed-in user.`,
      adminConsentDisplayName: s.value,
      id: s.id,
      isEnabled: true,
      type: s.adminConsentRequired ? 'Admin' : 'User',
      userConsentDescription: `Allows the app to use ${s.value} on your behalf.`,
      userConsentDisplayName: s.value,
      value: s.value,
    })),
  };
}
