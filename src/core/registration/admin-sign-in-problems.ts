import { GRAPH_COMMAND_LINE_TOOLS } from '../../shared/clouds';
import { problem, type Problem } from '../../shared/problem';
import type { RegisteredCode } from '../../shared/problem-codes';
import type { Profile } from '../../shared/profile';
import { toProblemError } from '../oauth/flow-support';
import type { BuiltApp } from '../oauth/msal-app';
import { ProblemError } from '../problem-error';

/**
 * Why the administrator could not sign in, in the words of this sign-in (reference §13.6.3):
 * the generic diagnosis talks about "your app", here it is the sign-in app the wizard borrows,
 * and the ways out are the admin's own sign-in app or the manual checklist.
 */

const OWN_APP_STEPS = [
  'Or use a sign-in app of your own: in the Entra admin center register an app (Mobile and desktop applications, redirect URI http://localhost, “Allow public client flows” Yes) with the delegated Microsoft Graph permissions Application.ReadWrite.All, DelegatedPermissionGrant.ReadWrite.All, AppRoleAssignment.ReadWrite.All, Application.Read.All and User.Read, grant admin consent, and enter its client ID under “Sign-in app”.',
  'Or choose “I’ll do it myself” and follow the checklist in the Entra admin center.',
];

function clientName(clientId: string): string {
  return clientId === GRAPH_COMMAND_LINE_TOOLS ? 'Microsoft Graph Command Line Tools' : `the sign-in app ${clientId}`;
}

type AdminProblem = Omit<Problem, 'code' | 'category' | 'commands' | 'retryable' | 'detail'> & {
  readonly code: RegisteredCode;
};

const overrides: Readonly<Record<string, (clientId: string) => AdminProblem>> = {
  AADSTS50105: (id) => ({
    code: 'ADMIN_CLIENT_BLOCKED',
    title: `Your organisation blocks ${clientName(id)} for your account`,
    explanation: `The wizard signs administrators in through ${clientName(id)}. Your tenant requires users to be assigned to it (Enterprise applications → Properties → “Assignment required”), and your account is not.`,
    fixSteps: [
      `Ask an administrator to assign you: Entra admin center → Enterprise applications → ${clientName(id)} → Users and groups → Add user/group.`,
      ...OWN_APP_STEPS,
    ],
  }),
  AADSTS65001: (id) => ({
    code: 'ADMIN_CLIENT_NEEDS_CONSENT',
    title: `${clientName(id)} has no consent in your organisation`,
    explanation: `Signing in worked, but nobody has consented to the Graph permissions ${clientName(id)} needs to create app registrations, and your tenant did not let you consent during the sign-in.`,
    fixSteps: [
      'Ask a Global Administrator, Privileged Role Administrator or Cloud Application Administrator to run “Create it for me” once and accept the consent page (“Consent on behalf of your organization”).',
      ...OWN_APP_STEPS,
    ],
  }),
  AADSTS90094: (id) => ({
    code: 'ADMIN_CLIENT_NEEDS_CONSENT',
    title: 'An administrator must consent first',
    explanation: `${clientName(id)} asks for Graph permissions only an administrator may consent to (Application.ReadWrite.All and others), and your account is not one.`,
    fixSteps: [
      'Sign in with an administrator account (Global Administrator, Privileged Role Administrator or Cloud Application Administrator), or ask one to consent once.',
      ...OWN_APP_STEPS,
    ],
  }),
  AADSTS90095: (id) => ({
    code: 'ADMIN_CLIENT_NEEDS_CONSENT',
    title: 'Your request for consent went to an administrator',
    explanation: `Your tenant uses the admin consent workflow: ${clientName(id)} may be used once an administrator approves your request.`,
    fixSteps: ['Wait for the approval e-mail, then press Continue.', ...OWN_APP_STEPS],
  }),
  AADSTS700016: (id) => ({
    code: 'ADMIN_CLIENT_NOT_FOUND',
    title: `${clientName(id)} does not exist in this cloud or tenant`,
    explanation:
      id === GRAPH_COMMAND_LINE_TOOLS
        ? 'Microsoft’s sign-in service did not find Microsoft Graph Command Line Tools here. Apps of the global cloud are not in the China cloud, and a custom authority may not know it.'
        : `No app with client ID ${id} was found: a typo, another tenant, or another cloud.`,
    fixSteps: [...OWN_APP_STEPS],
    field: 'adminClientId',
  }),
  AADSTS7000218: (id) => ({
    code: 'ADMIN_CLIENT_NOT_PUBLIC',
    title: `${clientName(id)} does not allow public client sign-in`,
    explanation: 'The wizard signs the administrator in without a secret, which the sign-in app must allow.',
    fixSteps: [
      'In that app registration: Authentication → “Allow public client flows” → Yes, and add the platform Mobile and desktop applications with http://localhost.',
    ],
    field: 'adminClientId',
  }),
  AADSTS50011: (id) => ({
    code: 'ADMIN_CLIENT_REDIRECT_MISSING',
    title: `${clientName(id)} does not accept http://localhost`,
    explanation: 'The sign-in comes back to this app at http://localhost, which the sign-in app does not list.',
    fixSteps: ['In that app registration: Authentication → Mobile and desktop applications → add http://localhost.'],
    field: 'adminClientId',
  }),
};

export function adminSignInProblem(e: unknown, profile: Profile, built?: BuiltApp): ProblemError {
  const generic = toProblemError(e, profile, 'authorize', built ? { net: built.net } : {});
  const override = overrides[generic.problem.code];
  if (!override) return generic;
  return new ProblemError(
    problem({ ...override(profile.clientId), ...(generic.problem.detail ? { detail: generic.problem.detail } : {}) }),
    {
      cause: e,
    },
  );
}
