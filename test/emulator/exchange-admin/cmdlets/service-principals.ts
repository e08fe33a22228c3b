// New-ServicePrincipal / Get-ServicePrincipal / Remove-ServicePrincipal (§14.2.1): Exchange's pointer
// to the Entra service principal, which mailbox permissions and RBAC roles are granted to.
import { cmdletErrors } from '../errors';
import { type CmdletDefinition } from '../cmdlet';
import { exchangeServicePrincipals, findServicePrincipal, servicePrincipalRow } from '../recipients';

/** The deprecation text older flows print for -ServiceId (§14.2.1, observed). */
const SERVICE_ID_WARNING =
  'The ServiceId parameter is being depreciated and will be replaced with ObjectId. Please note that already existing Exchange Service Principal Service Ids are now known as Object Ids.';

export const newServicePrincipal: CmdletDefinition = {
  parameters: ['AppId', 'ObjectId', 'ServiceId', 'DisplayName', 'Organization'],
  run(p, { view, record }) {
    const usesServiceId = !p.has('ObjectId') && p.has('ServiceId');
    p.require('AppId', usesServiceId ? 'ServiceId' : 'ObjectId');
    const appId = p.string('AppId') ?? '';
    const objectId = (usesServiceId ? p.string('ServiceId') : p.string('ObjectId')) ?? '';
    // Exchange looks the application up in Entra. The ObjectId is taken as given: Microsoft warns that
    // the App registration's object id here "will cause an authentication failure" later, not an error now.
    const app = view.apps.find((a) => a.clientId.toLowerCase() === appId.toLowerCase());
    if (!app) throw cmdletErrors.notFound(appId);
    const existing = exchangeServicePrincipals(view).find(
      (sp) => sp.appId.toLowerCase() === appId.toLowerCase() || sp.objectId.toLowerCase() === objectId.toLowerCase(),
    );
    if (existing) throw cmdletErrors.alreadyExists(`The service principal with AppId '${existing.appId}'`);
    const displayName = p.string('DisplayName') || app.displayName;
    record((t) => {
      t.exchangeServicePrincipals.push(objectId);
      t.exchangeServicePrincipalInfo = { ...t.exchangeServicePrincipalInfo, [objectId]: { appId, displayName } };
    });
    return {
      rows: [servicePrincipalRow({ objectId, appId, displayName })],
      ...(usesServiceId ? { warnings: [SERVICE_ID_WARNING] } : {}),
    };
  },
};

export const getServicePrincipal: CmdletDefinition = {
  parameters: ['Identity', 'Organization'],
  run(p, { view }) {
    const identity = p.string('Identity');
    // Microsoft's caution: an empty or $null Identity returns every service principal (§14.2.1).
    if (!identity) return { rows: exchangeServicePrincipals(view).map(servicePrincipalRow) };
    const sp = findServicePrincipal(view, identity);
    if (!sp) throw cmdletErrors.notFound(identity);
    return { rows: [servicePrincipalRow(sp)] };
  },
};

export const removeServicePrincipal: CmdletDefinition = {
  parameters: ['Identity'],
  run(p, { view, record }) {
    p.require('Identity');
    const identity = p.string('Identity') ?? '';
    const sp = findServicePrincipal(view, identity);
    if (!sp) throw cmdletErrors.notFound(identity);
    record((t) => {
      t.exchangeServicePrincipals = t.exchangeServicePrincipals.filter((id) => id !== sp.objectId);
      t.managementRoleAssignments = (t.managementRoleAssignments ?? []).filter((a) => a.app !== sp.objectId);
      for (const m of t.mailboxes) {
        m.fullAccessServicePrincipals = m.fullAccessServicePrincipals.filter((id) => id !== sp.objectId);
        m.sendAs = m.sendAs.filter((id) => id !== sp.objectId);
      }
    });
    return { rows: [] };
  },
};
