import type { ExchangePlan, PlanStep } from '../../shared/exchange-plan';
import type { CloudId } from '../../shared/profile';
import { sameMailbox } from '../../shared/mailbox-address';
import { isExchangeAdminError } from './admin-error';
import { psValue, servicePrincipalIdentityOf } from './cmdlet';
import {
  cmdlets,
  readGroupDn,
  readInScope,
  readServicePrincipal,
  readSmtpSwitch,
  type ExchangeServicePrincipal,
} from './cmdlets';
import { buildPlan, planStep } from './plan';
import type { ExchangeAdminPort } from './rest-client';

/**
 * "Give the app access to <mailbox>" for app-only SMTP (reference §7.4, §14.2): register the
 * Enterprise application's service principal in Exchange with the right object ID, then either
 * Full Access on the mailbox (classic) or an App RBAC role scoped to the mailbox or a group, and
 * SMTP AUTH on for the mailbox when it is off. The reads come first, so the plan lists only what
 * is missing; without them (no admin role, endpoint down) the full plan is the PowerShell fallback.
 */

export type AccessModel =
  | { readonly kind: 'mailbox-permission' }
  | { readonly kind: 'rbac-mailbox' }
  | { readonly kind: 'rbac-group'; readonly group: string };

export interface AppAccessRequest {
  readonly cloud: CloudId;
  readonly appId: string;
  /** The Enterprise application's object ID (the app-only token's `oid`), not the App registration's. */
  readonly servicePrincipalObjectId: string;
  readonly displayName: string;
  readonly mailbox: string;
  /** When the mail is sent From another address, the app needs Send As on it too. */
  readonly fromAddress?: string;
  readonly model: AccessModel;
  /** The app's token carries SMTP.SendAsApp: Exchange then checks mailbox permissions, not RBAC. */
  readonly tokenHasSendAsAppRole: boolean;
}

export interface AppAccessState {
  readonly servicePrincipal: ExchangeServicePrincipal | undefined;
  /** Get-CASMailbox SmtpClientAuthenticationDisabled: true, false or null (follow the organisation). */
  readonly mailboxSmtpDisabled: boolean | null;
  readonly tenantSmtpDisabled: boolean;
  readonly groupDn?: string;
  /** An SMTP.SendAsApp role assignment already covers the mailbox. */
  readonly rbacInScope?: boolean;
}

const isRbac = (m: AccessModel): boolean => m.kind !== 'mailbox-permission';

/** The reads the plan rests on; throws ExchangeAdminError (the caller shows the full PowerShell then). */
export async function inspectAppAccess(
  port: ExchangeAdminPort,
  req: AppAccessRequest,
  signal?: AbortSignal,
): Promise<AppAccessState> {
  const spRows = await port.invoke(cmdlets.getServicePrincipal(req.appId), signal).catch((e: unknown) => {
    // Not registered yet is the common case, not a failure.
    if (isExchangeAdminError(e) && e.kind === 'not-found') return { rows: [], warnings: [] };
    throw e;
  });
  const servicePrincipal = readServicePrincipal(spRows.rows, req.appId);
  const mailboxSmtpDisabled =
    readSmtpSwitch((await port.invoke(cmdlets.getCasMailbox(req.mailbox), signal)).rows) ?? null;
  const tenantSmtpDisabled = readSmtpSwitch((await port.invoke(cmdlets.getTransportConfig(), signal)).rows) === true;
  const groupDn =
    req.model.kind === 'rbac-group'
      ? readGroupDn((await port.invoke(cmdlets.getDistributionGroup(req.model.group), signal)).rows)
      : undefined;
  const rbacInScope =
    servicePrincipal && isRbac(req.model)
      ? readInScope(
          (await port.invoke(cmdlets.testServicePrincipalAuthorization(servicePrincipal.identity, req.mailbox), signal))
            .rows,
        )
      : undefined;
  return {
    servicePrincipal,
    mailboxSmtpDisabled,
    tenantSmtpDisabled,
    ...(groupDn ? { groupDn } : {}),
    ...(rbacInScope !== undefined ? { rbacInScope } : {}),
  };
}

/** Exchange's names are at most 64 characters. */
const name64 = (s: string): string => s.slice(0, 64);

function servicePrincipalSteps(req: AppAccessRequest, state?: AppAccessState): { steps: PlanStep[]; found: string[] } {
  const register = planStep(
    'register-service-principal',
    `Register the app "${req.displayName}" in Exchange with its Enterprise application object ID`,
    cmdlets.newServicePrincipal(req.appId, req.servicePrincipalObjectId, req.displayName),
  );
  const sp = state?.servicePrincipal;
  if (!sp) return { steps: [register], found: [] };
  if (sp.objectId.toLowerCase() === req.servicePrincipalObjectId.toLowerCase())
    return { steps: [], found: [`Exchange already knows the app (service principal ${sp.identity}).`] };
  return {
    steps: [
      planStep(
        'remove-wrong-service-principal',
        `Remove Exchange's registration of the app, which points at object ID ${sp.objectId} (the App registration's, not the Enterprise application's)`,
        cmdlets.removeServicePrincipal(sp.identity),
        { alreadyIsDone: false },
      ),
      register,
    ],
    found: [`Exchange knows the app by object ID ${sp.objectId}, which is not its Enterprise application's.`],
  };
}

/** The Identity to grant to, as PowerShell: the known one, or looked up once the app is registered. */
function trusteeExpression(req: AppAccessRequest, state?: AppAccessState): string {
  const sp = state?.servicePrincipal;
  const valid = sp && sp.objectId.toLowerCase() === req.servicePrincipalObjectId.toLowerCase();
  return valid ? psValue(sp.identity) : servicePrincipalIdentityOf(req.appId);
}

function accessSteps(req: AppAccessRequest, state?: AppAccessState): { steps: PlanStep[]; found: string[] } {
  const who = trusteeExpression(req, state);
  const sendAs =
    req.fromAddress && !sameMailbox(req.fromAddress, req.mailbox)
      ? [
          planStep(
            'grant-send-as',
            `Let the app send as ${req.fromAddress}`,
            cmdlets.addRecipientPermission(req.fromAddress, req.servicePrincipalObjectId),
            {
              bindServicePrincipal: 'Trustee',
              expressions: { Trustee: who },
            },
          ),
        ]
      : [];
  if (req.model.kind === 'mailbox-permission') {
    const grant = planStep(
      'grant-full-access',
      `Give the app Full Access to ${req.mailbox}`,
      cmdlets.addMailboxPermission(req.mailbox, req.servicePrincipalObjectId),
      {
        bindServicePrincipal: 'User',
        expressions: { User: who },
      },
    );
    return { steps: [grant, ...sendAs], found: [] };
  }
  if (state?.rbacInScope)
    return { steps: sendAs, found: [`An App RBAC role already lets the app send from ${req.mailbox}.`] };
  const group = req.model.kind === 'rbac-group' ? req.model.group : undefined;
  const filter = group
    ? `MemberOfGroup -eq '${state?.groupDn ?? `<distinguished name of ${group}>`}'`
    : `PrimarySmtpAddress -eq '${req.mailbox}'`;
  const scope = name64(`SMTP send: ${group ?? req.mailbox}`);
  return {
    steps: [
      planStep(
        'new-management-scope',
        `Create the scope "${scope}" (${group ? `members of ${group}` : req.mailbox})`,
        cmdlets.newManagementScope(scope, filter),
      ),
      planStep(
        'new-role-assignment',
        `Let the app send as any mailbox in "${scope}" (role Application SMTP.SendAsApp)`,
        cmdlets.newManagementRoleAssignment(
          req.servicePrincipalObjectId,
          scope,
          name64(`SMTP.SendAsApp ${req.displayName} ${group ?? req.mailbox}`),
        ),
      ),
      ...sendAs,
    ],
    found: [],
  };
}

function smtpAuthSteps(req: AppAccessRequest, state?: AppAccessState): { steps: PlanStep[]; found: string[] } {
  const off =
    !state || state.mailboxSmtpDisabled === true || (state.mailboxSmtpDisabled === null && state.tenantSmtpDisabled);
  if (!off) return { steps: [], found: [`SMTP AUTH is on for ${req.mailbox}.`] };
  return {
    steps: [
      planStep(
        'enable-smtp-auth',
        `Turn SMTP AUTH on for ${req.mailbox} only`,
        cmdlets.setCasMailbox(req.mailbox, false),
      ),
    ],
    found: [],
  };
}

export function planAppAccess(req: AppAccessRequest, state?: AppAccessState, adminUpn?: string): ExchangePlan {
  const parts = [servicePrincipalSteps(req, state), accessSteps(req, state), smtpAuthSteps(req, state)];
  const notes =
    isRbac(req.model) && req.tokenHasSendAsAppRole
      ? [
          "The app's token carries the SMTP.SendAsApp application permission. With it, Exchange checks mailbox permissions (Full Access) and ignores App RBAC scopes: remove that permission from the app registration, or choose Full Access instead.",
        ]
      : [];
  const blocked =
    req.model.kind === 'rbac-group' && state && !state.groupDn
      ? `Exchange did not return the distinguished name of ${req.model.group}.`
      : undefined;
  return buildPlan({
    kind: 'give-access',
    title:
      req.model.kind === 'rbac-group'
        ? `Give the app access to the members of ${req.model.group}`
        : `Give the app access to ${req.mailbox}`,
    cloud: req.cloud,
    steps: parts.flatMap((p) => p.steps),
    found: parts.flatMap((p) => p.found),
    notes,
    ...(adminUpn ? { adminUpn } : {}),
    ...(blocked ? { blocked } : {}),
  });
}
