import type { AadstsRule } from './aadsts-rule';

const signInAgain =
  'Sign in again in this app; the new refresh token is stored in the keychain and can be exported again.';

/** AADSTS codes about the life of codes and tokens: expiry, revocation, reuse, device-code sign-in. */
export const tokenRules: readonly AadstsRule[] = [
  {
    codes: [70043],
    category: 'setup',
    remedy: { kind: 'sign-in-again' },
    explain: () => ({
      title: 'A sign-in frequency policy ended the refresh token',
      explanation:
        'A Conditional Access “sign-in frequency” policy forces the user to sign in again after a fixed time. Refresh tokens stop working then, so an unattended mail system will fail on this schedule.',
      fixSteps: [
        signInAgain,
        'For an unattended mail system, ask an administrator to exclude the mailbox user or this app from the sign-in frequency policy (Protection → Conditional Access → Policies → the policy → Session → Sign-in frequency), or use app-only (client credentials) instead.',
      ],
    }),
  },
  {
    codes: [700082],
    category: 'setup',
    remedy: { kind: 'sign-in-again' },
    explain: () => ({
      title: 'The refresh token expired after 90 days without use',
      explanation:
        'A refresh token that is not used for 90 days expires. The mail system did not renew its token in that time (it was stopped or misconfigured).',
      fixSteps: [
        signInAgain,
        'Make sure the mail system refreshes its token regularly (at least every few weeks), or use app-only (client credentials).',
      ],
    }),
  },
  {
    codes: [70008],
    category: 'setup',
    remedy: { kind: 'sign-in-again' },
    explain: () => ({
      title: 'The code or refresh token expired',
      explanation: 'The authorization code or refresh token was not redeemed in time.',
      fixSteps: [signInAgain],
    }),
  },
  {
    codes: [700084],
    category: 'setup',
    explain: () => ({
      title: 'The refresh token was issued to a single-page app and lasts only 24 hours',
      explanation: 'Refresh tokens for “Single-page application” redirect URIs cannot be renewed past 24 hours.',
      fixSteps: ['Register the redirect URI under “Web” instead of “Single-page application”, then sign in again.'],
      field: 'redirectUri',
    }),
  },
  {
    codes: [50173],
    category: 'setup',
    remedy: { kind: 'sign-in-again' },
    explain: () => ({
      title: 'The refresh token was revoked',
      explanation:
        'The user’s sessions were revoked (a password change or reset, or an administrator clicked “Revoke sessions”), which ends every refresh token issued before.',
      fixSteps: [signInAgain, 'Update the exported token in every mail system that used the old one.'],
    }),
  },
  {
    codes: [70000],
    category: 'transient',
    remedy: { kind: 'sign-in-again' },
    explain: () => ({
      title: 'The authorization code expired or is invalid',
      explanation: 'Codes live about 10 minutes and work once.',
      fixSteps: ['Sign in again.'],
      retryable: true,
    }),
  },
  {
    codes: [54005],
    category: 'transient',
    remedy: { kind: 'sign-in-again' },
    explain: () => ({
      title: 'The authorization code was already used',
      explanation: 'A code works once; it was redeemed before.',
      fixSteps: ['Sign in again.'],
      retryable: true,
    }),
  },
  {
    codes: [501481, 50148],
    category: 'transient',
    remedy: { kind: 'sign-in-again' },
    explain: () => ({
      title: 'The sign-in proof (PKCE) did not match',
      explanation:
        'The code was redeemed with a different code verifier than the one it was issued for, usually because two sign-ins overlapped.',
      fixSteps: ['Close other sign-in windows and sign in again.'],
      retryable: true,
    }),
  },
  {
    codes: [70016],
    category: 'transient',
    explain: () => ({
      title: 'The device sign-in has not been completed yet',
      explanation: 'Nobody has entered the code on the other device yet.',
      fixSteps: ['Enter the code shown at the address shown, on any device, and sign in there.'],
    }),
  },
  {
    codes: [9002313],
    category: 'setup',
    explain: () => ({
      title: 'The code or refresh token is malformed',
      explanation:
        'Entra could not read the token: it was cut, changed (for example lower-cased) or belongs to another app.',
      fixSteps: ['Copy the refresh token again in full (the export does this), or sign in again.'],
    }),
  },
  {
    codes: [50058],
    category: 'setup',
    remedy: { kind: 'sign-in-again' },
    explain: () => ({
      title: 'No one is signed in',
      explanation: 'A silent sign-in was attempted without a session.',
      fixSteps: ['Sign in interactively.'],
    }),
  },
  {
    codes: [70019],
    category: 'transient',
    explain: () => ({
      title: 'The device code expired',
      explanation: 'The code was not entered in time (about 15 minutes).',
      fixSteps: ['Start the device sign-in again and enter the new code promptly.'],
      retryable: true,
    }),
  },
  {
    codes: [70020],
    category: 'cancelled',
    explain: () => ({
      title: 'The device sign-in was declined',
      explanation: 'The person on the other device declined.',
      fixSteps: ['Start again and approve it on the other device.'],
      retryable: true,
    }),
  },
];
