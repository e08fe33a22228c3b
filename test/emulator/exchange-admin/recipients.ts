// How Exchange finds the object an -Identity, -User, -Trustee or -App names: recipients by address or
// alias, users by UPN, Exchange service principals by ObjectId, AppId, DisplayName (§14.2.1).
import { type Mailbox, type MailGroup, type Tenant, type User } from '../directory';
import { SERVER } from './errors';

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
const alias = (address: string): string => address.split('@')[0] ?? address;

export function findRecipient(t: Tenant, identity: string): Mailbox | undefined {
  return t.mailboxes.find((m) => same(m.address, identity) || same(alias(m.address), identity));
}

export function findGroup(t: Tenant, identity: string): MailGroup | undefined {
  return (t.groups ?? []).find(
    (g) => same(g.address, identity) || same(g.alias, identity) || same(g.displayName, identity),
  );
}

export function findTenantUser(t: Tenant, identity: string): User | undefined {
  return t.users.find((u) => same(u.upn, identity) || same(u.displayName, identity));
}

export interface ExchangeServicePrincipal {
  readonly objectId: string;
  readonly appId: string;
  readonly displayName: string;
}

export function exchangeServicePrincipals(t: Tenant): ExchangeServicePrincipal[] {
  return t.exchangeServicePrincipals.map((objectId) => {
    const info = t.exchangeServicePrincipalInfo?.[objectId];
    if (info) return { objectId, ...info };
    // Fixture registrations carry no info: Exchange copied it from the Entra service principal.
    const app = t.apps.find((a) => a.servicePrincipalObjectId === objectId);
    return { objectId, appId: app?.clientId ?? '', displayName: app?.displayName ?? objectId };
  });
}

/** ServicePrincipalIdParameter: ObjectId (Identity), AppId or DisplayName. */
export function findServicePrincipal(t: Tenant, identity: string): ExchangeServicePrincipal | undefined {
  return exchangeServicePrincipals(t).find(
    (sp) => same(sp.objectId, identity) || same(sp.appId, identity) || same(sp.displayName, identity),
  );
}

/** The row Get-/New-ServicePrincipal returns; Identity and Name are the ObjectId. */
export function servicePrincipalRow(sp: ExchangeServicePrincipal): Record<string, unknown> {
  return {
    Identity: sp.objectId,
    Name: sp.objectId,
    DisplayName: sp.displayName,
    AppId: sp.appId,
    ObjectId: sp.objectId,
    ServiceId: sp.objectId,
  };
}

/** A group's DN, as MemberOfGroup filters name it (Microsoft's example: `CN=rbac,OU=<tenant>.onmicrosoft.com,…`). */
export function groupDn(t: Tenant, g: MailGroup): string {
  const initial = t.domains.find((d) => d.toLowerCase().endsWith('.onmicrosoft.com')) ?? t.domains[0] ?? t.id;
  const dcs = SERVER.split('.')
    .map((p) => `DC=${p}`)
    .join(',');
  return `CN=${g.alias},OU=${initial},OU=Microsoft Exchange Hosted Organizations,${dcs}`;
}
