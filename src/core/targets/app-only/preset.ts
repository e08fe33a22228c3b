import type { TargetPreset } from '../../../shared/target-preset';
import { copyIds, globalSmtp, register, smtpAuthForMailbox } from '../common/preset-parts';

export const appOnlyPreset: TargetPreset = {
  id: 'app-only',
  label: 'App-only mailer (client credentials)',
  summary:
    'A service that sends as a mailbox with its own identity: SMTP.SendAsApp, an Exchange service principal and mailbox permission.',
  flow: 'app-only',
  defaultScopes: ['https://outlook.office365.com/.default'],
  permissions: [
    {
      api: 'Office 365 Exchange Online',
      apiTab: 'APIs my organization uses',
      type: 'Application',
      permission: 'SMTP.SendAsApp',
      adminConsentRequired: true,
    },
  ],
  redirect: { platform: 'none', uris: [], defaultRedirectUri: '', note: 'App-only sign-in uses no redirect URI.' },
  credential: 'client-secret-or-certificate',
  smtp: globalSmtp,
  exchangeAdminSteps: [
    {
      title: 'Register the service principal in Exchange',
      detail:
        'New-ServicePrincipal -AppId <client id> -ObjectId <object id>, using the Object ID shown under Entra ID > Enterprise applications > your app (the service principal), NOT the Object ID on the App registration page.',
    },
    {
      title: 'Give it the mailbox',
      detail:
        'Add-MailboxPermission -Identity <mailbox> -User <service principal id> -AccessRights FullAccess. Changes can take up to an hour to apply.',
    },
    {
      title: 'Or: application RBAC',
      detail:
        "Instead of SMTP.SendAsApp + mailbox permissions: New-ManagementScope with a RecipientRestrictionFilter, then New-ManagementRoleAssignment -Role 'Application SMTP.SendAsApp' -App <service principal> -CustomResourceScope <scope>. With RBAC, remove the SMTP.SendAsApp API permission.",
    },
    smtpAuthForMailbox,
  ],
  checklist: [
    register,
    {
      title: 'Add the application permission',
      detail:
        'API permissions > Add a permission > APIs my organization uses > search "Office 365 Exchange Online" > Application permissions > SMTP.SendAsApp > Add permissions.',
    },
    {
      title: 'Grant admin consent',
      detail: 'API permissions > "Grant admin consent for <your organization>"; the Status column must show "Granted".',
    },
    {
      title: 'Create a credential',
      detail:
        'Certificates & secrets: a client secret (copy its Value) or upload a certificate (more secure; keep its private key for this wizard).',
    },
    copyIds,
    {
      title: 'Copy the Enterprise application object ID',
      detail:
        'Entra ID > Enterprise applications > your app > Overview > Object ID. New-ServicePrincipal needs this one.',
    },
  ],
};
