// Which delegated permissions a user has granted an app: admin consent covers the app's
// registered permissions for everyone; user consent is remembered per user and app.
import { type AppRegistration, type Directory } from '../directory';
import { grantedDelegatedKeys } from '../graph/grants';
import { type IdpState } from './state';
import { delegatedKeys, permissionKey, permissionName, type ParsedScopes } from './scopes';

/** Portal admin consent (every registered permission), Graph grants (reference §13.3.8) and the user's own. */
export function consentedKeys(
  ctx: { readonly state: IdpState; readonly directory: Directory },
  app: AppRegistration,
  upn: string,
): Set<string> {
  const user = ctx.state.userConsents.get(`${upn.toLowerCase()}|${app.clientId}`) ?? new Set<string>();
  const admin = app.adminConsent ? [...delegatedKeys(app.delegatedPermissions).keys()] : [];
  return new Set([...admin, ...grantedDelegatedKeys(ctx.directory, app), ...user]);
}

/** Permission keys a scope request needs; `.default` means every registered permission of that API. */
export function requiredKeys(app: AppRegistration, scopes: ParsedScopes, onlyFamily?: string): string[] {
  const registered = [...delegatedKeys(app.delegatedPermissions).keys()];
  const out = new Set<string>();
  for (const s of scopes.resourceScopes) {
    if (onlyFamily && s.family !== onlyFamily) continue;
    if (s.name === '.default') registered.filter((k) => k.startsWith(`${s.family}/`)).forEach((k) => out.add(k));
    else out.add(permissionKey(s.family, s.name));
  }
  return [...out];
}

export function recordUserConsent(state: IdpState, app: AppRegistration, upn: string, keys: readonly string[]): void {
  const k = `${upn.toLowerCase()}|${app.clientId}`;
  const set = state.userConsents.get(k) ?? new Set<string>();
  keys.forEach((key) => set.add(key));
  state.userConsents.set(k, set);
}

/** Label on the consent page: "SMTP.Send (Office 365 Exchange Online)". */
export function permissionLabel(key: string): string {
  const family = key.slice(0, key.indexOf('/'));
  return `${permissionName(key)} (${family === 'exchange' ? 'Office 365 Exchange Online' : 'Microsoft Graph'})`;
}
