// Add-MailboxPermission (FullAccess, §14.2.2) and Add-RecipientPermission (SendAs, §14.2.3), for users
// and for Exchange service principals (§7.4: the app's SP needs FullAccess on the mailbox it logs in to).
import { cmdletErrors } from '../errors';
import { type CmdletDefinition } from '../cmdlet';
import { type Params } from '../params';
import { findRecipient, findServicePrincipal, findTenantUser } from '../recipients';
import { type Mailbox, type Tenant } from '../../directory';

const MAILBOX_RIGHTS = [
  'FullAccess',
  'ReadPermission',
  'ChangePermission',
  'ChangeOwner',
  'DeleteItem',
  'ExternalAccount',
];

/**
 * Whether a duplicate grant is an error or a warning over REST is [UNCONFIRMED] (§14.2.7); the stand-in
 * warns with on-premises Exchange's wording and changes nothing.
 */
const alreadyPresent = (identity: string, trustee: string): string =>
  `The appropriate access control entry is already present on the object "${identity}" for account "${trustee}".`;

/** A trustee: an Exchange service principal (its ObjectId is what the mailbox stores) or a user (UPN). */
function trusteeOf(view: Tenant, value: string): { kind: 'app' | 'user'; key: string; label: string } {
  const sp = findServicePrincipal(view, value);
  if (sp) return { kind: 'app', key: sp.objectId, label: sp.displayName };
  const user = findTenantUser(view, value);
  if (user) return { kind: 'user', key: user.upn, label: user.upn };
  throw cmdletErrors.notFound(value);
}

function mailboxOf(view: Tenant, p: Params): Mailbox {
  const identity = p.string('Identity') ?? '';
  const mailbox = findRecipient(view, identity);
  if (!mailbox) throw cmdletErrors.notFound(identity);
  return mailbox;
}

function rights(p: Params, name: string, allowed: readonly string[]): string[] {
  const given = p.list(name) ?? [];
  return given.map((r) => {
    const hit = allowed.find((a) => a.toLowerCase() === r.toLowerCase());
    if (!hit) throw cmdletErrors.badValue(name, r, 'Microsoft.Exchange.Management.RecipientTasks.MailboxRights');
    return hit;
  });
}

export const addMailboxPermission: CmdletDefinition = {
  parameters: ['Identity', 'User', 'AccessRights', 'AutoMapping', 'InheritanceType', 'Owner'],
  run(p, { view, record }) {
    p.require('Identity', 'User', 'AccessRights');
    const mailbox = mailboxOf(view, p);
    const trustee = trusteeOf(view, p.string('User') ?? '');
    const granted = rights(p, 'AccessRights', MAILBOX_RIGHTS);
    const row = {
      Identity: mailbox.address,
      User: trustee.label,
      AccessRights: granted,
      IsInherited: false,
      Deny: false,
      InheritanceType: 'All',
    };
    if (!granted.includes('FullAccess')) return { rows: [row] };
    const list = trustee.kind === 'app' ? mailbox.fullAccessServicePrincipals : (mailbox.fullAccess ?? []);
    if (list.some((k) => k.toLowerCase() === trustee.key.toLowerCase()))
      return { rows: [], warnings: [alreadyPresent(mailbox.address, trustee.label)] };
    record((t) => {
      const m = findRecipient(t, mailbox.address);
      if (!m) return;
      if (trustee.kind === 'app') m.fullAccessServicePrincipals.push(trustee.key);
      else m.fullAccess = [...(m.fullAccess ?? []), trustee.key];
    });
    return { rows: [row] };
  },
};

export const addRecipientPermission: CmdletDefinition = {
  parameters: ['Identity', 'Trustee', 'AccessRights'],
  run(p, { view, record }) {
    p.require('Identity', 'Trustee', 'AccessRights');
    const mailbox = mailboxOf(view, p);
    const trustee = trusteeOf(view, p.string('Trustee') ?? '');
    // "-AccessRights accepts only SendAs" (§14.2.3).
    rights(p, 'AccessRights', ['SendAs']);
    const row = {
      Identity: mailbox.address,
      Trustee: trustee.label,
      AccessControlType: 'Allow',
      AccessRights: ['SendAs'],
      IsInherited: false,
      InheritanceType: 'None',
    };
    if (mailbox.sendAs.some((k) => k.toLowerCase() === trustee.key.toLowerCase()))
      return { rows: [], warnings: [alreadyPresent(mailbox.address, trustee.label)] };
    record((t) => findRecipient(t, mailbox.address)?.sendAs.push(trustee.key));
    return { rows: [row] };
  },
};
