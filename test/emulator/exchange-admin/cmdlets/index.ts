// The cmdlets the stand-in runs (§14.2), by name as PowerShell matches it (case-insensitive).
import { type CmdletDefinition } from '../cmdlet';
import {
  getDistributionGroup,
  newManagementRoleAssignment,
  newManagementScope,
  testServicePrincipalAuthorization,
} from './app-rbac';
import { addMailboxPermission, addRecipientPermission } from './permissions';
import { getServicePrincipal, newServicePrincipal, removeServicePrincipal } from './service-principals';
import { getCasMailbox, getTransportConfig, setCasMailbox, setTransportConfig } from './smtp-auth';

const CMDLETS: Readonly<Record<string, CmdletDefinition>> = {
  'New-ServicePrincipal': newServicePrincipal,
  'Get-ServicePrincipal': getServicePrincipal,
  'Remove-ServicePrincipal': removeServicePrincipal,
  'Add-MailboxPermission': addMailboxPermission,
  'Add-RecipientPermission': addRecipientPermission,
  'Get-CASMailbox': getCasMailbox,
  'Set-CASMailbox': setCasMailbox,
  'Get-TransportConfig': getTransportConfig,
  'Set-TransportConfig': setTransportConfig,
  'New-ManagementScope': newManagementScope,
  'New-ManagementRoleAssignment': newManagementRoleAssignment,
  'Test-ServicePrincipalAuthorization': testServicePrincipalAuthorization,
  'Get-DistributionGroup': getDistributionGroup,
};

/** Exchange hides these admin cmdlets entirely from users without an admin role (§14.1.3). */
export function findCmdlet(name: string): { name: string; definition: CmdletDefinition } | undefined {
  const key = Object.keys(CMDLETS).find((k) => k.toLowerCase() === name.toLowerCase());
  return key ? { name: key, definition: CMDLETS[key]! } : undefined;
}
