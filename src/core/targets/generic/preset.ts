import type { TargetPreset } from '../../../shared/target-preset';
import {
  copyIds,
  delegatedExchangeSteps,
  delegatedPermissions,
  globalSmtp,
  graphDelegated,
  newSecret,
  publicClientAlternative,
  register,
  userConsent,
  webRedirect,
} from '../common/preset-parts';

export const genericPreset: TargetPreset = {
  id: 'generic',
  label: 'Generic SMTP XOAUTH2',
  summary:
    'Any mailer that speaks XOAUTH2: .env, JSON, a curl script that sends a test mail, and snippets for nodemailer, Python and MailKit.',
  flow: 'delegated',
  defaultScopes: ['https://outlook.office.com/SMTP.Send', 'offline_access'],
  permissions: [graphDelegated('SMTP.Send'), graphDelegated('offline_access')],
  redirect: {
    platform: 'Web',
    uris: ['http://localhost'],
    defaultRedirectUri: 'http://localhost',
    note: 'http://localhost lets this wizard capture the sign-in.',
  },
  credential: 'client-secret',
  smtp: globalSmtp,
  exchangeAdminSteps: delegatedExchangeSteps,
  checklist: [
    register,
    webRedirect(['http://localhost']),
    delegatedPermissions(['SMTP.Send', 'offline_access']),
    newSecret,
    publicClientAlternative,
    copyIds,
    userConsent,
  ],
};
