// Exchange RBAC for Applications as SMTP applies it (§14.2.6; Microsoft's "SMTP Onboarding to App
// RBAC"): an app-only token without the SMTP.SendAsApp claim may log in to a mailbox when its service
// principal holds "Application SMTP.SendAsApp" for the organisation or a scope that includes it.
// Scopes are OPATH recipient filters; the stand-in reads the forms the wizard and Microsoft's pages use.
import { type Mailbox, type Tenant } from '../directory';
import { cmdletErrors } from './errors';
import { groupDn } from './recipients';

export const SMTP_SEND_AS_APP_ROLE = 'Application SMTP.SendAsApp';
/** Application roles New-ManagementRoleAssignment -App accepts here (Microsoft: SMTP supports only the first). */
export const APPLICATION_ROLES = [SMTP_SEND_AS_APP_ROLE, 'Application Mail.Send', 'Application Mail.Read'];

interface Term {
  readonly property: 'primarysmtpaddress' | 'alias' | 'memberofgroup';
  readonly negate: boolean;
  readonly value: string;
}

/** `A -and B -or C`: OR of AND-groups of comparisons; outer parentheses are allowed. */
export type Filter = readonly (readonly Term[])[];

export function parseFilter(text: string): Filter {
  const bare = text.trim().replace(/^\((.*)\)$/s, '$1');
  const groups = bare.split(/\s+-or\s+/i).map((g) =>
    g.split(/\s+-and\s+/i).map((raw): Term => {
      const m = /^\(?\s*(PrimarySmtpAddress|Alias|MemberOfGroup)\s+-(eq|ne)\s+(['"])(.*)\3\s*\)?$/i.exec(raw.trim());
      if (!m) throw cmdletErrors.invalid(`emulator: the filter term "${raw.trim()}" is not supported.`);
      return { property: m[1]!.toLowerCase() as Term['property'], negate: m[2]!.toLowerCase() === 'ne', value: m[4]! };
    }),
  );
  return groups;
}

function termMatches(t: Tenant, mailbox: Mailbox, term: Term): boolean {
  const v = term.value.toLowerCase();
  const addr = mailbox.address.toLowerCase();
  const hit =
    term.property === 'primarysmtpaddress'
      ? addr === v
      : term.property === 'alias'
        ? addr.split('@')[0] === v
        : (t.groups ?? []).some(
            (g) => groupDn(t, g).toLowerCase() === v && g.members.some((m) => m.toLowerCase() === addr),
          );
  return hit !== term.negate;
}

export function filterMatches(t: Tenant, filter: Filter, mailbox: Mailbox): boolean {
  return filter.some((and) => and.every((term) => termMatches(t, mailbox, term)));
}

/** Is `mailbox` inside the assignment's scope (null scope = the whole organisation)? */
export function inScope(t: Tenant, scopeName: string | null, mailbox: Mailbox): boolean {
  if (scopeName === null) return true;
  const scope = (t.managementScopes ?? []).find((s) => s.name.toLowerCase() === scopeName.toLowerCase());
  return scope !== undefined && filterMatches(t, parseFilter(scope.recipientRestrictionFilter), mailbox);
}

/** SMTP's App RBAC check for a registered Exchange service principal. */
export function rbacAllowsSmtp(t: Tenant, spObjectId: string, mailbox: Mailbox): boolean {
  return (t.managementRoleAssignments ?? []).some(
    (a) =>
      a.app === spObjectId &&
      a.role.toLowerCase() === SMTP_SEND_AS_APP_ROLE.toLowerCase() &&
      inScope(t, a.customResourceScope, mailbox),
  );
}
