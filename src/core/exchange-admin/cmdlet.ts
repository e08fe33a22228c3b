import type { CloudId } from '../../shared/profile';
import { psValue } from '../diagnose/smtp-commands';

/** One renderer for every Exchange command the app shows: the diagnoses' own. */
export { powershell, psValue } from '../diagnose/smtp-commands';
export type { ExchangeCmdlet } from '../../shared/problem';

/** The app's Exchange identity as PowerShell looks it up (Microsoft's `$EXOServicePrincipal.Identity`). */
export const servicePrincipalIdentityOf = (appId: string): string =>
  `(Get-ServicePrincipal -Identity ${psValue(appId)}).Identity`;

/** `-ExchangeEnvironmentName` per cloud (reference §14.4); the global cloud needs none. */
const ENVIRONMENT: Readonly<Record<CloudId, string>> = {
  global: '',
  custom: '',
  'gcc-high': 'O365USGovGCCHigh',
  dod: 'O365USGovDoD',
  china: 'O365China',
};

/** The line that starts every script: an interactive admin sign-in to the profile's cloud. */
export function connectExchangeOnline(cloud: CloudId, adminUpn?: string): string {
  const env = ENVIRONMENT[cloud];
  return [
    'Connect-ExchangeOnline',
    ...(adminUpn ? [`-UserPrincipalName ${psValue(adminUpn)}`] : []),
    ...(env ? [`-ExchangeEnvironmentName ${env}`] : []),
  ].join(' ');
}
