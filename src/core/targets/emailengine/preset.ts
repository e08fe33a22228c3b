import type { TargetPreset } from '../../../shared/target-preset';
import {
  copyIds,
  delegatedExchangeSteps,
  delegatedPermissions,
  globalSmtp,
  graphDelegated,
  newSecret,
  register,
  userConsent,
  webRedirect,
} from '../common/preset-parts';

export const emailEnginePreset: TargetPreset = {
  id: 'emailengine',
  label: 'EmailEngine',
  summary:
    'EmailEngine Outlook OAuth2 application ("IMAP and SMTP" base scope) and an account that carries the refresh token.',
  flow: 'delegated',
  defaultScopes: [
    'https://outlook.office.com/IMAP.AccessAsUser.All',
    'https://outlook.office.com/SMTP.Send',
    'offline_access',
  ],
  permissions: ['IMAP.AccessAsUser.All', 'SMTP.Send', 'offline_access'].map(graphDelegated),
  redirect: {
    platform: 'Web',
    uris: ['http://localhost:3000/oauth'],
    defaultRedirectUri: 'http://localhost:3000/oauth',
    note: "EmailEngine's redirect URL is its own address + /oauth (e.g. https://emailengine.example.com/oauth). It must be identical in Entra and in EmailEngine.",
  },
  credential: 'client-secret',
  smtp: globalSmtp,
  exchangeAdminSteps: delegatedExchangeSteps,
  checklist: [
    register,
    webRedirect(["<EmailEngine's URL>/oauth"]),
    delegatedPermissions([
      'IMAP.AccessAsUser.All',
      'SMTP.Send',
      'offline_access (for the "MS Graph API" base scope: Mail.ReadWrite, Mail.Send, offline_access instead)',
    ]),
    newSecret,
    copyIds,
    userConsent,
  ],
};
