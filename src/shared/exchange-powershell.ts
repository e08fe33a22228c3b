import type { CloudId } from './profile';

/**
 * How an administrator at a keyboard connects Exchange Online PowerShell: interactive
 * sign-in (no -Organization, which is for certificate-based app-only connections), with
 * the cloud's environment name outside the global cloud (ms-graph-and-exchange-admin.md §14.4).
 */
const environmentNames: Readonly<Partial<Record<CloudId, string>>> = {
  'gcc-high': 'O365USGovGCCHigh',
  dod: 'O365USGovDoD',
  china: 'O365China',
};

export function connectExchangeOnline(cloud: CloudId, adminUpn?: string): string {
  const env = environmentNames[cloud];
  return [
    'Connect-ExchangeOnline',
    ...(adminUpn ? [`-UserPrincipalName ${adminUpn}`] : []),
    ...(env ? [`-ExchangeEnvironmentName ${env}`] : []),
  ].join(' ');
}
