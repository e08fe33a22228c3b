import type { ExchangeCmdlet, ExchangePlan, PlanStep } from '../../shared/exchange-plan';
import type { CloudId } from '../../shared/profile';
import { servicePrincipalIdentityOf } from './cmdlet';
import { cmdlets } from './cmdlets';
import { buildPlan, planStep } from './plan';

/**
 * "Fix it" on a diagnosis that carries Exchange cmdlets (SMTP AUTH off, no Full Access, no service
 * principal, Send As denied): its cmdlets become a plan, with the values the diagnosis could not know
 * filled from the profile (the app's service principal object ID) and the app's Exchange identity
 * looked up where a grant names it. The organisation-wide SMTP AUTH switch is left out when the
 * mailbox's own switch is in the list: this mailbox alone is enough.
 */

export interface KnownValues {
  readonly appId?: string;
  /** The Enterprise application's object ID (profile field, or the app-only token's `oid`). */
  readonly servicePrincipalObjectId?: string;
}

export interface FixRequest {
  readonly cloud: CloudId;
  /** The diagnosis's title, for the plan's heading. */
  readonly problemTitle: string;
  readonly cmdlets: readonly ExchangeCmdlet[];
  readonly known: KnownValues;
}

/** Parameters a diagnosis leaves unknown that the service principal's object ID answers. */
const SP_PARAMETERS = new Set(['ObjectId', 'User', 'Trustee', 'App']);

function fill(c: ExchangeCmdlet, known: KnownValues): { cmdlet: ExchangeCmdlet; missing: string[] } {
  const parameters = { ...c.parameters };
  const missing: string[] = [];
  for (const name of c.unknown ?? []) {
    if (SP_PARAMETERS.has(name) && known.servicePrincipalObjectId) parameters[name] = known.servicePrincipalObjectId;
    else if (name === 'AppId' && known.appId) parameters[name] = known.appId;
    else missing.push(name);
  }
  const { unknown: _drop, ...rest } = c;
  return { cmdlet: missing.length > 0 ? { ...rest, parameters, unknown: missing } : { ...rest, parameters }, missing };
}

const text = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) ? v.join(', ') : String(v));

function purpose(c: ExchangeCmdlet, appLabel: (v: string) => string): string {
  const p = c.parameters;
  switch (c.name) {
    case 'Set-CASMailbox':
      return `Turn SMTP AUTH ${p.SmtpClientAuthenticationDisabled === false ? 'on' : 'off'} for ${text(p.Identity)} only`;
    case 'Set-TransportConfig':
      return `Turn SMTP AUTH ${p.SmtpClientAuthenticationDisabled === false ? 'on' : 'off'} for the whole organisation`;
    case 'Add-MailboxPermission':
      return `Give ${appLabel(text(p.User))} Full Access to ${text(p.Identity)}`;
    case 'Add-RecipientPermission':
      return `Let ${appLabel(text(p.Trustee))} send as ${text(p.Identity)}`;
    case 'New-ServicePrincipal':
      return `Register the app ${text(p.AppId)} in Exchange with its Enterprise application object ID`;
    default:
      return `Run ${c.name}`;
  }
}

export function planFix(req: FixRequest, adminUpn?: string): ExchangePlan {
  const sp = req.known.servicePrincipalObjectId?.toLowerCase();
  const isApp = (v: unknown): boolean => sp !== undefined && typeof v === 'string' && v.toLowerCase() === sp;
  const appLabel = (v: string): string => (isApp(v) ? 'the app' : v);
  const hasMailboxSwitch = req.cmdlets.some((c) => c.name === 'Set-CASMailbox');
  const notes: string[] = [];
  const steps: PlanStep[] = [];
  const missing: string[] = [];
  let registered = false;
  let lookedUp = false;
  for (const [i, original] of req.cmdlets.entries()) {
    if (original.name === 'Set-TransportConfig' && hasMailboxSwitch) {
      notes.push('SMTP AUTH is switched on for this mailbox only; the organisation-wide setting is left as it is.');
      continue;
    }
    const { cmdlet, missing: m } = fill(original, req.known);
    missing.push(...m.map((name) => `-${name} of ${cmdlet.name}`));
    if (cmdlet.name === 'New-ServicePrincipal') registered = true;
    const grantParam =
      cmdlet.name === 'Add-MailboxPermission'
        ? 'User'
        : cmdlet.name === 'Add-RecipientPermission'
          ? 'Trustee'
          : undefined;
    const grantsApp = grantParam !== undefined && isApp(cmdlet.parameters[grantParam]) && req.known.appId !== undefined;
    if (grantsApp && !registered && !lookedUp) {
      steps.push(
        planStep(
          'look-up-service-principal',
          "Look up the app's identity in Exchange",
          cmdlets.getServicePrincipal(req.known.appId ?? ''),
          { alreadyIsDone: false },
        ),
      );
      lookedUp = true;
    }
    steps.push(
      planStep(`step-${i + 1}-${cmdlet.name.toLowerCase()}`, purpose(cmdlet, appLabel), cmdlet, {
        ...(grantsApp && grantParam
          ? {
              bindServicePrincipal: grantParam,
              expressions: { [grantParam]: servicePrincipalIdentityOf(req.known.appId ?? '') },
            }
          : {}),
      }),
    );
  }
  return buildPlan({
    kind: 'fix',
    title: `Fix: ${req.problemTitle}`,
    cloud: req.cloud,
    steps,
    notes,
    ...(adminUpn ? { adminUpn } : {}),
    ...(missing.length > 0 ? { blocked: `The app does not know the value of ${missing.join(', ')}.` } : {}),
  });
}
