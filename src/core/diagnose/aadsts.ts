import { problem, type Problem } from '../../shared/problem';
import { accessRules } from './aadsts-access';
import { appRules } from './aadsts-app';
import { policyRules } from './aadsts-policy';
import { requestRules } from './aadsts-request';
import type { AadstsRule, RuleBody } from './aadsts-rule';
import { tokenRules } from './aadsts-tokens';
import { fill, type DiagnoseContext } from './context';
import { microsoftWords } from './microsoft-words';
import type { IdpError } from './server-error';

/** THE AADSTS table: every identity-provider error code the app explains, each row naming its codes. */
export const aadstsRules: readonly AadstsRule[] = [
  ...appRules,
  ...accessRules,
  ...policyRules,
  ...requestRules,
  ...tokenRules,
];

const byCode: ReadonlyMap<number, AadstsRule> = (() => {
  const map = new Map<number, AadstsRule>();
  for (const rule of aadstsRules)
    for (const code of rule.codes) {
      if (map.has(code)) throw new Error(`AADSTS${code} is claimed by two rules`);
      map.set(code, rule);
    }
  return map;
})();

/** The rule that explains this AADSTS number, if the app knows it. */
export const ruleFor = (aadsts: number): AadstsRule | undefined => byCode.get(aadsts);

/**
 * When no AADSTS number came back (a redirect with only `error=`, another identity provider):
 * the OAuth `error` name decides, but only with what that name itself means.
 */
const byError: Readonly<Record<string, AadstsRule>> = {
  consent_required: byCode.get(65001) as AadstsRule,
  invalid_scope: byCode.get(70011) as AadstsRule,
  invalid_tenant: byCode.get(90002) as AadstsRule,
  interaction_required: {
    codes: [],
    category: 'setup',
    remedy: { kind: 'sign-in-again' },
    explain: () => ({
      title: 'Entra needs an interactive sign-in',
      explanation: 'A policy (MFA, Conditional Access, consent) requires the user to sign in again interactively.',
      fixSteps: ['Sign in again in this app; if the embedded window cannot complete it, use the system browser.'],
    }),
  },
  login_required: {
    codes: [],
    category: 'setup',
    remedy: { kind: 'sign-in-again' },
    explain: () => ({
      title: 'No one is signed in',
      explanation: 'A silent sign-in needed an existing session.',
      fixSteps: ['Sign in interactively.'],
    }),
  },
  temporarily_unavailable: {
    codes: [],
    category: 'transient',
    explain: () => ({
      title: 'Microsoft’s sign-in service is temporarily unavailable',
      explanation: 'Entra answered that it cannot handle the request right now.',
      fixSteps: ['Wait a few minutes and try again. Check https://status.cloud.microsoft for incidents.'],
    }),
  },
  server_error: {
    codes: [],
    category: 'transient',
    explain: () => ({
      title: 'Microsoft’s sign-in service had an internal error',
      explanation: 'Entra failed on its side; nothing in the profile needs to change.',
      fixSteps: ['Try again in a few minutes.'],
    }),
  },
};

const throttled: AadstsRule = {
  codes: [],
  category: 'transient',
  explain: () => ({
    title: 'Too many requests: Microsoft is throttling',
    explanation: 'Entra asked the app to slow down. The app already waited and retried.',
    fixSteps: ['Wait a few minutes and try again.'],
  }),
};

/**
 * One generic sentence per OAuth `error` (what RFC 6749 and Microsoft's table say the name
 * means): all an unknown AADSTS code may borrow from the `error` field.
 */
const GENERIC: Readonly<Record<string, string>> = {
  invalid_request: 'Entra found the request itself faulty.',
  invalid_grant: 'Entra refused the sign-in material (authorization code or refresh token).',
  invalid_client: 'Entra did not accept how the app identified itself.',
  unauthorized_client: 'Entra does not let this app make this kind of request.',
  access_denied: 'Entra or the user denied the request.',
  invalid_scope: 'Entra refused the requested scopes.',
  invalid_resource: 'Entra refused the requested resource.',
  interaction_required: 'Entra needs the user to sign in interactively.',
  temporarily_unavailable: 'Entra says it is temporarily unable to answer.',
  server_error: 'Entra failed on its side.',
};

export function diagnoseIdpError(e: IdpError, ctx: DiagnoseContext = {}): Problem {
  const f = fill(ctx);
  const words = microsoftWords(e.description || e.error);
  if (e.aadsts !== undefined) {
    const rule = byCode.get(e.aadsts);
    return rule ? fromRule(rule, `AADSTS${e.aadsts}`, e, ctx, words.detail) : unknownCode(e, e.aadsts, ctx, words);
  }
  const rule =
    byError[e.error] ?? (e.status === 429 ? throttled : e.status && e.status >= 500 ? byError.server_error : undefined);
  const code = `OAUTH_${e.error.toUpperCase().replace(/[^A-Z0-9_]/g, '_')}` as const;
  if (rule) return fromRule(rule, code, e, ctx, words.detail);
  return problem({
    code,
    category: 'setup',
    title: `The sign-in service refused the request (“${e.error}”)`,
    explanation: `${GENERIC[e.error] ?? 'The sign-in service refused the request.'} It gave no AADSTS code, and this app has no explanation for “${e.error}” alone.${words.quote ? ` Its words: “${words.quote}”.` : ''}`,
    fixSteps: [
      `Check Entra admin center (${f.portal}) → Identity → Monitoring & health → Sign-in logs for the failed sign-in; its details name the cause.`,
      'Copy the support report (it has no secrets) and send it to your IT contact.',
    ],
    remedy: { kind: 'support-report' },
    detail: words.detail,
  });

  function fromRule(
    r: AadstsRule,
    c: `AADSTS${number}` | `OAUTH_${string}`,
    err: IdpError,
    context: DiagnoseContext,
    detail: string,
  ): Problem {
    const body: RuleBody = r.explain(f, context, err);
    const remedy = body.remedy ?? r.remedy;
    return problem({ ...body, code: c, category: r.category, ...(remedy ? { remedy } : {}), detail });
  }
}

/**
 * A code no rule explains: say so, quote Microsoft's words (redacted; the trace and
 * correlation IDs kept, since Microsoft support asks for them) and link Microsoft's own
 * lookup page on the profile's cloud. The `error` field adds one generic sentence only.
 */
function unknownCode(
  e: IdpError,
  aadsts: number,
  ctx: DiagnoseContext,
  words: ReturnType<typeof microsoftWords>,
): Problem {
  const f = fill(ctx);
  const lookup = `${f.authorityHost}/error?code=${aadsts}`;
  const transient =
    e.error === 'temporarily_unavailable' || e.status === 429 || (e.status !== undefined && e.status >= 500);
  return problem({
    code: `AADSTS${aadsts}`,
    category: transient ? 'transient' : 'setup',
    title: `Entra refused the request with AADSTS${aadsts}, a code this app does not know`,
    explanation: `${GENERIC[e.error] ?? 'Entra refused the request.'} This app has no explanation of its own for AADSTS${aadsts}, so it does not guess one. Microsoft’s description: “${words.quote || e.error}”.`,
    fixSteps: [
      `Look the code up on Microsoft’s error page: ${lookup}`,
      `Check Entra admin center (${f.portal}) → Identity → Monitoring & health → Sign-in logs for the failed sign-in; its details name the cause.`,
      'Copy the support report (it keeps the trace ID below and has no secrets) and send it to your IT contact or Microsoft support.',
    ],
    remedy: { kind: 'support-report' },
    detail: words.detail,
  });
}
