import type { TargetPreset } from '../../../shared/target-preset';
import { connectExchange, copyIds, globalSmtp, register, smtpAuthForMailbox } from '../common/preset-parts';

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
    connectExchange,
    {
      title: 'Register the service principal in Exchange',
      detail:
        'The -ObjectId is the Object ID under Entra ID > Enterprise applications > your app (the service principal), NOT the Object ID on the App registration page.',
      commands: ["New-ServicePrincipal -AppId <client id> -ObjectId <object id> -DisplayName '<name>'"],
    },
    {
      title: 'Give it the mailbox',
      detail: 'Changes can take up to an hour to apply.',
      commands: ['Add-MailboxPermission -Identity <mailbox> -User <object id> -AccessRights FullAccess'],
    },
    {
      title: 'Or: application RBAC',
      detail:
        'Instead of SMTP.SendAsApp + mailbox permissions: a management scope for the mailbox and the Application SMTP.SendAsApp role on it, after registering the service principal as above. With RBAC, remove the SMTP.SendAsApp API permission. The copy button copies the whole sequence.',
      commands: [
        '<connect>',
        "New-ServicePrincipal -AppId <client id> -ObjectId <object id> -DisplayName '<name>'",
        `New-ManagementScope -Name '<name> SMTP' -RecipientRestrictionFilter "PrimarySmtpAddress -eq '<mailbox>'"`,
        "New-ManagementRoleAssignment -App <object id> -Role 'Application SMTP.SendAsApp' -CustomResourceScope '<name> SMTP'",
        'Test-ServicePrincipalAuthorization -Identity <client id> -Resource <mailbox>',
      ],
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
        'Entra ID > Enterprise applications > your app > Overview > Object ID, into Details (optional): it fills the Exchange commands below. The app’s first token tells the wizard too.',
    },
  ],
};
