// App RBAC (§14.2.6): New-ManagementScope, New-ManagementRoleAssignment -App, Test-ServicePrincipalAuthorization,
// and Get-DistributionGroup (a group's DistinguishedName is what a MemberOfGroup scope filter names).
import { cmdletErrors } from '../errors';
import { type CmdletDefinition } from '../cmdlet';
import { findGroup, findRecipient, findServicePrincipal, groupDn } from '../recipients';
import { APPLICATION_ROLES, inScope, parseFilter } from '../rbac';

export const newManagementScope: CmdletDefinition = {
  parameters: ['Name', 'RecipientRestrictionFilter'],
  run(p, { view, record }) {
    p.require('Name', 'RecipientRestrictionFilter');
    const name = p.string('Name') ?? '';
    const filter = p.string('RecipientRestrictionFilter') ?? '';
    parseFilter(filter);
    if ((view.managementScopes ?? []).some((s) => s.name.toLowerCase() === name.toLowerCase()))
      throw cmdletErrors.alreadyExists(`The management scope '${name}'`);
    record((t) => {
      t.managementScopes = [...(t.managementScopes ?? []), { name, recipientRestrictionFilter: filter }];
    });
    return {
      rows: [{ Name: name, RecipientFilter: filter, ScopeRestrictionType: 'RecipientScope', Exclusive: false }],
    };
  },
};

export const newManagementRoleAssignment: CmdletDefinition = {
  parameters: ['Role', 'App', 'CustomResourceScope', 'Name'],
  run(p, { view, record }) {
    // The stand-in models the -App parameter set only (user and group assignments are not needed here).
    p.require('Role', 'App');
    const roleName = p.string('Role') ?? '';
    const role = APPLICATION_ROLES.find((r) => r.toLowerCase() === roleName.toLowerCase());
    if (!role) throw cmdletErrors.notFound(roleName);
    const appValue = p.string('App') ?? '';
    // Microsoft's pages pass the ObjectId (cmdlet reference) or the App ID (SMTP onboarding page).
    const sp = findServicePrincipal(view, appValue);
    if (!sp) throw cmdletErrors.notFound(appValue);
    const scopeName = p.string('CustomResourceScope') || null;
    const scope = scopeName
      ? (view.managementScopes ?? []).find((s) => s.name.toLowerCase() === scopeName.toLowerCase())
      : undefined;
    if (scopeName && !scope) throw cmdletErrors.notFound(scopeName);
    const name = p.string('Name') || `${role}-${sp.displayName}`;
    if ((view.managementRoleAssignments ?? []).some((a) => a.name.toLowerCase() === name.toLowerCase()))
      throw cmdletErrors.alreadyExists(`The management role assignment '${name}'`);
    const customResourceScope = scope?.name ?? null;
    record((t) => {
      t.managementRoleAssignments = [
        ...(t.managementRoleAssignments ?? []),
        { name, role, app: sp.objectId, customResourceScope },
      ];
    });
    return {
      rows: [
        {
          Name: name,
          Role: role,
          RoleAssignee: sp.objectId,
          RoleAssigneeName: sp.displayName,
          RoleAssigneeType: 'ServicePrincipal',
          CustomResourceScope: customResourceScope,
          Enabled: true,
        },
      ],
    };
  },
};

export const testServicePrincipalAuthorization: CmdletDefinition = {
  parameters: ['Identity', 'Resource'],
  run(p, { view }) {
    p.require('Identity');
    const identity = p.string('Identity') ?? '';
    const sp = findServicePrincipal(view, identity);
    if (!sp) throw cmdletErrors.notFound(identity);
    const resource = p.string('Resource');
    const mailbox = resource ? findRecipient(view, resource) : undefined;
    if (resource && !mailbox) throw cmdletErrors.notFound(resource);
    const rows = (view.managementRoleAssignments ?? [])
      .filter((a) => a.app === sp.objectId)
      .map((a) => ({
        RoleName: a.role,
        GrantedPermissions: a.role.replace(/^Application /, ''),
        AllowedResourceScope: a.customResourceScope ?? 'Organization',
        ScopeType: a.customResourceScope ? 'CustomRecipientScope' : 'Organization',
        // "True/False with -Resource, Not Run without it" (§14.2.6).
        InScope: mailbox ? inScope(view, a.customResourceScope, mailbox) : 'Not Run',
      }));
    return { rows };
  },
};

export const getDistributionGroup: CmdletDefinition = {
  parameters: ['Identity', 'ResultSize'],
  run(p, { view }) {
    const identity = p.string('Identity');
    const groups = identity ? [findGroup(view, identity)] : (view.groups ?? []);
    if (identity && !groups[0]) throw cmdletErrors.notFound(identity);
    return {
      rows: groups.flatMap((g) =>
        g
          ? [
              {
                Identity: g.alias,
                Name: g.alias,
                Alias: g.alias,
                DisplayName: g.displayName,
                PrimarySmtpAddress: g.address,
                DistinguishedName: groupDn(view, g),
              },
            ]
          : [],
      ),
    };
  },
};
