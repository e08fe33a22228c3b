import { problem, type Problem } from '../../shared/problem';
import { appRules } from './aadsts-app';
import type { AadstsRule, ProblemBody } from './aadsts-rule';
import { userRules } from './aadsts-user';
import { fill, type DiagnoseContext } from './context';
import { redactDetail } from '../redact';
import type { IdpError } from './server-error';

/** THE AADSTS table: every identity-provider error code the app explains. */
export const aadstsRules: Readonly<Record<number, AadstsRule>> = { ...appRules, ...userRules };

/** Codes that share a meaning: older numbers and variants. */
const ALIASES: Readonly<Record<number, number>> = {
  50148: 501481,
  90014: 900144,
  7000112: 65001,
  90072: 50020,
  50178: 50173,
};

/** When no AADSTS number came back (redirect errors, other servers): by OAuth `error`. */
const byError: Readonly<Record<string, AadstsRule>> = {
  access_denied: (f, ctx, e) => (aadstsRules[65004] as AadstsRule)(f, ctx, e),
  consent_required: (f, ctx, e) => (aadstsRules[65001] as AadstsRule)(f, ctx, e),
  interaction_required: () => ({
    title: 'Entra needs an interactive sign-in',
    explanation: 'A policy (MFA, Conditional Access, consent) requires the user to sign in again interactively.',
    fixSteps: ['Sign in again in this app; if the embedded window cannot complete it, use the system browser.'],
  }),
  login_required: () => ({
    title: 'No one is signed in',
    explanation: 'A silent sign-in needed an existing session.',
    fixSteps: ['Sign in interactively.'],
  }),
  invalid_client: (f) => ({
    title: 'Entra did not accept the app’s credential',
    explanation: 'The client secret or certificate was refused.',
    fixSteps: [`${f.appPath} → Certificates & secrets: create a new secret and paste its Value.`],
    field: 'clientSecret',
  }),
  invalid_scope: (f, ctx, e) => (aadstsRules[70011] as AadstsRule)(f, ctx, e),
  invalid_tenant: (f, ctx, e) => (aadstsRules[90002] as AadstsRule)(f, ctx, e),
  unauthorized_client: (f, ctx, e) => (aadstsRules[700016] as AadstsRule)(f, ctx, e),
  temporarily_unavailable: () => ({
    title: 'Microsoft’s sign-in service is temporarily unavailable',
    explanation: 'Entra answered that it cannot handle the request right now.',
    fixSteps: ['Wait a few minutes and try again. Check https://status.cloud.microsoft for incidents.'],
    retryable: true,
  }),
  server_error: () => ({
    title: 'Microsoft’s sign-in service had an internal error',
    explanation: 'Entra failed on its side; nothing in the profile needs to change.',
    fixSteps: ['Try again in a few minutes.'],
    retryable: true,
  }),
};

export function diagnoseIdpError(e: IdpError, ctx: DiagnoseContext = {}): Problem {
  const f = fill(ctx);
  const num = e.aadsts !== undefined ? (ALIASES[e.aadsts] ?? e.aadsts) : undefined;
  const rule =
    (num !== undefined ? aadstsRules[num] : undefined) ??
    byError[e.error] ??
    (e.status === 429 ? throttled : e.status && e.status >= 500 ? byError.server_error : undefined);
  const detail = redactDetail(e.description || e.error);
  const code = e.aadsts !== undefined ? `AADSTS${e.aadsts}` : `OAUTH_${e.error.toUpperCase()}`;
  if (!rule) {
    return problem({
      code,
      title: 'Microsoft’s sign-in service refused the request',
      explanation: `Entra answered “${e.error}”. The message from Microsoft is below; the app does not have a specific explanation for it yet.`,
      fixSteps: [
        `Look the code up at https://login.microsoftonline.com/error${e.aadsts !== undefined ? `?code=${e.aadsts}` : ''}.`,
        'Check Entra admin center → Identity → Monitoring & health → Sign-in logs for the failed sign-in; its details name the cause.',
      ],
      detail,
    });
  }
  const body: ProblemBody = rule(f, ctx, e);
  return problem({ ...body, code: body.code ?? code, detail });
}

const throttled: AadstsRule = () => ({
  title: 'Too many requests: Microsoft is throttling',
  explanation: 'Entra asked the app to slow down. The app already waited and retried.',
  fixSteps: ['Wait a few minutes and try again.'],
  retryable: true,
});
