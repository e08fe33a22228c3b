import type { ExchangePlan } from '../../shared/exchange-plan';
import type { CloudId } from '../../shared/profile';
import { cmdlets, readSmtpSwitch } from './cmdlets';
import { buildPlan, planStep } from './plan';
import type { ExchangeAdminPort } from './rest-client';

/**
 * SMTP AUTH for a delegated mailbox (reference §7.5, §14.2.4-5): the mailbox switch ($true off,
 * $false on, $null follow the organisation) and the organisation's. The fix is always the
 * mailbox's own switch: turning it on for one mailbox keeps it off for everyone else.
 */
export interface SmtpAuthState {
  readonly mailbox: string;
  readonly mailboxSmtpDisabled: boolean | null;
  readonly tenantSmtpDisabled: boolean;
  /** What Exchange applies: the mailbox setting, else the organisation's. */
  readonly enabled: boolean;
  /** The same in plain words. */
  readonly summary: string;
}

export async function checkSmtpAuth(
  port: ExchangeAdminPort,
  mailbox: string,
  signal?: AbortSignal,
): Promise<SmtpAuthState> {
  const mailboxSmtpDisabled = readSmtpSwitch((await port.invoke(cmdlets.getCasMailbox(mailbox), signal)).rows) ?? null;
  const tenantSmtpDisabled = readSmtpSwitch((await port.invoke(cmdlets.getTransportConfig(), signal)).rows) === true;
  const enabled = mailboxSmtpDisabled === null ? !tenantSmtpDisabled : !mailboxSmtpDisabled;
  const org = tenantSmtpDisabled ? 'off for the organisation' : 'on for the organisation';
  const summary =
    mailboxSmtpDisabled === null
      ? `SMTP AUTH is ${enabled ? 'on' : 'off'} for ${mailbox}: the mailbox follows the organisation's setting, which is ${org.replace(' for the organisation', '')}.`
      : `SMTP AUTH is ${enabled ? 'on' : 'off'} for ${mailbox} by the mailbox's own setting (it is ${org}).`;
  return { mailbox, mailboxSmtpDisabled, tenantSmtpDisabled, enabled, summary };
}

export function planEnableSmtpAuth(
  cloud: CloudId,
  mailbox: string,
  state?: SmtpAuthState,
  adminUpn?: string,
): ExchangePlan {
  const needed = !state || !state.enabled;
  return buildPlan({
    kind: 'enable-smtp-auth',
    title: `Switch SMTP AUTH on for ${mailbox} only`,
    cloud,
    steps: needed
      ? [
          planStep(
            'enable-smtp-auth',
            `Turn SMTP AUTH on for ${mailbox} only (the organisation's setting stays as it is)`,
            cmdlets.setCasMailbox(mailbox, false),
          ),
        ]
      : [],
    found: state ? [state.summary] : [],
    ...(adminUpn ? { adminUpn } : {}),
  });
}
