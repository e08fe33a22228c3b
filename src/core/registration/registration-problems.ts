import { problem, type Problem } from '../../shared/problem';
import {
  accessDenied,
  isGraphError,
  secretLifetimeTooLong,
  secretsBlocked,
  type GraphRequestError,
} from '../graph/graph-error';
import { redactDetail } from '../redact';

/**
 * "Create it for me" failures in the app's usual form (what happened, why, the fix), from
 * Graph's answers (reference §13.2.2 roles, §13.3.3 policies, §13.4.3 throttling, §13.5).
 */

export type GraphStep =
  'read' | 'application' | 'credential' | 'servicePrincipal' | 'consent-delegated' | 'consent-application' | 'remove';

/** Roles that may do each step (§13.2.2), in the order an admin is most likely to have one. */
const ROLES: Readonly<Record<GraphStep, string>> = {
  read: 'Application Administrator, Cloud Application Administrator or Global Administrator',
  application: 'Application Developer, Cloud Application Administrator or Application Administrator',
  credential: 'Cloud Application Administrator or Application Administrator (or be the app’s owner)',
  servicePrincipal: 'Cloud Application Administrator or Application Administrator (or be the app’s owner)',
  'consent-delegated':
    'Cloud Application Administrator or Application Administrator (or Privileged Role Administrator)',
  'consent-application':
    'Cloud Application Administrator or Application Administrator (Privileged Role Administrator for Microsoft Graph’s own application permissions)',
  remove: 'Cloud Application Administrator or Application Administrator (or be the app’s owner)',
};

const WHAT: Readonly<Record<GraphStep, string>> = {
  read: 'read the directory',
  application: 'create the app registration',
  credential: 'add the credential',
  servicePrincipal: 'create the enterprise application (service principal)',
  'consent-delegated': 'grant admin consent for the organisation',
  'consent-application': 'grant the application permission (admin consent)',
  remove: 'remove the app registration',
};

export function graphDetail(e: GraphRequestError): string {
  return redactDetail(
    `${e.call} → ${e.status} ${e.code}: ${e.message}${e.requestId ? ` (request-id ${e.requestId})` : ''}`,
  ).slice(0, 500);
}

export function graphProblem(
  e: unknown,
  step: GraphStep,
  o: { customAdminClient: boolean; certificateAllowed: boolean },
): Problem | undefined {
  if (!isGraphError(e)) return undefined;
  const detail = graphDetail(e);
  if (accessDenied(e)) {
    return problem({
      code: 'GRAPH_ROLE_MISSING',
      title: `Your account may not ${WHAT[step]}`,
      explanation: `Microsoft Graph refused (403 Insufficient privileges). Creating this set-up needs an Entra role: ${ROLES[step]}. Global Administrator can always do it.${o.customAdminClient ? ' With your own sign-in app, it also needs the delegated Graph permissions Application.ReadWrite.All, DelegatedPermissionGrant.ReadWrite.All, AppRoleAssignment.ReadWrite.All and Application.Read.All, admin-consented.' : ''}`,
      fixSteps: [
        `Ask for the role (Entra admin center → Roles & admins → ${ROLES[step].split(' or ')[0] ?? 'Cloud Application Administrator'}), or ask someone who has it.`,
        'Then press Continue and sign in as that administrator: what already exists is reused.',
      ],
      detail,
    });
  }
  if (step === 'credential' && secretsBlocked(e)) {
    return problem({
      code: 'GRAPH_SECRETS_BLOCKED',
      title: 'Your organisation does not allow client secrets',
      explanation: 'An app management policy in your tenant refuses password credentials (client secrets) on new apps.',
      fixSteps: o.certificateAllowed
        ? [
            'Use a certificate instead: the app makes one on this computer, keeps its private key in the keychain and uploads only the public part.',
          ]
        : [
            'This mail system signs in with a client secret, so ask an administrator to exempt this app from the policy (Entra admin center → Entra ID → Enterprise applications → Application policies), then press Continue.',
          ],
      detail,
    });
  }
  if (step === 'credential' && secretLifetimeTooLong(e)) {
    return problem({
      code: 'GRAPH_SECRET_LIFETIME_POLICY',
      title: 'Your organisation allows only shorter-lived secrets',
      explanation:
        'An app management policy caps how long a client secret may be valid; the lifetime chosen is longer.',
      fixSteps: ['Choose a shorter secret lifetime (6 months is the shortest offered) and press Continue.'],
      field: 'secretLifetimeMonths',
      detail,
    });
  }
  if (e.replicationTimedOut) {
    return problem({
      code: 'GRAPH_REPLICATION_SLOW',
      title: 'Microsoft’s directory is slower than usual',
      explanation: `The new objects were created, but after three minutes Microsoft Graph still answers that they are not there yet (it copies new objects between its servers before everyone sees them).`,
      fixSteps: ['Press Continue in a few minutes: everything created so far is kept and reused.'],
      retryable: true,
      detail,
    });
  }
  if (e.status === 429 || e.status === 503) {
    return problem({
      code: 'GRAPH_THROTTLED',
      title: 'Microsoft Graph asked the app to slow down',
      explanation:
        'Too many requests for your tenant right now (throttling). The app waited as long as Microsoft asked and tried again, without success.',
      fixSteps: ['Wait a few minutes, then press Continue: nothing created so far is lost.'],
      retryable: true,
      detail,
    });
  }
  return problem({
    code: 'GRAPH_REQUEST_FAILED',
    title: `Microsoft Graph could not ${WHAT[step]}`,
    explanation: `Graph answered ${e.status} ${e.code}${e.message ? `: “${e.message}”` : ''}.`,
    fixSteps: ['Press Continue to try again. If it keeps failing, send the support report (it holds no secrets).'],
    // An outage on Microsoft's side passes; a refused request needs a change.
    ...(e.status >= 500 ? { category: 'transient' as const } : {}),
    detail,
  });
}

export const appGone = (name: string, clientId: string): Problem =>
  problem({
    code: 'REGISTRATION_APP_GONE',
    title: `The app registration “${name}” no longer exists`,
    explanation: `This profile’s app registration (client ID ${clientId}) was deleted in Entra, so it cannot be continued.`,
    fixSteps: [
      'Restore it within 30 days (Entra admin center → App registrations → Deleted applications) and press Continue,',
      'or choose “Create a new app registration”.',
    ],
  });

export const notReady = (): Problem =>
  problem({
    code: 'REGISTRATION_NOT_READY',
    title: 'Microsoft has not finished setting up the new app',
    explanation:
      'Everything was created, but three minutes later Microsoft’s sign-in service still does not know the app or its credential. New apps usually become usable within a few minutes.',
    fixSteps: ['Press Continue later: only this last check is repeated.'],
    retryable: true,
  });

export const wrongTenant = (signedIn: string, expected: string): Problem =>
  problem({
    code: 'REGISTRATION_WRONG_TENANT',
    title: 'You signed in to another organisation',
    explanation: `This set-up belongs to tenant ${expected}, but the administrator signed in to ${signedIn}.`,
    fixSteps: ['Press Continue and sign in with an administrator account of the right organisation.'],
  });

export const exchangeApiMissing = (): Problem =>
  problem({
    code: 'REGISTRATION_EXCHANGE_MISSING',
    title: 'Your tenant has no Office 365 Exchange Online',
    explanation:
      'The permissions this mail system needs belong to Office 365 Exchange Online, which has no service principal in your tenant and could not be added. A tenant without an Exchange Online licence cannot send mail through Microsoft 365.',
    fixSteps: ['Check the tenant’s licences in the Microsoft 365 admin center, then press Continue.'],
  });

export const needsOwnAdminClient = (why: 'china' | 'custom-graph'): Problem =>
  why === 'china'
    ? problem({
        code: 'REGISTRATION_NEEDS_SIGN_IN_APP',
        title: 'The China cloud needs a sign-in app of your own',
        explanation:
          'Microsoft Graph Command Line Tools is registered in the global cloud and does not exist in Azure China (21Vianet).',
        fixSteps: [
          'Register a public client in portal.azure.cn (Mobile and desktop, http://localhost, “Allow public client flows”) with the delegated Graph permissions Application.ReadWrite.All, DelegatedPermissionGrant.ReadWrite.All, AppRoleAssignment.ReadWrite.All, Application.Read.All and User.Read, and enter its client ID under “Sign-in app”.',
        ],
        field: 'adminClientId',
      })
    : problem({
        code: 'REGISTRATION_NEEDS_GRAPH_HOST',
        title: 'Enter the Microsoft Graph address for the custom authority',
        explanation: 'With a custom authority the app cannot guess where Microsoft Graph is.',
        fixSteps: ['Under “Microsoft cloud”, enter the Graph host (https://…) next to the authority host.'],
        field: 'customGraphHost',
      });
