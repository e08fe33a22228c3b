import { allExchangeResources, clouds, EXCHANGE_APP_ID } from '../../shared/clouds';
import { problem, type Problem } from '../../shared/problem';
import type { RegisteredCode } from '../../shared/problem-codes';
import {
  exchangeFix,
  findServicePrincipal,
  grantFullAccess,
  registerServicePrincipal,
  SP_OBJECT_ID_PLACEHOLDER,
} from './smtp-commands';
import type { FactsContext, SmtpTokenFacts } from './smtp-context';
import { sameMailbox } from '../../shared/mailbox-address';

/**
 * `535 5.7.3 Authentication unsuccessful` is Exchange's one answer to every OAuth problem.
 * The server says nothing more, so the token decides which cause comes first: a token
 * that is expired, for the wrong API or lacks the permission is named as such; only a
 * token that looks right points at the Exchange side (service principal, mailbox rights).
 */

const GRAPH_AUDIENCES = [
  'https://graph.microsoft.com',
  '00000003-0000-0000-c000-000000000000',
  'https://graph.microsoft.us',
  'https://dod-graph.microsoft.us',
  'https://microsoftgraph.chinacloudapi.cn',
];

const norm = (s: string): string => s.trim().toLowerCase().replace(/\/+$/, '');

const isGraph = (aud: string): boolean => GRAPH_AUDIENCES.some((g) => norm(g) === norm(aud));
const isExchange = (aud: string): boolean =>
  norm(aud) === norm(EXCHANGE_APP_ID) || allExchangeResources.some((r) => norm(r) === norm(aud));

const hasScope = (t: SmtpTokenFacts, name: string): boolean =>
  t.scopes.some((s) => norm(s.split('/').pop() ?? s) === norm(name));
const hasRole = (t: SmtpTokenFacts, name: string): boolean => t.roles.some((r) => norm(r) === norm(name));

const CODE = 'SMTP_535_5.7.3';

/** The codes of what the token itself shows; Exchange's 535 5.7.3 keeps its own spelling. */
type Fault = 'TOKEN_EXPIRED' | 'WRONG_AUDIENCE' | 'OTHER_CLOUD' | 'MISSING_SCOPE' | 'MISSING_APP_ROLE';
const FAULT_CODES = {
  exchange535: {
    TOKEN_EXPIRED: 'SMTP_535_5.7.3_TOKEN_EXPIRED',
    WRONG_AUDIENCE: 'SMTP_535_5.7.3_WRONG_AUDIENCE',
    OTHER_CLOUD: 'SMTP_535_5.7.3_OTHER_CLOUD',
    MISSING_SCOPE: 'SMTP_535_5.7.3_MISSING_SCOPE',
    MISSING_APP_ROLE: 'SMTP_535_5.7.3_MISSING_APP_ROLE',
  },
  other: {
    TOKEN_EXPIRED: 'SMTP_TOKEN_EXPIRED',
    WRONG_AUDIENCE: 'SMTP_TOKEN_WRONG_AUDIENCE',
    OTHER_CLOUD: 'SMTP_TOKEN_OTHER_CLOUD',
    MISSING_SCOPE: 'SMTP_TOKEN_MISSING_SCOPE',
    MISSING_APP_ROLE: 'SMTP_TOKEN_MISSING_APP_ROLE',
  },
} as const satisfies Record<string, Record<Fault, RegisteredCode>>;

export function diagnoseAuth573(ctx: FactsContext, detail: string): Problem {
  const t = ctx.token;
  const mailbox = ctx.authUser;
  const base = { detail };

  if (!t) {
    return problem({
      ...base,
      code: CODE,
      title: 'Exchange rejected the access token',
      explanation:
        'Exchange answers "535 5.7.3" for every OAuth problem without saying which. The token could not be read here, so check in this order.',
      fixSteps: [
        'Request the token for Exchange (https://outlook.office.com/SMTP.Send, or https://outlook.office365.com/.default for app-only), not for Microsoft Graph.',
        `Sign in as ${mailbox}, or as a user with Full Access to it.`,
        'For app-only: register the service principal in Exchange and give it Full Access to the mailbox.',
        'Changes in Exchange can take up to an hour to apply.',
      ],
    });
  }

  const fault = tokenFault(ctx, detail, 'exchange535');
  if (fault) return fault;
  if (t.kind === 'delegated') return delegatedCause(t, ctx, detail);
  return appOnlyCause(t, ctx, detail);
}

/**
 * What the token itself shows is wrong (expired, another API's, another cloud's, without
 * the SMTP permission), whatever the server's reply: the one cause the app knows for sure.
 * `replyKind` picks the code: Exchange's 535 5.7.3, or any other refusal.
 */
export function tokenFault(
  ctx: FactsContext,
  detail: string,
  replyKind: keyof typeof FAULT_CODES = 'other',
): Problem | undefined {
  const t = ctx.token;
  if (!t) return undefined;
  const codes = FAULT_CODES[replyKind];
  const base = { detail };
  if (t.expiresAt !== undefined && t.expiresAt <= (ctx.now ?? Date.now())) {
    return problem({
      ...base,
      code: codes.TOKEN_EXPIRED,
      title: 'The access token has expired',
      explanation: 'Access tokens live about an hour. This one was past its expiry when it was sent to Exchange.',
      fixSteps: [
        'Get a fresh access token (redeem the refresh token or request a new client-credentials token) and verify again.',
      ],
      remedy: { kind: 'fresh-token' },
      // Trying again with this same token cannot work; a new token can.
      retryable: false,
    });
  }

  if (t.audience !== undefined && !isExchange(t.audience)) {
    const graph = isGraph(t.audience);
    return problem({
      ...base,
      code: codes.WRONG_AUDIENCE,
      title: graph ? 'The token is for Microsoft Graph, not Exchange' : `The token is for ${t.audience}, not Exchange`,
      explanation: graph
        ? 'The token was issued for Microsoft Graph. Exchange SMTP only accepts tokens issued for Exchange (audience https://outlook.office.com). This happens when Graph scopes such as User.Read come first in the request, or when SMTP.Send is requested as https://graph.microsoft.com/SMTP.Send.'
        : `Exchange SMTP only accepts tokens issued for Exchange, but this token's audience is ${t.audience}.`,
      fixSteps:
        t.kind === 'app-only'
          ? ['Request the token with the single scope https://outlook.office365.com/.default.']
          : [
              'Request only Exchange scopes: https://outlook.office.com/SMTP.Send offline_access.',
              'Remove Graph scopes (User.Read, Mail.Send on graph.microsoft.com) from this request: one token is issued for one API.',
            ],
      field: 'scopes',
    });
  }

  const cloud = clouds[ctx.profile.cloud];
  if (t.audience !== undefined && !cloud.exchangeAudiences.some((a) => norm(a) === norm(t.audience ?? ''))) {
    return problem({
      ...base,
      code: codes.OTHER_CLOUD,
      title: `The token is for another cloud's Exchange (${t.audience})`,
      explanation: `This profile is for ${cloud.label}, whose Exchange expects tokens for ${cloud.exchangeAudiences.filter((a) => a.startsWith('https://')).join(' or ')}${cloud.resourcesConfirmed ? '' : ' (commonly used; Microsoft does not document it)'}. Each national cloud has its own sign-in authority, Exchange resource and SMTP host.`,
      fixSteps: [
        `Request the token from ${cloud.authorityHost || "the cloud's authority"} with ${t.kind === 'app-only' ? `${cloud.appOnlyResource}/.default` : `${cloud.delegatedResource}/SMTP.Send`}.`,
        'Or pick the cloud this tenant really lives in.',
      ],
      field: 'cloud',
    });
  }
  if (t.kind === 'delegated' && !hasScope(t, 'SMTP.Send')) {
    return problem({
      detail,
      code: codes.MISSING_SCOPE,
      title: 'The token does not carry the SMTP.Send permission',
      explanation: `The token's scopes are "${t.scopes.join(' ') || '(none)'}". Exchange needs SMTP.Send to accept a login over SMTP.`,
      fixSteps: [
        'In the app registration, add the delegated permission SMTP.Send (listed under Microsoft Graph in the portal, it is the Exchange permission).',
        'Grant admin consent, or let the user consent at sign-in.',
        'Request https://outlook.office.com/SMTP.Send and sign in again so a new token carries it.',
      ],
      field: 'scopes',
    });
  }
  if (t.kind === 'app-only' && !hasRole(t, 'SMTP.SendAsApp')) {
    return problem({
      detail,
      code: codes.MISSING_APP_ROLE,
      title: 'The app-only token lacks the SMTP.SendAsApp permission',
      explanation: `The token's application permissions are "${t.roles.join(' ') || '(none)'}". Sending over SMTP without a user needs SMTP.SendAsApp with admin consent.`,
      fixSteps: [
        'App registration → API permissions → Add a permission → APIs my organization uses → Office 365 Exchange Online → Application permissions → SMTP.SendAsApp.',
        'Grant admin consent, then request a new token.',
      ],
      field: 'scopes',
    });
  }
  return undefined;
}

function delegatedCause(t: SmtpTokenFacts, ctx: FactsContext, detail: string): Problem {
  const mailbox = ctx.authUser;
  if (t.user !== undefined && !sameMailbox(t.user, mailbox)) {
    return problem({
      detail,
      code: 'SMTP_535_5.7.3_USER_NOT_MAILBOX',
      title: `${t.user} signed in, but the login is for ${mailbox}`,
      explanation: `The token belongs to ${t.user}, and the SMTP login (XOAUTH2 user=) names ${mailbox}. Exchange accepts that only when ${t.user} has Full Access to ${mailbox} (shared mailboxes).`,
      fixSteps: [
        `If ${mailbox} is the account meant to send, sign in as ${mailbox}.`,
        `If ${mailbox} is a shared mailbox, give ${t.user} Full Access to it (commands below) and wait up to an hour.`,
      ],
      ...exchangeFix(grantFullAccess(mailbox, t.user)),
      field: 'mailbox',
    });
  }
  return problem({
    detail,
    code: CODE,
    title: 'Exchange rejected a token that looks right',
    explanation: `The token is for Exchange, carries SMTP.Send and belongs to ${t.user ?? 'the signed-in user'}. Exchange still refused it: the account may be disabled or unlicensed for Exchange, the token was revoked, or a recent change has not reached Exchange yet.`,
    fixSteps: [
      `Check that ${mailbox} has an Exchange Online licence and can sign in to Outlook on the web.`,
      'Sign in again to get a new token, then verify again.',
      'Changes in Exchange can take up to an hour to apply.',
    ],
  });
}

function appOnlyCause(t: SmtpTokenFacts, ctx: FactsContext, detail: string): Problem {
  const mailbox = ctx.authUser;
  const appId = t.appId ?? ctx.profile.clientId;
  const spId = t.objectId ?? SP_OBJECT_ID_PLACEHOLDER;
  return problem({
    detail,
    code: 'SMTP_535_5.7.3_APP_NOT_ALLOWED',
    title: `Exchange does not let this app log in to ${mailbox}`,
    explanation:
      'The token is right (Exchange audience, SMTP.SendAsApp). Exchange refuses it when the app has no service principal registered in Exchange Online, or that service principal has no Full Access to the mailbox. Use the Enterprise application object ID, not the App registration object ID.',
    fixSteps: [
      `Check whether Exchange knows the app: ${findServicePrincipal(appId)}.`,
      'If not, register it (first command below).',
      `Give it Full Access to ${mailbox} (second command), then wait up to an hour.`,
    ],
    ...exchangeFix(registerServicePrincipal(appId, spId), grantFullAccess(mailbox, spId)),
    field: 'mailbox',
  });
}
