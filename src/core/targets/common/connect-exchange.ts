import type { CloudId } from '../../../shared/profile';

/**
 * How the exported Exchange scripts sign in, per Microsoft's Connect-ExchangeOnline
 * reference (ms-graph-and-exchange-admin.md §14.4): an admin at a keyboard runs plain
 * `Connect-ExchangeOnline`, with `-UserPrincipalName` when their address is known.
 * `-Organization` is for certificate (app-only) connections and takes the primary
 * .onmicrosoft.com domain, so these interactive scripts never pass it.
 */

/** `-ExchangeEnvironmentName` for the national clouds; the global cloud needs none. */
const exchangeEnvironments: Readonly<Record<CloudId, string | undefined>> = {
  global: undefined,
  'gcc-high': 'O365USGovGCCHigh',
  dod: 'O365USGovDoD',
  china: 'O365China',
  custom: undefined,
};

/** The script parameter that carries the admin's address (optional: the sign-in asks otherwise). */
export const adminUpnParameter: readonly string[] = [
  '    # Your Exchange admin account, e.g. admin@contoso.onmicrosoft.com (optional: it pre-fills the sign-in).',
  "    [string] $AdminUpn = ''",
];

export function connectExchangeOnline(cloud: CloudId): string[] {
  const environment = exchangeEnvironments[cloud];
  const where = environment ? ` -ExchangeEnvironmentName ${environment}` : '';
  return [
    '# Needs the ExchangeOnlineManagement module: Install-Module -Name ExchangeOnlineManagement',
    'Import-Module ExchangeOnlineManagement',
    '# Signs you in interactively as an Exchange administrator.',
    `if ($AdminUpn) { Connect-ExchangeOnline -UserPrincipalName $AdminUpn${where} } else { Connect-ExchangeOnline${where} }`,
  ];
}
