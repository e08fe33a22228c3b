// Entra roles a signed-in admin needs for each Graph write (reference §13.2.2). Delegated calls need
// both the scope in the token and, for most writes, a role; without it Graph answers 403.
import { type AppRegistration, type User } from '../directory';
import { EXCHANGE_API, GRAPH_API } from './catalog';

export const GLOBAL_ADMIN = 'Global Administrator';

/** Create/update applications, add credentials, create service principals (besides owners). */
export const APPLICATION_WRITERS = [
  'Application Developer',
  'Directory Writers',
  'Hybrid Identity Administrator',
  'Security Administrator',
  'Cloud Application Administrator',
  'Application Administrator',
  GLOBAL_ADMIN,
];

/**
 * Tenant-wide delegated grants: the oauth2PermissionGrant write table, plus the two application
 * administrator roles, which the consent page lets grant anything but Graph app roles.
 */
export const GRANT_WRITERS = [
  'Application Developer',
  'Cloud Application Administrator',
  'Application Administrator',
  'Directory Writers',
  'User Administrator',
  'Privileged Role Administrator',
  GLOBAL_ADMIN,
];

/** App roles of APIs other than Microsoft Graph (SMTP.SendAsApp on Exchange Online). */
export const ROLE_ASSIGNERS = [
  'Cloud Application Administrator',
  'Application Administrator',
  'Privileged Role Administrator',
  GLOBAL_ADMIN,
];

/** Microsoft Graph's own app roles need the most privileged role. */
export const GRAPH_ROLE_ASSIGNERS = ['Privileged Role Administrator', GLOBAL_ADMIN];

export function rolesOf(user: User): string[] {
  return [...(user.roles ?? []), ...(user.globalAdmin ? [GLOBAL_ADMIN] : [])];
}

export const hasAnyRole = (user: User, roles: readonly string[]): boolean =>
  rolesOf(user).some((r) => roles.includes(r));

export const isOwner = (user: User, app: AppRegistration): boolean => (app.owners ?? []).includes(user.objectId);

/** May accept the consent page "on behalf of the organisation". */
export const mayGrantTenantConsent = (user: User): boolean =>
  hasAnyRole(user, ['Cloud Application Administrator', 'Application Administrator', ...GRAPH_ROLE_ASSIGNERS]);

/** A permission key ("graph/application.readwrite.all") only an admin may consent to. */
export function needsAdminConsent(key: string): boolean {
  const [family, name] = key.split('/');
  const api = family === 'graph' ? GRAPH_API : EXCHANGE_API;
  return api.scopes.some((s) => s.value.toLowerCase() === name && s.adminConsentRequired === true);
}
