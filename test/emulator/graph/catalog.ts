// What the two resource APIs publish (reference §13.2.3): the delegated scopes and app roles on the
// service principals of Microsoft Graph and Office 365 Exchange Online. Clients must read these by
// value at run time; the ids are the ones §13.2.3 lists, and emulator-made ones (marked `emu`) where
// it lists none, so a client that hard-codes an id instead of reading it breaks here too.
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
export const EXCHANGE_APP_ID = '00000002-0000-0ff1-ce00-000000000000';
/** Microsoft Graph Command Line Tools (§13.6.1). */
export const GRAPH_CLI_APP_ID = '14d82eec-204b-4c2f-b7e8-296a70dab67e';

export interface Published {
  readonly value: string;
  readonly id: string;
  /** Delegated scopes only: whether a user may consent alone. */
  readonly adminConsentRequired?: boolean;
}

export interface ResourceApi {
  readonly appId: string;
  readonly displayName: string;
  readonly family: 'graph' | 'exchange';
  readonly scopes: readonly Published[];
  readonly roles: readonly Published[];
}

export const GRAPH_API: ResourceApi = {
  appId: GRAPH_APP_ID,
  displayName: 'Microsoft Graph',
  family: 'graph',
  scopes: [
    { value: 'openid', id: '37f7f235-527c-4136-accd-4a02d197296e' },
    { value: 'offline_access', id: '7427e0e9-2fba-42fe-b0c0-848c9e6a8182' },
    { value: 'profile', id: '14dad69e-099b-42c9-810b-d002981feec1' },
    { value: 'email', id: '64a6cdd6-aab1-4aaf-94b8-3cc8405e90d0' },
    { value: 'SMTP.Send', id: '258f6531-6087-4cc4-bb90-092c5fb3ed3f' },
    { value: 'IMAP.AccessAsUser.All', id: '652390e4-393a-48de-9484-05f9b1212954' },
    { value: 'POP.AccessAsUser.All', id: 'd7b7f2d9-0f45-4ea1-9d42-e50810c06991' },
    { value: 'User.Read', id: 'e1fe6dd8-ba31-4d61-89e7-88639da4683d' },
    { value: 'Mail.Send', id: 'e383f46e-2787-4529-855e-0e479a3ffac0' },
    { value: 'Application.ReadWrite.All', id: 'bdfbf15f-ee85-4955-8675-146e8e5296b5', adminConsentRequired: true },
    { value: 'Application.Read.All', id: 'c79f8feb-a9db-4090-85f9-90d820caa0eb', adminConsentRequired: true },
    {
      value: 'DelegatedPermissionGrant.ReadWrite.All',
      id: '41ce6ca6-6826-4807-84f1-1c82854f7ee5',
      adminConsentRequired: true,
    },
    {
      value: 'AppRoleAssignment.ReadWrite.All',
      id: '84bccea3-f856-4a8a-967b-dbe0a3d53a64',
      adminConsentRequired: true,
    },
    // emu: not listed in §13.2.3
    { value: 'User.ReadBasic.All', id: 'e0e0e0e0-0001-4000-8000-00000000a010' },
    { value: 'Mail.Read', id: 'e0e0e0e0-0001-4000-8000-00000000a011' },
    { value: 'Mail.ReadWrite', id: 'e0e0e0e0-0001-4000-8000-00000000a012' },
    { value: 'Directory.Read.All', id: 'e0e0e0e0-0001-4000-8000-00000000a013', adminConsentRequired: true },
    { value: 'Organization.Read.All', id: 'e0e0e0e0-0001-4000-8000-00000000a014', adminConsentRequired: true },
  ],
  roles: [
    { value: 'Mail.Send', id: 'b633e1c5-b582-4048-a93e-9f11b44c7e96' },
    { value: 'Application.ReadWrite.All', id: '1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9' },
  ],
};

export const EXCHANGE_API: ResourceApi = {
  appId: EXCHANGE_APP_ID,
  displayName: 'Office 365 Exchange Online',
  family: 'exchange',
  scopes: [
    { value: 'SMTP.Send', id: '76faac2a-0f20-42f1-928a-50de5b9dbe52' },
    { value: 'IMAP.AccessAsUser.All', id: '195adc35-e27b-454b-a7ed-1ecdffa1c09f' },
    { value: 'POP.AccessAsUser.All', id: 'fb698133-92fa-453e-a9ed-688e10f2e5ac' },
    { value: 'EWS.AccessAsUser.All', id: '3b5f3d61-589b-4a3c-a359-5dd4b5ee5bd5' },
    { value: 'Exchange.Manage', id: 'ab4f2b77-0b06-4fc1-a9de-02113fc2ab7c', adminConsentRequired: true },
    // emu: not listed in §13.2.3
    { value: 'Mail.Send', id: 'e0e0e0e0-0002-4000-8000-00000000e010' },
    { value: 'Mail.Read', id: 'e0e0e0e0-0002-4000-8000-00000000e011' },
    { value: 'Mail.ReadWrite', id: 'e0e0e0e0-0002-4000-8000-00000000e012' },
    { value: 'User.Read', id: 'e0e0e0e0-0002-4000-8000-00000000e013' },
  ],
  roles: [
    { value: 'SMTP.SendAsApp', id: '7146a1f0-8703-45b3-9eae-527a64c00995' },
    { value: 'IMAP.AccessAsApp', id: '5e5addcd-3e8d-4e90-baf5-964efab2b20a' },
    { value: 'POP.AccessAsApp', id: 'cb842b43-da6e-4506-86fe-bb12199c656d' },
    { value: 'Exchange.ManageAsApp', id: 'dc50a0fb-09a3-484d-be87-e023b12c6440' },
    { value: 'full_access_as_app', id: 'dc890d15-9560-4a4c-9b7f-a736ec74ec40' },
  ],
};

export const RESOURCE_APIS: readonly ResourceApi[] = [GRAPH_API, EXCHANGE_API];

export function resourceApi(appId: string): ResourceApi | undefined {
  return RESOURCE_APIS.find((r) => r.appId.toLowerCase() === appId.toLowerCase());
}

/** How the IdP spells a permission of an API in the directory (§6 resource URIs). */
export function permissionUri(api: ResourceApi, value: string): string {
  return api.family === 'graph' ? `https://graph.microsoft.com/${value}` : `https://outlook.office.com/${value}`;
}
