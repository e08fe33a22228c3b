import { clouds } from './clouds';
import type { CloudId, TargetId } from './profile';
import type { RegistrationCredential, RegistrationRecord } from './registration';
import { defaultScopesFor, targetPreset } from './targets';

/**
 * What "Create it for me" will create for a target, as data: the preview shows it in plain
 * words and core creates exactly this (permission ids are looked up by value at run time,
 * reference §13.3.7, never written here). The permission sits on the API whose token the
 * target asks for (§13.2.3 "safe choice"); openid and offline_access are Microsoft Graph's.
 */

/** The recorded steps of "Create it for me", in the order they run (zod-free for the renderer). */
export const registrationStepIds = ['application', 'credential', 'servicePrincipal', 'consent', 'ready'] as const;
export type RegistrationStepId = (typeof registrationStepIds)[number];

/** Secret lifetimes offered (months); Microsoft's portal recommends 6, policies often cap at 12 or 24. */
export const secretLifetimes = [6, 12, 24] as const;

export const registrationDone = (r: RegistrationRecord | undefined): boolean =>
  r !== undefined && registrationStepIds.every((s) => r.steps[s] !== undefined);

export const GRAPH_RESOURCE_APP_ID = '00000003-0000-0000-c000-000000000000';
export const EXCHANGE_RESOURCE_APP_ID = '00000002-0000-0ff1-ce00-000000000000';

export interface PlannedPermission {
  readonly api: 'Microsoft Graph' | 'Office 365 Exchange Online';
  readonly resourceAppId: string;
  /** The claim value, e.g. SMTP.Send. */
  readonly value: string;
  /** Delegated (`Scope`) or application (`Role`). */
  readonly type: 'Scope' | 'Role';
  /** What it allows, in plain words. */
  readonly meaning: string;
}

export interface RegistrationPlan {
  readonly appName: string;
  /** `web` (confidential, the mail system sends a secret), or `none` for app-only. */
  readonly platform: 'web' | 'none';
  readonly redirectUris: readonly string[];
  /** Redirect URIs the target needs that hold a placeholder only the admin can fill in. */
  readonly laterRedirectUris: readonly string[];
  readonly permissions: readonly PlannedPermission[];
  /** The profile's scopes, as the sign-in asks for them. */
  readonly scopes: readonly string[];
  readonly consent: 'delegated' | 'application';
  readonly credential: RegistrationCredential;
  /** A certificate is an option only where the target's mailer can sign with one. */
  readonly certificateAllowed: boolean;
  readonly secretLifetimeMonths: number;
}

const MEANINGS: Readonly<Record<string, string>> = {
  'SMTP.Send': 'Send mail over SMTP (XOAUTH2) as the mailbox that signed in.',
  'Mail.Send': 'Send mail as the signed-in mailbox through Exchange’s mail API.',
  'Mail.Read': 'Read the signed-in mailbox’s mail.',
  'Mail.ReadWrite': 'Read and change the signed-in mailbox’s mail.',
  'IMAP.AccessAsUser.All': 'Read and manage the signed-in mailbox over IMAP.',
  'POP.AccessAsUser.All': 'Read the signed-in mailbox over POP.',
  offline_access: 'Stay signed in: the refresh token your mail system keeps, so nobody signs in again.',
  openid: 'Sign the mailbox user in.',
  profile: 'See the signed-in user’s name.',
  email: 'See the signed-in user’s email address.',
  'User.Read': 'Sign the user in and read their profile.',
  'SMTP.SendAsApp':
    'Send mail over SMTP without a user, only as the mailboxes Exchange gives the app (you grant those per mailbox).',
};

const OIDC = new Set(['openid', 'offline_access', 'profile', 'email']);

function isGraphHost(host: string): boolean {
  return Object.values(clouds).some((c) => c.graphResource === host || c.graphHost === host);
}

function isExchangeHost(host: string): boolean {
  return Object.values(clouds).some(
    (c) => c.delegatedResource === host || c.appOnlyResource === host || c.exchangeAudiences.includes(host),
  );
}

/** One profile scope as the permission it needs; undefined for a resource the app does not know. */
export function permissionForScope(scope: string): PlannedPermission | undefined {
  const api = (graph: boolean) =>
    graph
      ? ({ api: 'Microsoft Graph', resourceAppId: GRAPH_RESOURCE_APP_ID } as const)
      : ({ api: 'Office 365 Exchange Online', resourceAppId: EXCHANGE_RESOURCE_APP_ID } as const);
  const meaning = (v: string) => MEANINGS[v] ?? v;
  if (OIDC.has(scope.toLowerCase())) {
    const value = scope.toLowerCase();
    return { ...api(true), value, type: 'Scope', meaning: meaning(value) };
  }
  const m = /^(https:\/\/[^/]+)\/(.+)$/.exec(scope.trim());
  if (!m) return { ...api(true), value: scope, type: 'Scope', meaning: meaning(scope) };
  const [, host = '', name = ''] = m;
  if (isExchangeHost(host)) {
    if (name === '.default')
      return { ...api(false), value: 'SMTP.SendAsApp', type: 'Role', meaning: meaning('SMTP.SendAsApp') };
    return { ...api(false), value: name, type: 'Scope', meaning: meaning(name) };
  }
  if (isGraphHost(host)) return { ...api(true), value: name, type: 'Scope', meaning: meaning(name) };
  return undefined;
}

export function registrationPlan(o: {
  readonly targetId: TargetId;
  readonly cloud: CloudId;
  readonly appName: string;
  readonly credential: RegistrationCredential;
  readonly secretLifetimeMonths: number;
  /** App RBAC: no SMTP.SendAsApp role (Exchange would check mailbox permissions instead of the scope). */
  readonly appRbac?: boolean;
}): RegistrationPlan {
  const preset = targetPreset(o.targetId);
  const scopes = defaultScopesFor(o.targetId, o.cloud);
  // Every delegated target needs a refresh token, so offline_access is always asked for.
  const withOidc =
    preset.flow === 'delegated' && !scopes.includes('offline_access') ? [...scopes, 'offline_access'] : scopes;
  const permissions = withOidc
    .map(permissionForScope)
    .filter((p): p is PlannedPermission => p !== undefined)
    .filter((p, i, all) => all.findIndex((q) => q.resourceAppId === p.resourceAppId && q.value === p.value) === i)
    .filter((p) => !(o.appRbac && preset.flow === 'app-only' && p.value === 'SMTP.SendAsApp'));
  const certificateAllowed = preset.credential === 'client-secret-or-certificate';
  return {
    appName: o.appName,
    platform: preset.redirect.platform === 'Web' ? 'web' : 'none',
    redirectUris: preset.redirect.uris.filter((u) => !u.includes('<')),
    laterRedirectUris: preset.redirect.uris.filter((u) => u.includes('<')),
    permissions,
    scopes: withOidc,
    consent: preset.flow === 'app-only' ? 'application' : 'delegated',
    credential: certificateAllowed ? o.credential : 'secret',
    certificateAllowed,
    secretLifetimeMonths: o.secretLifetimeMonths,
  };
}

/** The name the app registration gets unless the admin changes it. */
export const defaultAppName = (targetLabel: string, mailbox: string): string =>
  `SMTP OAuth – ${targetLabel}${mailbox.trim() ? ` – ${mailbox.trim()}` : ''}`.slice(0, 120);
