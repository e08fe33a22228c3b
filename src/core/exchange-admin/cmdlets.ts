import { z } from 'zod';
import type { ExchangeCmdlet } from './cmdlet';
import {
  enableMailboxSmtpAuth,
  grantFullAccess,
  grantSendAs,
  registerServicePrincipal,
} from '../diagnose/smtp-commands';

/**
 * The cmdlets the wizard runs (reference §14.2), as data, and readers for the rows they answer.
 * Readers take only the fields the wizard uses and ignore the rest, so extra properties real
 * Exchange returns never break them.
 */

export const SMTP_SEND_AS_APP_ROLE = 'Application SMTP.SendAsApp';

export const cmdlets = {
  getServicePrincipal: (identity: string): ExchangeCmdlet => ({
    name: 'Get-ServicePrincipal',
    parameters: { Identity: identity },
  }),
  newServicePrincipal: (appId: string, objectId: string, displayName: string): ExchangeCmdlet => {
    const c = registerServicePrincipal(appId, objectId);
    return { ...c, parameters: { ...c.parameters, DisplayName: displayName } };
  },
  removeServicePrincipal: (identity: string): ExchangeCmdlet => ({
    name: 'Remove-ServicePrincipal',
    parameters: { Identity: identity, Confirm: false },
  }),
  addMailboxPermission: grantFullAccess,
  /** `-Confirm:$false`: the cmdlet asks otherwise (CIPP sends it over REST, reference §14.2.3). */
  addRecipientPermission: (identity: string, trustee: string): ExchangeCmdlet => {
    const c = grantSendAs(identity, trustee);
    return { ...c, parameters: { ...c.parameters, Confirm: false } };
  },
  getCasMailbox: (mailbox: string): ExchangeCmdlet => ({ name: 'Get-CASMailbox', parameters: { Identity: mailbox } }),
  setCasMailbox: (mailbox: string, disabled: boolean): ExchangeCmdlet =>
    disabled
      ? { name: 'Set-CASMailbox', parameters: { Identity: mailbox, SmtpClientAuthenticationDisabled: true } }
      : enableMailboxSmtpAuth(mailbox),
  getTransportConfig: (): ExchangeCmdlet => ({ name: 'Get-TransportConfig', parameters: {} }),
  setTransportConfig: (disabled: boolean): ExchangeCmdlet => ({
    name: 'Set-TransportConfig',
    parameters: { SmtpClientAuthenticationDisabled: disabled },
  }),
  getDistributionGroup: (identity: string): ExchangeCmdlet => ({
    name: 'Get-DistributionGroup',
    parameters: { Identity: identity },
  }),
  newManagementScope: (name: string, filter: string): ExchangeCmdlet => ({
    name: 'New-ManagementScope',
    parameters: { Name: name, RecipientRestrictionFilter: filter },
  }),
  newManagementRoleAssignment: (app: string, scope: string, name: string): ExchangeCmdlet => ({
    name: 'New-ManagementRoleAssignment',
    parameters: { Name: name, App: app, Role: SMTP_SEND_AS_APP_ROLE, CustomResourceScope: scope },
  }),
  testServicePrincipalAuthorization: (identity: string, resource: string): ExchangeCmdlet => ({
    name: 'Test-ServicePrincipalAuthorization',
    parameters: { Identity: identity, Resource: resource },
  }),
} as const;

const loose = <T extends z.ZodRawShape>(shape: T) => z.looseObject(shape);

const servicePrincipalRow = loose({
  Identity: z.string().optional(),
  AppId: z.string(),
  ObjectId: z.string().optional(),
  ServiceId: z.string().optional(),
  DisplayName: z.string().optional(),
});

export interface ExchangeServicePrincipal {
  /** What -User / -Trustee / -App take (Microsoft's examples pass `$EXOServicePrincipal.Identity`). */
  readonly identity: string;
  readonly appId: string;
  /** The Entra service principal object id Exchange was given (ServiceId in older output). */
  readonly objectId: string;
  readonly displayName: string;
}

/** The row for `appId`: Get-ServicePrincipal may answer every SP for an odd Identity (§14.2.1), so AppId is compared. */
export function readServicePrincipal(rows: readonly unknown[], appId: string): ExchangeServicePrincipal | undefined {
  for (const raw of rows) {
    const r = servicePrincipalRow.safeParse(raw);
    if (!r.success || r.data.AppId.toLowerCase() !== appId.toLowerCase()) continue;
    const objectId = r.data.ObjectId ?? r.data.ServiceId ?? '';
    return {
      identity: r.data.Identity ?? objectId,
      appId: r.data.AppId,
      objectId,
      displayName: r.data.DisplayName ?? '',
    };
  }
  return undefined;
}

const smtpSwitch = loose({ SmtpClientAuthenticationDisabled: z.boolean().nullable().optional() });

/** `SmtpClientAuthenticationDisabled` of a Get-CASMailbox or Get-TransportConfig row: true, false or null. */
export function readSmtpSwitch(rows: readonly unknown[]): boolean | null | undefined {
  const r = smtpSwitch.safeParse(rows[0]);
  return r.success ? (r.data.SmtpClientAuthenticationDisabled ?? null) : undefined;
}

const groupRow = loose({ DistinguishedName: z.string(), PrimarySmtpAddress: z.string().optional() });

export function readGroupDn(rows: readonly unknown[]): string | undefined {
  const r = groupRow.safeParse(rows[0]);
  return r.success ? r.data.DistinguishedName : undefined;
}

const authorizationRow = loose({ RoleName: z.string(), InScope: z.union([z.boolean(), z.string()]).optional() });

/** Test-ServicePrincipalAuthorization: does any SMTP.SendAsApp assignment cover the resource? */
export function readInScope(rows: readonly unknown[]): boolean {
  return rows.some((raw) => {
    const r = authorizationRow.safeParse(raw);
    if (!r.success || r.data.RoleName.toLowerCase() !== SMTP_SEND_AS_APP_ROLE.toLowerCase()) return false;
    return r.data.InScope === true || (typeof r.data.InScope === 'string' && /^true$/i.test(r.data.InScope));
  });
}
