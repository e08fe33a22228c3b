import type { ExchangeCmdlet } from '../../shared/exchange-plan';
import type { CloudId } from '../../shared/profile';

export type { ExchangeCmdlet } from '../../shared/exchange-plan';

/** Values are quoted only when they need it, so the common case reads like Microsoft's pages. */
export const psValue = (v: string): string => (/^[A-Za-z0-9@._+-]+$/.test(v) ? v : `'${v.replace(/'/g, "''")}'`);

/**
 * PowerShell for one cmdlet: `-Name value`, booleans as `$true`/`$false`, lists comma-joined.
 * `expressions` gives parameters as PowerShell written out, e.g. `(Get-ServicePrincipal -Identity …).Identity`.
 */
export function powershell(c: ExchangeCmdlet, expressions: Readonly<Record<string, string>> = {}): string {
  const args = Object.entries(c.parameters).map(([name, v]) => {
    const raw = expressions[name];
    if (raw !== undefined) return `-${name} ${raw}`;
    if (typeof v === 'boolean') return name === 'Confirm' ? `-Confirm:$${v}` : `-${name} $${v}`;
    return `-${name} ${typeof v === 'string' ? psValue(v) : v.map(psValue).join(',')}`;
  });
  return [c.name, ...args].join(' ');
}

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
