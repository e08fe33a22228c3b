// The sample world's shape (fixtures/directory.json): tenants -> apps, users, mailboxes, switches.
// Live and mutable on purpose: tests flip switches (smtpAuth, consent, MFA...) on `emu.directory`.
// Additions to the fixture's fields (all optional, documented here):
//   User.globalAdmin        may grant tenant-wide admin consent at /adminconsent
//   User.roles              Entra role names (Graph checks them, reference §13.2.2)
//   Tenant.usersCanRegisterApps, resourceServicePrincipals, oauth2PermissionGrants, appRoleAssignments,
//   deletedApplications     what Microsoft Graph reads and writes (graph/, reference §13.3)
//   App.objectId, createdAt, requiredResourceAccess, tags, notes, owners   Graph's view of an application
//   App.assignmentRequired/assignedUsers  AADSTS50105 for users not assigned; App.blockUserConsent  no
//                           consent page may be shown for the app (AADSTS65001 at redemption)
//   App.certificates[]      { certPem } registered client certificates (Daemon Mailer's is added at start)
//   Mailbox.shared/fullAccess  shared mailbox flag; users with FullAccess (may log in as it, §7.3)
//   User.roles              Entra role names ('Exchange Administrator', 'Global Administrator'); the
//                           Exchange admin REST stand-in needs one of those two (reference §14.1.3)
//   Tenant.exchangeServicePrincipalInfo  AppId and DisplayName of each New-ServicePrincipal (§14.2.1)
//   Tenant.groups, managementScopes, managementRoleAssignments  App RBAC (§14.2.6): groups of mailboxes,
//                           New-ManagementScope filters, New-ManagementRoleAssignment -App rows
import sampleWorld from './fixtures/directory.json';

export type Platform = 'web' | 'publicClient' | 'spa';
export type SignInAudience =
  'AzureADMyOrg' | 'AzureADMultipleOrgs' | 'AzureADandPersonalMicrosoftAccount' | 'PersonalMicrosoftAccount';

export interface AppSecret {
  id: string;
  value: string;
  expiresOn: string;
  /** Graph's passwordCredential fields (addPassword). */
  displayName?: string;
  startDateTime?: string;
}
export interface AppCertificate {
  certPem: string;
  expiresOn?: string;
  /** Graph's keyCredential fields (keyCredentials on POST/PATCH /applications). */
  keyId?: string;
  displayName?: string;
  startDateTime?: string;
}

/** Graph's requiredResourceAccess entry (reference §13.3.2). */
export interface RequiredResourceAccess {
  resourceAppId: string;
  resourceAccess: { id: string; type: 'Scope' | 'Role' }[];
}

export interface AppRegistration {
  clientId: string;
  displayName: string;
  servicePrincipalObjectId: string;
  platform: Platform;
  redirectUris: string[];
  signInAudience: SignInAudience;
  /** "Allow public client flows" (§8): device code and ROPC without a credential. */
  allowPublicClient: boolean;
  secrets: AppSecret[];
  certificates: AppCertificate[];
  /** Full scope URIs, e.g. https://outlook.office.com/SMTP.Send */
  delegatedPermissions: string[];
  /** Exchange app roles, bare (SMTP.SendAsApp) or as full URI. */
  applicationPermissions: string[];
  adminConsent: boolean;
  /** Graph: the application object id; assigned on first Graph use when the fixture has none. */
  objectId?: string;
  /** Emulator clock (ms) when created through Graph; replication delays count from here. */
  createdAt?: number;
  requiredResourceAccess?: RequiredResourceAccess[];
  tags?: string[];
  notes?: string | null;
  /** Object ids of the users who own it (the creator, for Graph-created apps). */
  owners?: string[];
  /** Enterprise app "Assignment required": unassigned users get AADSTS50105 (reference §13.6.3). */
  assignmentRequired?: boolean;
  /** UPNs assigned to the app. */
  assignedUsers?: string[];
  /** Nobody may consent to this app interactively: no consent page, AADSTS65001 at redemption (§13.6.3). */
  blockUserConsent?: boolean;
  /** Enterprise application → Properties → "Enabled for users to sign-in?" = No (AADSTS7000112). */
  disabled?: boolean;
  /** A Microsoft first-party client ID: not pre-authorised for Exchange (AADSTS65002). */
  firstParty?: boolean;
}

/** oauth2PermissionGrant (reference §13.3.8); clientId and resourceId are service principal object ids. */
export interface PermissionGrant {
  id: string;
  clientId: string;
  consentType: 'AllPrincipals' | 'Principal';
  principalId: string | null;
  resourceId: string;
  scope: string;
}

/** appRoleAssignment (reference §13.3.9). */
export interface AppRoleAssignment {
  id: string;
  appRoleId: string;
  principalId: string;
  resourceId: string;
  createdDateTime: string;
}

export interface User {
  upn: string;
  objectId: string;
  displayName: string;
  password: string;
  mfaRequired: boolean;
  blockedByConditionalAccess: boolean;
  signInFrequencyHours: number | null;
  globalAdmin?: boolean;
  /** Entra roles by display name, e.g. 'Exchange Administrator' or 'Cloud Application Administrator' (reference §13.2.2, §14.1.3). */
  roles?: string[];
}

export interface Mailbox {
  address: string;
  owner: string | null;
  /** 'inherit' follows the tenant switch (Set-CASMailbox $null, §7.5). */
  smtpAuth: 'enabled' | 'disabled' | 'inherit';
  /** UPNs with Send As on this address. */
  sendAs: string[];
  shared?: boolean;
  /** UPNs with FullAccess (may authenticate as this mailbox). */
  fullAccess?: string[];
  /** Service principal object ids with FullAccess (Add-MailboxPermission, §7.4). */
  fullAccessServicePrincipals: string[];
}

/** A distribution or mail-enabled security group (App RBAC scopes filter on membership, §14.2.6). */
export interface MailGroup {
  address: string;
  alias: string;
  displayName: string;
  /** Member mailbox addresses. */
  members: string[];
}

/** New-ManagementScope: a named recipient filter (OPATH, §14.2.6). */
export interface ManagementScope {
  name: string;
  recipientRestrictionFilter: string;
}

/** New-ManagementRoleAssignment -App: an application role for a service principal, optionally scoped. */
export interface ManagementRoleAssignment {
  name: string;
  /** E.g. 'Application SMTP.SendAsApp'. */
  role: string;
  /** The Exchange service principal's ObjectId. */
  app: string;
  /** ManagementScope name; null = the whole organisation. */
  customResourceScope: string | null;
}

export interface Tenant {
  id: string;
  displayName: string;
  domains: string[];
  /** Set-TransportConfig -SmtpClientAuthenticationDisabled (§7.5). */
  smtpAuthDisabled: boolean;
  securityDefaults: boolean;
  apps: AppRegistration[];
  /** New-ServicePrincipal registrations in Exchange Online (§7.4). */
  exchangeServicePrincipals: string[];
  /** ObjectId -> what New-ServicePrincipal was given; fixture entries without one read the Entra app. */
  exchangeServicePrincipalInfo?: Record<string, { appId: string; displayName: string }>;
  groups?: MailGroup[];
  managementScopes?: ManagementScope[];
  managementRoleAssignments?: ManagementRoleAssignment[];
  users: User[];
  mailboxes: Mailbox[];
  /** Members may register applications (the default, reference §13.2.2). */
  usersCanRegisterApps?: boolean;
  /** Resource APIs' service principals in this tenant: appId -> object id (reference §13.3.7). */
  resourceServicePrincipals?: Record<string, string>;
  oauth2PermissionGrants?: PermissionGrant[];
  appRoleAssignments?: AppRoleAssignment[];
  /** Applications deleted through Graph (restorable for 30 days in Entra). */
  deletedApplications?: AppRegistration[];
  /**
   * User consent settings: users may consent (default), only admins may (AADSTS90094), or users
   * can request approval through the admin consent workflow (AADSTS90095).
   */
  userConsent?: 'allowed' | 'admin-only' | 'admin-consent-workflow';
}

export interface ConsumerUser {
  upn: string;
  objectId: string;
  displayName: string;
  password: string;
}

export interface Directory {
  securityDefaults: boolean;
  tenants: Tenant[];
  consumerUsers: ConsumerUser[];
}

/** A fresh deep copy of the sample world, so each emulator can be mutated freely. */
export function loadDefaultDirectory(): Directory {
  return JSON.parse(JSON.stringify(sampleWorld)) as Directory;
}

/** Personal accounts' home tenant (§6 tid). */
export const CONSUMERS_TENANT_ID = '9188040d-6c67-4c5b-b112-36a304b66dad';

export function findTenant(dir: Directory, idOrDomain: string): Tenant | undefined {
  const key = idOrDomain.toLowerCase();
  return dir.tenants.find((t) => t.id.toLowerCase() === key || t.domains.some((d) => d.toLowerCase() === key));
}

export function findApp(dir: Directory, clientId: string): { tenant: Tenant; app: AppRegistration } | undefined {
  const key = clientId.toLowerCase();
  for (const tenant of dir.tenants) {
    const app = tenant.apps.find((a) => a.clientId.toLowerCase() === key);
    if (app) return { tenant, app };
  }
  return undefined;
}

export function findUser(dir: Directory, upn: string): { tenant: Tenant; user: User } | undefined {
  const key = upn.toLowerCase();
  for (const tenant of dir.tenants) {
    const user = tenant.users.find((u) => u.upn.toLowerCase() === key);
    if (user) return { tenant, user };
  }
  return undefined;
}

export function findConsumer(dir: Directory, upn: string): ConsumerUser | undefined {
  return dir.consumerUsers.find((u) => u.upn.toLowerCase() === upn.toLowerCase());
}

/** Per mailbox list: lower-case address -> position. A bulk login at 20,000 mailboxes must not scan them all. */
const mailboxIndex = new WeakMap<Mailbox[], Map<string, number>>();

function indexOf(list: Mailbox[]): Map<string, number> {
  const index = new Map<string, number>();
  // The first of equal addresses wins, as a scan would find it.
  list.forEach((m, i) => {
    const key = m.address.toLowerCase();
    if (!index.has(key)) index.set(key, i);
  });
  mailboxIndex.set(list, index);
  return index;
}

export function findMailbox(tenant: Tenant, address: string): Mailbox | undefined {
  const key = address.toLowerCase();
  const list = tenant.mailboxes;
  const at = mailboxIndex.get(list)?.get(key);
  const hit = at === undefined ? undefined : list[at];
  if (hit?.address.toLowerCase() === key) return hit;
  // A miss, or an entry that moved: the live directory changed (tests add, remove and rename
  // mailboxes), so the index is rebuilt and asked again. Only unknown addresses pay for a scan.
  const again = indexOf(list).get(key);
  return again === undefined ? undefined : list[again];
}
