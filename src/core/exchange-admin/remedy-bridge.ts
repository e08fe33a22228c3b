import type { ExchangeCmdlet } from '../../shared/exchange-plan';
import type { Problem } from '../../shared/problem';
import { cmdlets } from './cmdlets';

/**
 * TEMPORARY until the diagnoses carry their own `exchange` remedy (issue 16, branch diagnose):
 * the Exchange cmdlets that fix the SMTP diagnoses with an Exchange command, by code. Replaced by
 * `problem.remedy.cmdlets` at the merge; kept to the codes main's diagnoses have today.
 */
export interface BridgeContext {
  readonly mailbox: string;
  readonly fromAddress: string;
  readonly appId?: string;
  readonly flow: 'delegated' | 'app-only';
}

const SP = '<Enterprise application object ID>';

export function exchangeCmdletsFor(p: Problem, ctx: BridgeContext): readonly ExchangeCmdlet[] | undefined {
  const grantApp = (): ExchangeCmdlet => ({ ...cmdlets.addMailboxPermission(ctx.mailbox, SP), unknown: ['User'] });
  switch (p.code) {
    case 'SMTP_535_5.7.139_MAILBOX_DISABLED':
    case 'SMTP_535_5.7.139':
      return [cmdlets.setCasMailbox(ctx.mailbox, false)];
    case 'SMTP_535_5.7.139_TENANT_DISABLED':
      return [cmdlets.setCasMailbox(ctx.mailbox, false), cmdlets.setTransportConfig(false)];
    case 'SMTP_430_4.2.0':
      return [grantApp()];
    case 'SMTP_535_5.7.3_APP_NOT_ALLOWED':
      return ctx.appId
        ? [{ ...cmdlets.newServicePrincipal(ctx.appId, SP, ctx.appId), unknown: ['ObjectId'] }, grantApp()]
        : undefined;
    case 'SMTP_554_5.2.252':
    case 'SMTP_550_5.7.60':
      if (ctx.fromAddress.toLowerCase() === ctx.mailbox.toLowerCase()) return undefined;
      return ctx.flow === 'app-only'
        ? [{ ...cmdlets.addRecipientPermission(ctx.fromAddress, SP), unknown: ['Trustee'] }]
        : [cmdlets.addRecipientPermission(ctx.fromAddress, ctx.mailbox)];
    default:
      return undefined;
  }
}
