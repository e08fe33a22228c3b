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
  summary:
    'AEM Mail Service with OAuth2: two OSGi configuration files, two Cloud Manager secret variables and a port forward through the egress proxy.',
  flow: 'delegated',
  // As Adobe's current "OAuth2 Support for the Mail Service" lists them (it notes they may evolve).
  defaultScopes: ['https://outlook.office.com/SMTP.Send', 'openid', 'offline_access', 'email', 'profile'],
  permissions: ['SMTP.Send', 'offline_access', 'openid', 'email', 'profile'].map(graphDelegated),
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
    delegatedPermissions(['SMTP.Send', 'offline_access', 'openid', 'email', 'profile']),
    webRedirect(['http://localhost/', 'http://localhost']),
    newSecret,
    copyIds,
    userConsent,
  ],
};
