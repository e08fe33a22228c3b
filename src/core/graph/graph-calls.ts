import type { GraphClient, JsonObject } from './graph-client';
import { isGraphError } from './graph-error';

/**
 * The Graph calls of reference §13.3 as typed functions, with only the properties the wizard
 * reads. Reads that may find nothing return undefined instead of throwing on 404.
 */

export interface Organization {
  readonly id: string;
  readonly displayName: string;
  /** The `isInitial` .onmicrosoft.com domain (what Exchange's -Organization wants, §14.4). */
  readonly initialDomain: string | undefined;
}

export interface Me {
  readonly id: string;
  readonly userPrincipalName: string;
}

export interface Published {
  readonly id: string;
  readonly value: string;
  readonly allowedMemberTypes?: readonly string[];
}

export interface ResourceServicePrincipal {
  readonly id: string;
  readonly appId: string;
  readonly appRoles: readonly Published[];
  readonly oauth2PermissionScopes: readonly Published[];
}

export interface Application {
  readonly id: string;
  readonly appId: string;
  readonly displayName: string;
  readonly tags?: readonly string[];
  readonly keyCredentials?: readonly { readonly keyId: string; readonly customKeyIdentifier?: string | null }[];
  readonly passwordCredentials?: readonly { readonly keyId: string; readonly displayName?: string | null }[];
}

export interface PasswordCredential {
  readonly keyId: string;
  readonly secretText: string;
  readonly endDateTime: string;
}

export interface PermissionGrant {
  readonly id: string;
  readonly resourceId: string;
  readonly scope: string;
}

export interface RoleAssignment {
  readonly id: string;
  readonly resourceId: string;
  readonly appRoleId: string;
}

/** An OData string literal's content ('' escapes a quote). */
const lit = (s: string): string => s.replace(/'/g, "''");
const filter = (expr: string): string => `$filter=${encodeURIComponent(expr)}`;
const values = <T>(o: JsonObject): T[] => (Array.isArray(o.value) ? (o.value as T[]) : []);

async function orUndefined<T>(p: Promise<T>): Promise<T | undefined> {
  try {
    return await p;
  } catch (e) {
    if (isGraphError(e) && e.status === 404) return undefined;
    throw e;
  }
}

export const graphCalls = (g: GraphClient) => ({
  me: () => g.call<Me>({ method: 'GET', path: '/me?$select=id,displayName,userPrincipalName,mail' }),

  async organization(): Promise<Organization> {
    const r = await g.call({ method: 'GET', path: '/organization?$select=id,displayName,verifiedDomains' });
    const org = values<{ id: string; displayName: string; verifiedDomains?: { name: string; isInitial?: boolean }[] }>(
      r,
    )[0];
    if (!org) throw new Error('Graph returned no organization');
    return {
      id: org.id,
      displayName: org.displayName,
      initialDomain: org.verifiedDomains?.find((d) => d.isInitial)?.name,
    };
  },

  resourceServicePrincipal: (appId: string) =>
    orUndefined(
      g.call<ResourceServicePrincipal>({
        method: 'GET',
        path: `/servicePrincipals(appId='${appId}')?$select=id,appId,appRoles,oauth2PermissionScopes`,
      }),
    ),

  createServicePrincipal: (appId: string, replication = false) =>
    g.call<{ id: string; appId: string }>({
      method: 'POST',
      path: '/servicePrincipals',
      // The tag makes the portal list it under Enterprise applications (§13.3.6).
      body: { appId, tags: ['WindowsAzureActiveDirectoryIntegratedApp'] },
      replication,
    }),

  servicePrincipalOf: (appId: string) =>
    orUndefined(
      g.call<{ id: string; appId: string }>({
        method: 'GET',
        path: `/servicePrincipals(appId='${appId}')?$select=id,appId`,
      }),
    ),

  deleteServicePrincipal: (id: string) => g.call({ method: 'DELETE', path: `/servicePrincipals/${id}` }),

  createApplication: (body: JsonObject) => g.call<Application>({ method: 'POST', path: '/applications', body }),

  async applicationTagged(tag: string): Promise<Application | undefined> {
    const r = await g.call({
      method: 'GET',
      path: `/applications?${filter(`tags/any(t:t eq '${lit(tag)}')`)}&$select=id,appId,displayName,tags`,
    });
    return values<Application>(r)[0];
  },

  application: (objectId: string, replication = false) =>
    orUndefined(
      g.call<Application>({
        method: 'GET',
        path: `/applications/${objectId}?$select=id,appId,displayName,tags,keyCredentials,passwordCredentials`,
        replication,
      }),
    ),

  patchApplication: (objectId: string, body: JsonObject) =>
    g.call({ method: 'PATCH', path: `/applications/${objectId}`, body, replication: true }),

  deleteApplication: (objectId: string) => g.call({ method: 'DELETE', path: `/applications/${objectId}` }),

  addPassword: (objectId: string, displayName: string, endDateTime: string) =>
    g.call<PasswordCredential>({
      method: 'POST',
      path: `/applications/${objectId}/addPassword`,
      body: { passwordCredential: { displayName, endDateTime } },
      replication: true,
    }),

  async grantsOf(clientSpId: string): Promise<PermissionGrant[]> {
    const expr = `clientId eq '${lit(clientSpId)}' and consentType eq 'AllPrincipals'`;
    return values<PermissionGrant>(await g.call({ method: 'GET', path: `/oauth2PermissionGrants?${filter(expr)}` }));
  },

  createGrant: (clientSpId: string, resourceSpId: string, scope: string) =>
    g.call<PermissionGrant>({
      method: 'POST',
      path: '/oauth2PermissionGrants',
      body: { clientId: clientSpId, consentType: 'AllPrincipals', principalId: null, resourceId: resourceSpId, scope },
      replication: true,
    }),

  patchGrant: (id: string, scope: string) =>
    g.call({
      method: 'PATCH',
      path: `/oauth2PermissionGrants/${encodeURIComponent(id)}`,
      body: { scope },
      replication: true,
    }),

  async assignmentsOf(spId: string): Promise<RoleAssignment[]> {
    return values<RoleAssignment>(
      await g.call({ method: 'GET', path: `/servicePrincipals/${spId}/appRoleAssignments`, replication: true }),
    );
  },

  assignRole: (resourceSpId: string, principalSpId: string, appRoleId: string) =>
    g.call<RoleAssignment>({
      method: 'POST',
      path: `/servicePrincipals/${resourceSpId}/appRoleAssignedTo`,
      body: { principalId: principalSpId, resourceId: resourceSpId, appRoleId },
      replication: true,
    }),
});

export type GraphCalls = ReturnType<typeof graphCalls>;
