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

export const aemPreset: TargetPreset = {
  id: 'aem',
  label: 'Adobe Experience Manager as a Cloud Service',
  summary: 'AEM Mail Service with OAuth2: two OSGi configuration files plus two Cloud Manager secret variables.',
  flow: 'delegated',
  defaultScopes: [
    'openid',
    'offline_access',
    'https://outlook.office365.com/Mail.Send',
    'https://outlook.office365.com/Mail.Read',
    'https://outlook.office365.com/SMTP.Send',
  ],
  permissions: ['SMTP.Send', 'Mail.Read', 'Mail.Send', 'openid', 'offline_access'].map(graphDelegated),
  redirect: {
    platform: 'Web',
    uris: ['http://localhost', 'http://localhost/'],
    defaultRedirectUri: 'http://localhost',
    note: 'AEM asks for both http://localhost and http://localhost/ (one without and one with the trailing slash). Add both as Web redirect URIs.',
  },
  credential: 'client-secret',
  smtp: globalSmtp,
  exchangeAdminSteps: delegatedExchangeSteps,
  checklist: [
    register,
    delegatedPermissions(['SMTP.Send', 'Mail.Read', 'Mail.Send', 'openid', 'offline_access']),
    webRedirect(['http://localhost/', 'http://localhost']),
    newSecret,
    copyIds,
    userConsent,
  ],
};
