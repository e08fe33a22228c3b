import {
  enableMailboxSmtpAuth,
  grantFullAccess,
  powershell,
  registerServicePrincipal,
} from '../diagnose/smtp-commands';
import type { Profile } from '../../shared/profile';

/**
 * What Exchange Online still needs for an app-only set-up the app created (reference §7.4,
 * §14.2), filled in with the service principal's object id: nothing left to look up.
 */
export function exchangeCommandsFor(p: Profile): string[] {
  const sp = p.servicePrincipalObjectId ?? p.registration?.servicePrincipalObjectId;
  if (p.flow !== 'app-only' || !sp) return [];
  const register = registerServicePrincipal(p.clientId, sp);
  return [
    { ...register, parameters: { ...register.parameters, DisplayName: p.name } },
    grantFullAccess(p.mailbox, sp),
    enableMailboxSmtpAuth(p.mailbox),
  ].map((c) => powershell(c));
}
