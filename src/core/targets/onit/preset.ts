import type { TargetPreset } from '../../../shared/target-preset';
import {
  copyIds,
  delegatedExchangeSteps,
  globalSmtp,
  graphDelegated,
  newSecret,
  register,
  webRedirect,
} from '../common/preset-parts';

export const onitPreset: TargetPreset = {
  id: 'onit',
  label: 'Onit',
  summary: 'Onit "MS SMTP OAuth2" auth provider: a form of twelve fields including the refresh token.',
  flow: 'delegated',
  defaultScopes: ['https://graph.microsoft.com/SMTP.Send', 'offline_access'],
  permissions: [graphDelegated('SMTP.Send'), graphDelegated('offline_access')],
  redirect: {
    platform: 'Web',
    uris: ['http://localhost'],
    defaultRedirectUri: 'http://localhost',
    note: 'Onit accepts any redirect URI as long as the same value goes into its "Redirect URI" field; http://localhost lets this wizard capture the sign-in.',
  },
  credential: 'client-secret',
  smtp: globalSmtp,
  exchangeAdminSteps: delegatedExchangeSteps,
  checklist: [
    register,
    webRedirect(['http://localhost']),
    newSecret,
    {
      title: 'Add the API permissions and grant consent',
      detail:
        'API permissions > Add a permission > Microsoft Graph > Delegated permissions: SMTP.Send (https://graph.microsoft.com/SMTP.Send) and offline_access. Then press "Grant admin consent for <your organization>" until Status shows "Granted".',
    },
    copyIds,
  ],
};
