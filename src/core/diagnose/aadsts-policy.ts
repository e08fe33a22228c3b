import type { AadstsRule } from './aadsts-rule';

/** AADSTS codes about the person and the tenant’s policies: MFA, Conditional Access, passwords, accounts of another tenant. */
export const policyRules: readonly AadstsRule[] = [
  {
    codes: [50076],
    category: 'setup',
    remedy: { kind: 'sign-in-again' },
    explain: () => ({
      title: 'Multi-factor authentication is required',
      explanation:
        'A policy requires MFA for this user. The sign-in did not include it (a refresh or device without MFA), so Entra asks for an interactive sign-in.',
      fixSteps: [
        'Sign in again interactively in this app and complete the MFA prompt.',
        'If the embedded window cannot show the MFA method (security key, passkey), choose “Sign in with the system browser”.',
      ],
      retryable: true,
    }),
  },
  {
    codes: [50079],
    category: 'setup',
    explain: () => ({
      title: 'The user must register for multi-factor authentication',
      explanation: 'Policy requires MFA, but the user has not set up a method yet.',
      fixSteps: ['Sign in at https://aka.ms/mfasetup as this user and register a method, then sign in here again.'],
    }),
  },
  {
    codes: [53003],
    category: 'setup',
    remedy: { kind: 'system-browser' },
    explain: () => ({
      title: 'Blocked by a Conditional Access policy',
      explanation:
        'A Conditional Access policy in this tenant does not allow this sign-in (for example device compliance, location or app restrictions). Tokens for unattended mail systems are often blocked this way.',
      fixSteps: [
        'Ask an administrator to look up the sign-in: Entra admin center → Identity → Monitoring & health → Sign-in logs → the failed entry → Conditional Access tab shows which policy blocked it.',
        'Exclude the mailbox user or this app from that policy (Protection → Conditional Access → Policies → the policy → Assignments), or meet its requirement.',
        'If the policy requires a compliant device, sign in with the system browser on a managed device.',
      ],
    }),
  },
  {
    codes: [53000, 53001],
    category: 'setup',
    remedy: { kind: 'system-browser' },
    explain: () => ({
      title: 'Conditional Access requires a compliant or domain-joined device',
      explanation:
        'A Conditional Access policy only lets managed devices sign in (compliant, or joined to the domain), and the embedded sign-in window cannot prove what device it runs on.',
      fixSteps: [
        'Choose “Sign in with the system browser” on a managed, compliant device.',
        'Or ask an administrator to exclude this app from the device-compliance policy.',
      ],
    }),
  },
  {
    codes: [53002],
    category: 'setup',
    remedy: { kind: 'system-browser' },
    explain: () => ({
      title: 'Conditional Access allows only approved client apps',
      explanation:
        'A Conditional Access policy requires an approved client app for this sign-in, and this app’s embedded window is not one.',
      fixSteps: [
        'Choose “Sign in with the system browser”.',
        'If that is refused too, ask an administrator to exclude this app from the approved-client-app policy (Protection → Conditional Access → Policies).',
      ],
    }),
  },
  {
    codes: [50158],
    category: 'setup',
    remedy: { kind: 'system-browser' },
    explain: () => ({
      title: 'An extra security check was not completed',
      explanation:
        'The tenant asks for an external security challenge (a third-party MFA or verification provider) that the sign-in did not satisfy; such challenges often need a full browser.',
      fixSteps: [
        'Choose “Sign in with the system browser” and complete the challenge there.',
        'If it keeps failing, an administrator checks the custom controls / external authentication method in Conditional Access.',
      ],
    }),
  },
  {
    codes: [50126],
    category: 'setup',
    explain: () => ({
      title: 'Wrong user name or password',
      explanation: 'Entra did not accept the password for this account.',
      fixSteps: [
        'Sign in again and check the password (Caps Lock, keyboard layout).',
        'Reset it at https://aka.ms/sspr if forgotten.',
      ],
      retryable: true,
    }),
  },
  {
    codes: [50034],
    category: 'setup',
    explain: (f) => ({
      title: 'This account does not exist in the tenant',
      explanation: `The user name is not a member of tenant ${f.tenant}.`,
      fixSteps: ['Sign in with an account of this organisation, or check the Tenant field.'],
      field: 'tenant',
    }),
  },
  {
    codes: [50020, 90072],
    category: 'setup',
    explain: (f) => ({
      title: 'This account is not allowed for this app',
      explanation:
        'The account comes from another tenant or is a personal Microsoft account (outlook.com, hotmail.com), and the app accepts only accounts of its own organisation.',
      fixSteps: [
        'Sign in with a work account of this organisation.',
        `For a personal account the app must accept them: ${f.appPath} → Authentication → Supported account types → “Accounts in any organizational directory and personal Microsoft accounts”, then use tenant “consumers” or “common”, and SMTP host smtp-mail.outlook.com.`,
      ],
    }),
  },
];
