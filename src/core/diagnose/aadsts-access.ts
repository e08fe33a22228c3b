import { adminConsentUrl, enterpriseAppPath, type AadstsRule } from './aadsts-rule';

/**
 * AADSTS codes about who may use the app: consent, user assignment, a disabled app, a
 * Microsoft-owned client ID. Each text follows Microsoft's error-code reference (D7):
 * 65001 DelegationDoesNotExist, 65004 UserDeclinedConsent, 90094 AdminConsentRequired,
 * 90095 AdminConsentRequiredRequestAccess, 65002 first-party preauthorization,
 * 50105 EntitlementGrantsNotFound, 7000112 UnauthorizedClientApplicationDisabled.
 */
export const accessRules: readonly AadstsRule[] = [
  {
    codes: [65001],
    category: 'setup',
    explain: (f) => ({
      title: 'Nobody has consented to this app’s permissions yet',
      explanation:
        'The app has permissions (such as SMTP.Send) that neither the user nor an administrator has approved, so Entra will not issue a token without asking first.',
      fixSteps: [
        `${f.appPath} → API permissions → “Grant admin consent for <your organisation>” (needs a Global or Privileged Role Administrator).`,
        'Or sign in interactively and accept the consent prompt, if users may consent in this tenant.',
      ],
      commands: [adminConsentUrl(f)],
    }),
  },
  {
    codes: [65004],
    category: 'cancelled',
    explain: (f) => ({
      title: 'Consent was declined',
      explanation: 'Cancel was clicked on the “Permissions requested” page, so no token was issued.',
      fixSteps: [
        'Sign in again and click Accept on the permissions page.',
        `Or have an administrator grant consent for everyone: ${f.appPath} → API permissions → Grant admin consent.`,
      ],
      commands: [adminConsentUrl(f)],
    }),
  },
  {
    codes: [90094],
    category: 'setup',
    explain: (f) => ({
      title: 'An administrator must approve this app',
      explanation:
        'The app asks for permissions that need an administrator’s consent, or users in this tenant may not consent to apps themselves. The signed-in user cannot grant them.',
      fixSteps: [
        `An administrator opens ${f.appPath} → API permissions → “Grant admin consent for <your organisation>”, or opens the link below and accepts.`,
        'Then sign in again here.',
        `To let users consent to such apps themselves instead: ${f.portal} → Identity → Applications → Enterprise applications → Consent and permissions → User consent settings.`,
      ],
      commands: [adminConsentUrl(f)],
    }),
  },
  {
    codes: [90095],
    category: 'setup',
    explain: (f) => ({
      title: 'An administrator must approve this app: a consent request can be sent',
      explanation:
        'The app needs an administrator’s consent, and this tenant uses the admin consent workflow: the sign-in page offers “Request approval”, which sends the request to the reviewers the tenant named. No token is issued until one of them approves.',
      fixSteps: [
        'On the sign-in page, enter a reason and send the approval request.',
        `A reviewer approves it: ${f.portal} → Identity → Applications → Enterprise applications → Admin consent requests → the app → Review permissions and consent.`,
        'When the request is approved (the requester is told by e-mail), sign in again here.',
      ],
      commands: [adminConsentUrl(f)],
    }),
  },
  {
    codes: [65002],
    category: 'setup',
    explain: (f) => ({
      title: 'This client ID belongs to a Microsoft app',
      explanation: `The Client ID ${f.clientId} is one of Microsoft’s own (first-party) apps. Microsoft only lets its own apps get tokens for an API when the API’s owner pre-authorised them, so it cannot be reused to reach Exchange.`,
      fixSteps: [
        `Register an app of your own: ${f.portal} → Identity → Applications → App registrations → New registration.`,
        'Put its Application (client) ID into the Client ID field, add the permissions this checklist names, then sign in again.',
      ],
      field: 'clientId',
    }),
  },
  {
    codes: [50105],
    category: 'setup',
    explain: (f) => ({
      title: 'The signed-in user is not assigned to this app',
      explanation:
        'The app’s Enterprise application requires user assignment (“Assignment required?” is Yes), and the signed-in user is neither assigned to it directly nor through a group.',
      fixSteps: [
        `${enterpriseAppPath(f)} → Users and groups → Add user/group → pick the user who signs in (for a mailbox, the mailbox’s own account) → Assign.`,
        `Or let everyone in the tenant use it: ${enterpriseAppPath(f)} → Properties → “Assignment required?” → No → Save.`,
        'Then sign in again.',
      ],
    }),
  },
  {
    codes: [7000112],
    category: 'setup',
    explain: (f) => ({
      title: 'The app is disabled',
      explanation: `Entra refuses every sign-in to the app ${f.clientId} because it is disabled: in this tenant its Enterprise application has “Enabled for users to sign-in?” set to No, or Microsoft or the app’s owner switched the app off (a shared, well-known client ID can be switched off for everyone).`,
      fixSteps: [
        `${enterpriseAppPath(f)} → Properties → “Enabled for users to sign-in?” → Yes → Save.`,
        'If it is already Yes, the app was disabled by its owner or by Microsoft: register an app of your own (App registrations → New registration) and use its Client ID.',
      ],
      field: 'clientId',
    }),
  },
];
