// What grants and app role assignments mean to the identity provider: tenant-wide delegated consent
// (oauth2PermissionGrants, AllPrincipals) and app roles in app-only tokens (appRoleAssignments), so
// what an admin consents to through Graph is honoured at /token exactly like portal consent.
import { type AppRegistration, type Directory, type Tenant } from '../directory';
import { RESOURCE_APIS, type ResourceApi } from './catalog';

export function tenantOfApp(dir: Directory, app: AppRegistration): Tenant | undefined {
  return dir.tenants.find((t) => t.apps.includes(app));
}

/** The resource API a service principal object id stands for in this tenant. */
export function resourceApiOfSp(tenant: Tenant, spId: string): ResourceApi | undefined {
  const entries = Object.entries(tenant.resourceServicePrincipals ?? {});
  const appId = entries.find(([, id]) => id.toLowerCase() === spId.toLowerCase())?.[0];
  return appId ? RESOURCE_APIS.find((r) => r.appId === appId) : undefined;
}

/** Permission keys ("exchange/smtp.send") granted tenant-wide to the app's service principal. */
export function grantedDelegatedKeys(dir: Directory, app: AppRegistration): string[] {
  const tenant = tenantOfApp(dir, app);
  if (!tenant || !app.servicePrincipalObjectId) return [];
  return (tenant.oauth2PermissionGrants ?? [])
    .filter((g) => g.clientId === app.servicePrincipalObjectId && g.consentType === 'AllPrincipals')
    .flatMap((g) => {
      const api = resourceApiOfSp(tenant, g.resourceId);
      return api
        ? g.scope
            .split(/\s+/)
            .filter(Boolean)
            .map((v) => `${api.family}/${v.toLowerCase()}`)
        : [];
    });
}

/** App role values assigned to the app's service principal on one API (e.g. ['SMTP.SendAsApp']). */
export function assignedRoles(dir: Directory, app: AppRegistration, family: 'graph' | 'exchange'): string[] {
  const tenant = tenantOfApp(dir, app);
  if (!tenant || !app.servicePrincipalObjectId) return [];
  return (tenant.appRoleAssignments ?? [])
    .filter((a) => a.principalId === app.servicePrincipalObjectId)
    .flatMap((a) => {
      const api = resourceApiOfSp(tenant, a.resourceId);
      if (!api || api.family !== family) return [];
      const role = api.roles.find((r) => r.id === a.appRoleId);
      return role ? [role.value] : [];
    });
}
