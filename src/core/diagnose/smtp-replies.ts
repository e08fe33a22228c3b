import { problem, type Problem, type ProblemCategory } from '../../shared/problem';
import {
  exchangeFix,
  enableMailboxSmtpAuth,
  enableTenantSmtpAuth,
  grantFullAccess,
  grantSendAs,
  SP_OBJECT_ID_PLACEHOLDER,
} from './smtp-commands';
import type { FactsContext } from './smtp-context';
import { sameMailbox } from '../../shared/mailbox-address';

/**
 * Exchange's SMTP replies other than the OAuth 535 5.7.3, each with its fix. Texts and
 * codes from the protocol reference §7.5–7.7; the 5.7.139 variants differ only in words,
 * so the words are matched.
 */

export function smtpAuthDisabled(ctx: FactsContext, text: string, detail: string): Problem {
  const mailbox = ctx.authUser;
  const uiPath = `Microsoft 365 admin center → Users → Active users → ${mailbox} → Mail → Manage email apps → tick "Authenticated SMTP".`;
  if (/disabled for the tenant/i.test(text)) {
    return problem({
      detail,
      code: 'SMTP_535_5.7.139_TENANT_DISABLED',
      title: 'SMTP AUTH is turned off for the whole organisation',
      explanation:
        'The tenant blocks authenticated SMTP (the default for organisations created after January 2020). This also blocks OAuth logins, not only passwords. Turning it on for this one mailbox is enough and keeps it off for everyone else.',
      fixSteps: [
        uiPath,
        'Or, to allow it for every mailbox, turn it on tenant-wide (second command).',
        'Wait a few minutes, then verify again.',
      ],
      ...exchangeFix(enableMailboxSmtpAuth(mailbox), enableTenantSmtpAuth()),
    });
  }
  if (/disabled for the mailbox/i.test(text)) {
    return problem({
      detail,
      code: 'SMTP_535_5.7.139_MAILBOX_DISABLED',
      title: `SMTP AUTH is turned off for ${mailbox}`,
      explanation: `Authenticated SMTP is disabled on ${mailbox} itself. The mailbox setting overrides the organisation's, and it blocks OAuth logins too.`,
      fixSteps: [uiPath, 'Wait a few minutes, then verify again.'],
      ...exchangeFix(enableMailboxSmtpAuth(mailbox)),
      field: 'mailbox',
    });
  }
  if (/security defaults/i.test(text)) {
    return problem({
      detail,
      code: 'SMTP_535_5.7.139_SECURITY_DEFAULTS',
      title: "The organisation's security defaults block SMTP AUTH",
      explanation:
        'Security defaults turn off authenticated SMTP for every account. A per-mailbox setting cannot override them.',
      fixSteps: [
        'Microsoft Entra admin center → Identity → Overview → Properties → Manage security defaults → Disabled (an admin should replace them with Conditional Access policies first).',
        `Then enable Authenticated SMTP for ${mailbox} (command below).`,
      ],
      ...exchangeFix(enableMailboxSmtpAuth(mailbox)),
    });
  }
  if (/did not meet the criteria/i.test(text)) {
    return problem({
      detail,
      code: 'SMTP_535_5.7.139_CONDITIONAL_ACCESS',
      title: 'A Conditional Access policy blocks this login',
      explanation:
        'The login reached Exchange, but a Conditional Access policy (often one that blocks legacy authentication or requires a compliant device or location) refused it.',
      fixSteps: [
        `Microsoft Entra admin center → Monitoring → Sign-in logs → filter on ${mailbox}: the failed sign-in names the policy.`,
        "Exclude this mailbox (or the sending server's IP range as a named location) from that policy, or change its conditions.",
      ],
    });
  }
  if (/credentials were incorrect|basic authentication is disabled/i.test(text)) {
    return problem({
      detail,
      code: 'SMTP_535_5.7.139_BASIC_AUTH',
      title: 'A password login was tried instead of OAuth',
      explanation:
        'Exchange answered a username/password (Basic) login. Basic authentication for SMTP is being retired; the target system must log in with XOAUTH2 and an access token.',
      fixSteps: ['Configure the target system for OAuth2 (XOAUTH2) as shown in the export step of this wizard.'],
    });
  }
  return problem({
    detail,
    code: 'SMTP_535_5.7.139',
    title: 'Exchange refused the login by policy',
    explanation:
      'Exchange refused the login for a policy reason (SMTP AUTH disabled, security defaults or Conditional Access). The server text below names it.',
    fixSteps: [
      `Check that Authenticated SMTP is enabled for ${mailbox}.`,
      'Check the Entra sign-in logs for the failed login.',
    ],
    ...exchangeFix(enableMailboxSmtpAuth(mailbox)),
  });
}

/**
 * Who needs Send As: Exchange names both in its reply ("<auth user> not allowed to send as
 * <from>"); that beats our guess (the login mailbox), which is wrong when a delegate's
 * session counts as the delegate rather than the mailbox.
 */
export function sendAsDenied(
  ctx: FactsContext,
  code: `SMTP_${number}` | `SMTP_${number}_${number}.${number}.${number}`,
  category: ProblemCategory,
  text: string,
  detail: string,
): Problem {
  const named = /SendAsDenied;\s*(\S+@\S+)\s+not allowed to send as\s+([^\s;]+)/i.exec(text);
  const from = named?.[2] ?? ctx.fromAddress;
  // "X not allowed to send as X" happens when a delegate logs in to a shared mailbox: the
  // right is checked for the delegate, so the signed-in user is the one to name.
  const reported = named?.[1] ?? ctx.authUser;
  const delegate = ctx.token?.kind === 'delegated' ? ctx.token.user : undefined;
  const trustee = delegate && sameMailbox(reported, from) ? delegate : reported;
  return problem({
    detail,
    code,
    category,
    title: `${trustee} may not send as ${from}`,
    explanation: `The login as ${ctx.authUser} worked, but the message's From address is ${from}. Exchange only lets ${trustee} send with another address when it has Send As rights on it, and checks that after the message was transferred.`,
    fixSteps: [
      `Give ${trustee} Send As on ${from} (command below), or send From ${ctx.authUser}.`,
      `Exchange admin center → Recipients → Mailboxes → ${from} → Delegation → Send as → add ${trustee}.`,
      'Rights can take up to an hour to apply.',
    ],
    ...exchangeFix(grantSendAs(from, trustee)),
    field: 'fromAddress',
  });
}

export function mailboxLogonFailed(ctx: FactsContext, detail: string): Problem {
  const t = ctx.token;
  const mailbox = ctx.authUser;
  const appOnly = (t?.kind ?? (ctx.profile.flow === 'app-only' ? 'app-only' : 'delegated')) === 'app-only';
  const who = appOnly ? (t?.objectId ?? SP_OBJECT_ID_PLACEHOLDER) : (t?.user ?? '<signed-in user>');
  return problem({
    detail,
    code: 'SMTP_430_4.2.0',
    category: 'setup',
    title: appOnly ? `The app has no access to ${mailbox}` : `The signed-in user cannot open ${mailbox}`,
    explanation: appOnly
      ? `Exchange accepted the app's token but could not open ${mailbox} for it: the app's service principal has no Full Access permission on that mailbox.`
      : `Exchange could not open ${mailbox} for ${who}: that user has no Full Access permission on it.`,
    fixSteps: [
      `Give ${appOnly ? 'the service principal (Enterprise application object ID)' : who} Full Access to ${mailbox} (command below).`,
      'Permissions can take up to an hour to apply; then verify again.',
    ],
    ...exchangeFix(grantFullAccess(mailbox, who)),
    field: 'mailbox',
  });
}
