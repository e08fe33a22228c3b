import type { TargetPreset } from '../../../shared/target-preset';
import {
  copyIds,
  delegatedExchangeSteps,
  delegatedPermissions,
  globalSmtp,
  graphDelegated,
  newSecret,
  register,
  webRedirect,
} from '../common/preset-parts';

export const akuminaPreset: TargetPreset = {
  id: 'akumina',
  label: 'Akumina',
  summary: 'Akumina tenant settings for XOAuth2 SMTP (MailKit); Akumina acquires its own token from App Manager.',
  flow: 'delegated',
  defaultScopes: ['https://outlook.office.com/SMTP.Send', 'offline_access'],
  permissions: [graphDelegated('SMTP.Send'), graphDelegated('offline_access')],
  redirect: {
    platform: 'Web',
    uris: ['https://<APPMANAGERHOST>/oauth2/acs', 'http://localhost'],
    defaultRedirectUri: 'http://localhost',
    note: 'Replace <APPMANAGERHOST> with your App Manager host. http://localhost is only for this wizard\'s test sign-in. Also tick "Access tokens" and "ID tokens" under Implicit grant and hybrid flows.',
  },
  credential: 'client-secret',
  smtp: globalSmtp,
  exchangeAdminSteps: delegatedExchangeSteps,
  checklist: [
    register,
    webRedirect(['https://<APPMANAGERHOST>/oauth2/acs', 'http://localhost']),
    {
      title: 'Select the tokens',
      detail: 'Authentication > Implicit grant and hybrid flows: tick "Access tokens" and "ID tokens", then Save.',
    },
    newSecret,
    delegatedPermissions(['SMTP.Send', 'offline_access']),
    copyIds,
  ],
};
