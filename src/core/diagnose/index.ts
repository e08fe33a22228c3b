import { AuthError, ServerError } from '@azure/msal-node';
import { problem, type Problem } from '../../shared/problem';
import { isNetworkFailure, type NetworkFailure } from '../net/network-failure';
import { isProblemError } from '../problem-error';
import { redactDetail } from '../redact';
import { keychainProblem } from '../secrets/keychain-errors';
import { SecretStoreError } from '../secrets/secret-store';
import { diagnoseIdpError } from './aadsts';
import type { DiagnoseContext } from './context';
import { diagnoseNetwork } from './network';
import { IdpErrorResponse, aadstsIn } from './server-error';
import { diagnoseSmtp } from './smtp';

export type { DiagnoseStage } from './context';

export interface DiagnoseInput extends DiagnoseContext {
  /** The failure an MSAL network module recorded (MSAL hides it behind `network_error`). */
  readonly networkFailure?: NetworkFailure;
}

const NODEMAILER_CODES = new Set([
  'EAUTH',
  'ECONNECTION',
  'ETLS',
  'EENVELOPE',
  'EMESSAGE',
  'ESOCKET',
  'EDNS',
  'EPROTOCOL',
  'ETIMEDOUT',
  'EMAXLIMIT',
  'ENOAUTH',
]);

/**
 * The single entry: any failure -> the Problem a person reads. Dispatch order: already
 * diagnosed; SMTP (to diagnoseSmtp in ./smtp.ts, owned by the SMTP part); network;
 * identity-provider answers; MSAL's own client-side checks; anything else.
 */
export function diagnose(error: unknown, context: DiagnoseInput = {}): Problem {
  if (isProblemError(error)) return error.problem;
  if (error instanceof SecretStoreError) return keychainProblem(error);
  if (context.smtp && (context.stage === 'smtp' || looksLikeSmtpError(error))) return diagnoseSmtp(error, context.smtp);
  const net = findNetworkFailure(error);
  if (net) return diagnoseNetwork(net, context);
  if (error instanceof IdpErrorResponse) return diagnoseIdpError(error.idp, context);
  if (error instanceof AuthError) return diagnoseMsal(error, context);
  return problem({
    code: 'UNEXPECTED',
    title: 'Something unexpected went wrong',
    explanation:
      'The app hit an error it does not know how to explain. Nothing you typed was lost. The technical detail below helps support.',
    fixSteps: [
      'Try again. If it keeps failing, copy the support report (it contains no secrets) and send it to your IT contact.',
    ],
    remedy: { kind: 'support-report' },
    detail: redactDetail(error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 300),
  });
}

function looksLikeSmtpError(e: unknown): boolean {
  if (e === null || typeof e !== 'object') return false;
  const o = e as { responseCode?: unknown; code?: unknown; command?: unknown };
  return (
    typeof o.responseCode === 'number' || (typeof o.code === 'string' && NODEMAILER_CODES.has(o.code) && 'command' in o)
  );
}

function findNetworkFailure(e: unknown): NetworkFailure | undefined {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    if (isNetworkFailure(cur)) return cur;
    cur = cur instanceof Error ? cur.cause : undefined;
  }
  return undefined;
}

function diagnoseMsal(e: AuthError, ctx: DiagnoseInput): Problem {
  const aadsts = aadstsIn(e.errorMessage) ?? (e instanceof ServerError && e.errorNo ? Number(e.errorNo) : undefined);
  if (e instanceof ServerError || aadsts !== undefined) {
    return diagnoseIdpError(
      {
        error: e.errorCode,
        aadsts,
        suberror: e.subError || undefined,
        description: e.errorMessage,
        status: e instanceof ServerError ? e.status : undefined,
      },
      ctx,
    );
  }
  const networkish = [
    'network_error',
    'endpoints_resolution_error',
    'openid_config_error',
    'untrusted_authority',
    'no_network_connectivity',
  ];
  if (networkish.includes(e.errorCode) && ctx.networkFailure) return diagnoseNetwork(ctx.networkFailure, ctx);
  switch (e.errorCode) {
    case 'state_mismatch':
    case 'state_not_found':
      return stateMismatch();
    case 'nonce_mismatch':
      return problem({
        code: 'NONCE_MISMATCH',
        title: 'The sign-in answer does not belong to this sign-in',
        explanation: 'The ID token carried a different nonce: the answer was replayed or came from another attempt.',
        fixSteps: ['Close other sign-in windows and sign in again.'],
        retryable: true,
      });
    case 'authority_uri_insecure':
      return problem({
        code: 'AUTHORITY_INSECURE',
        title: 'The sign-in address must use https',
        explanation: 'Sign-in over plain http is refused.',
        fixSteps: ['Use an https authority host.'],
        field: 'customAuthorityHost',
      });
    case 'endpoints_resolution_error':
    case 'untrusted_authority':
      return problem({
        code: 'AUTHORITY_UNKNOWN',
        title: 'The sign-in service could not be found at this address',
        explanation:
          'The authority did not publish the OpenID configuration a Microsoft sign-in service has: wrong cloud, wrong host or wrong tenant.',
        fixSteps: ['Check Cloud, Authority host and Tenant.'],
        field: 'tenant',
        detail: redactDetail(e.errorMessage).slice(0, 300),
      });
    default:
      return problem({
        code: `MSAL_${e.errorCode.toUpperCase().replace(/[^A-Z0-9_]/g, '_')}`,
        category: 'environment',
        title: 'The sign-in library reported an error',
        explanation: 'MSAL stopped the sign-in before a token came back.',
        fixSteps: ['Try again; if it persists, send the support report.'],
        remedy: { kind: 'support-report' },
        detail: redactDetail(e.errorMessage).slice(0, 300),
      });
  }
}

export function stateMismatch(): Problem {
  return problem({
    code: 'STATE_MISMATCH',
    title: 'The sign-in answer was refused: it does not belong to this sign-in',
    explanation:
      'The “state” value that came back differs from the one this app sent. That happens when an old sign-in tab finishes late, or when someone tries to slip a sign-in of their own into yours.',
    fixSteps: ['Close all other sign-in windows and tabs, then sign in again.'],
    retryable: true,
  });
}
