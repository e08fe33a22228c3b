# Lets the app registration send through SMTP as the mailbox (client credentials flow).
# Run in PowerShell as an Exchange administrator.
param(
    # The OBJECT ID of the ENTERPRISE APPLICATION (service principal): Entra admin center >
    # Enterprise applications > your app > Overview > Object ID. Not the App registration's Object ID.
    [Parameter(Mandatory = $true)] [string] $EnterpriseAppObjectId,
    # Your Exchange admin account, e.g. admin@contoso.onmicrosoft.com (optional: it pre-fills the sign-in).
    [string] $AdminUpn = ''
)
$ErrorActionPreference = 'Stop'
# Needs the ExchangeOnlineManagement module: Install-Module -Name ExchangeOnlineManagement
Import-Module ExchangeOnlineManagement
# Signs you in interactively as an Exchange administrator.
if ($AdminUpn) { Connect-ExchangeOnline -UserPrincipalName $AdminUpn } else { Connect-ExchangeOnline }

# 1. Register the service principal in Exchange Online (once per app).
$sp = Get-ServicePrincipal | Where-Object { $_.AppId -eq 'aaaaaaaa-0000-4000-8000-000000000001' }
if (-not $sp) {
    $sp = New-ServicePrincipal -AppId 'aaaaaaaa-0000-4000-8000-000000000001' -ObjectId $EnterpriseAppObjectId -DisplayName 'Contoso mailer'
}
$sp | Format-List DisplayName, AppId, ObjectId, Identity

# 2. Give it the mailbox it logs in as (XOAUTH2 user=).
Add-MailboxPermission -Identity 'noreply@contoso.com' -User $sp.Identity -AccessRights FullAccess

# 3. SMTP AUTH must be allowed for the mailbox.
Set-CASMailbox -Identity 'noreply@contoso.com' -SmtpClientAuthenticationDisabled $false

# Changes can take up to an hour before SMTP accepts the token (until then: 535 5.7.3).
