import { adminConsentUrl, type AadstsRule } from './aadsts-rule';

const signInAgain =
  'Sign in again in this app; the new refresh token is stored in the keychain and can be exported again.';

/**
 * AADSTS codes about the person, consent, policies, scopes and the life of tokens.
 */
export const userRules: Readonly<Record<number, AadstsRule>> = {
  65001: (f) => ({
    title: 'Nobody has consented to this app’s permissions yet',
    explanation:
      'The app has permissions (such as SMTP.Send) that neither the user nor an administrator has approved, so Entra will not issue a token without asking first.',
    fixSteps: [
      `${f.appPath} → API permissions → “Grant admin consent for <your organization>” (needs a Global or Privileged Role Administrator).`,
      'Or sign in interactively and accept the consent prompt, if users may consent in this tenant.',
    ],
    commands: [adminConsentUrl(f)],
  }),
  65004: (f) => ({
    title: 'Consent was declined',
    explanation: 'Cancel was clicked on the “Permissions requested” page, so no token was issued.',
    fixSteps: [
      'Sign in again and click Accept on the permissions page.',
      `Or have an administrator grant consent for everyone: ${f.appPath} → API permissions → Grant admin consent.`,
    ],
    commands: [adminConsentUrl(f)],
  }),
  90094: (f) => ({
    title: 'An administrator must approve this app',
    explanation: 'Users in this tenant may not consent to apps themselves; the permissions need admin consent.',
    fixSteps: [
      `${f.appPath} → API permissions → Grant admin consent for <your organization>, or send the admin the link below.`,
    ],
    commands: [adminConsentUrl(f)],
  }),
  50076: () => ({
    title: 'Multi-factor authentication is required',
    explanation:
      'A policy requires MFA for this user. The sign-in did not include it (a refresh or device without MFA), so Entra asks for an interactive sign-in.',
    fixSteps: [
      'Sign in again interactively in this app and complete the MFA prompt.',
      'If the embedded window cannot show the MFA method (security key, passkey), choose “Sign in with the system browser”.',
    ],
    retryable: true,
  }),
  50079: () => ({
    title: 'The user must register for multi-factor authentication',
    explanation: 'Policy requires MFA, but the user has not set up a method yet.',
    fixSteps: ['Sign in at https://aka.ms/mfasetup as this user and register a method, then sign in here again.'],
  }),
  53003: () => ({
    title: 'Blocked by a Conditional Access policy',
    explanation:
      'A Conditional Access policy in this tenant does not allow this sign-in (for example device compliance, location or app restrictions). Tokens for unattended mail systems are often blocked this way.',
    fixSteps: [
      'Ask an administrator to look up the sign-in: Entra admin center → Identity → Monitoring & health → Sign-in logs → the failed entry → Conditional Access tab shows which policy blocked it.',
      'Exclude the mailbox user or this app from that policy (Protection → Conditional Access → Policies → the policy → Assignments), or meet its requirement.',
      'If the policy requires a compliant device, sign in with the system browser on a managed device.',
    ],
  }),
  53000: () => ({
    title: 'Conditional Access requires a compliant or managed device',
    explanation: 'The embedded sign-in window cannot prove device compliance.',
    fixSteps: [
      'Choose “Sign in with the system browser” on a managed, compliant device.',
      'Or ask an administrator to exclude this app from the device-compliance policy.',
    ],
  }),
  50126: () => ({
    title: 'Wrong user name or password',
    explanation: 'Entra did not accept the password for this account.',
    fixSteps: [
      'Sign in again and check the password (Caps Lock, keyboard layout).',
      'Reset it at https://aka.ms/sspr if forgotten.',
    ],
    retryable: true,
  }),
  50034: (f) => ({
    title: 'This account does not exist in the tenant',
    explanation: `The user name is not a member of tenant ${f.tenant}.`,
    fixSteps: ['Sign in with an account of this organization, or check the Tenant field.'],
    field: 'tenant',
  }),
  50020: (f) => ({
    title: 'This account is not allowed for this app',
    explanation:
      'The account comes from another tenant or is a personal Microsoft account (outlook.com, hotmail.com), and the app accepts only accounts of its own organization.',
    fixSteps: [
      'Sign in with a work account of this organization.',
      `For a personal account the app must accept them: ${f.appPath} → Authentication → Supported account types → “Accounts in any organizational directory and personal Microsoft accounts”, then use tenant “consumers” or “common”, and SMTP host smtp-mail.outlook.com.`,
    ],
  }),
  70043: () => ({
    title: 'A sign-in frequency policy ended the refresh token',
    explanation:
      'A Conditional Access “sign-in frequency” policy forces the user to sign in again after a fixed time. Refresh tokens stop working then, so an unattended mail system will fail on this schedule.',
    fixSteps: [
      signInAgain,
      'For an unattended mail system, ask an administrator to exclude the mailbox user or this app from the sign-in frequency policy (Protection → Conditional Access → Policies → the policy → Session → Sign-in frequency), or use app-only (client credentials) instead.',
    ],
  }),
  700082: () => ({
    title: 'The refresh token expired after 90 days without use',
    explanation:
      'A refresh token that is not used for 90 days expires. The mail system did not renew its token in that time (it was stopped or misconfigured).',
    fixSteps: [
      signInAgain,
      'Make sure the mail system refreshes its token regularly (at least every few weeks), or use app-only (client credentials).',
    ],
  }),
  70008: () => ({
    title: 'The code or refresh token expired',
    explanation: 'The authorization code or refresh token was not redeemed in time.',
    fixSteps: [signInAgain],
  }),
  700084: () => ({
    title: 'The refresh token was issued to a single-page app and lasts only 24 hours',
    explanation: 'Refresh tokens for “Single-page application” redirect URIs cannot be renewed past 24 hours.',
    fixSteps: ['Register the redirect URI under “Web” instead of “Single-page application”, then sign in again.'],
    field: 'redirectUri',
  }),
  50173: () => ({
    title: 'The refresh token was revoked',
    explanation:
      'The user’s sessions were revoked (a password change or reset, or an administrator clicked “Revoke sessions”), which ends every refresh token issued before.',
    fixSteps: [signInAgain, 'Update the exported token in every mail system that used the old one.'],
  }),
  70000: () => ({
    title: 'The authorization code expired or is invalid',
    explanation: 'Codes live about 10 minutes and work once.',
    fixSteps: ['Sign in again.'],
    retryable: true,
  }),
  54005: () => ({
    title: 'The authorization code was already used',
    explanation: 'A code works once; it was redeemed before.',
    fixSteps: ['Sign in again.'],
    retryable: true,
  }),
  501481: () => ({
    title: 'The sign-in proof (PKCE) did not match',
    explanation:
      'The code was redeemed with a different code verifier than the one it was issued for, usually because two sign-ins overlapped.',
    fixSteps: ['Close other sign-in windows and sign in again.'],
    retryable: true,
  }),
  9002313: () => ({
    title: 'The code or refresh token is malformed',
    explanation:
      'Entra could not read the token: it was cut, changed (for example lower-cased) or belongs to another app.',
    fixSteps: ['Copy the refresh token again in full (the export does this), or sign in again.'],
  }),
  70011: (f) => ({
    title: 'A scope is not valid',
    explanation:
      'Entra does not know one of the requested scopes, or it cannot be requested this way (SMTP.SendAsApp is an app permission, not a user scope).',
    fixSteps: [
      'Use https://outlook.office.com/SMTP.Send and offline_access for a user sign-in, or https://outlook.office365.com/.default for app-only.',
      `Check ${f.appPath} → API permissions lists the permission.`,
    ],
    field: 'scopes',
  }),
  700022: () => ({
    title: 'The scopes name more than one resource',
    explanation: 'App-only requests take one `/.default` scope of one resource.',
    fixSteps: ['Use exactly https://outlook.office365.com/.default.'],
    field: 'scopes',
  }),
  1002012: () => ({
    title: 'App-only needs a /.default scope',
    explanation:
      'Client credentials cannot request individual permissions; they get every application permission granted to the app.',
    fixSteps: ['Use exactly https://outlook.office365.com/.default.'],
    field: 'scopes',
  }),
  500011: (f) => ({
    title: 'Exchange Online is not available in this tenant',
    explanation: `The tenant ${f.tenant} has no Office 365 Exchange Online service principal, so Entra cannot issue an Exchange token there (no Exchange licence, or the wrong tenant).`,
    fixSteps: ['Check that the tenant has Exchange Online licences and that Tenant names the right organization.'],
    field: 'tenant',
  }),
  90002: (f) => ({
    title: 'The tenant was not found',
    explanation: `Entra does not know a tenant “${f.tenant}” in this cloud: a typo, a domain that is not verified in the tenant, or a tenant in another cloud (US Government, China).`,
    fixSteps: [
      'Copy the Directory (tenant) ID from the app registration’s Overview page into Tenant.',
      'If the organization is in a national cloud, pick that cloud.',
    ],
    field: 'tenant',
  }),
  900023: (f) => ({
    title: 'The tenant is not a valid ID or domain',
    explanation: `“${f.tenant}” is neither a tenant GUID nor a domain name.`,
    fixSteps: ['Enter the Directory (tenant) ID (a GUID) or a verified domain such as contoso.com.'],
    field: 'tenant',
  }),
  50058: () => ({
    title: 'No one is signed in',
    explanation: 'A silent sign-in was attempted without a session.',
    fixSteps: ['Sign in interactively.'],
  }),
  70019: () => ({
    title: 'The device code expired',
    explanation: 'The code was not entered in time (about 15 minutes).',
    fixSteps: ['Start the device sign-in again and enter the new code promptly.'],
    retryable: true,
  }),
  70020: () => ({
    title: 'The device sign-in was declined',
    explanation: 'The person on the other device declined.',
    fixSteps: ['Start again and approve it on the other device.'],
    retryable: true,
  }),
};
