# Alternative to SMTP.SendAsApp + Add-MailboxPermission: application RBAC in Exchange Online.
# With RBAC, REMOVE the SMTP.SendAsApp API permission from the app registration; if it is
# present, Exchange also checks mailbox permissions.
param(
    [Parameter(Mandatory = $true)] [string] $EnterpriseAppObjectId,
    # A mail-enabled security group whose members the app may send as.
    [Parameter(Mandatory = $true)] [string] $GroupIdentity,
    # Your Exchange admin account, e.g. admin@contoso.onmicrosoft.com (optional: it pre-fills the sign-in).
    [string] $AdminUpn = ''
)
$ErrorActionPreference = 'Stop'
# Needs the ExchangeOnlineManagement module: Install-Module -Name ExchangeOnlineManagement
Import-Module ExchangeOnlineManagement
# Signs you in interactively as an Exchange administrator.
if ($AdminUpn) { Connect-ExchangeOnline -UserPrincipalName $AdminUpn } else { Connect-ExchangeOnline }

$sp = Get-ServicePrincipal | Where-Object { $_.AppId -eq 'aaaaaaaa-0000-4000-8000-000000000001' }
if (-not $sp) {
    $sp = New-ServicePrincipal -AppId 'aaaaaaaa-0000-4000-8000-000000000001' -ObjectId $EnterpriseAppObjectId -DisplayName 'Contoso mailer'
}
$dn = (Get-DistributionGroup -Identity $GroupIdentity).DistinguishedName
$scopeName = 'SMTP senders for Contoso mailer'
New-ManagementScope -Name $scopeName -RecipientRestrictionFilter "MemberOfGroup -eq '$dn'"
New-ManagementRoleAssignment -Role 'Application SMTP.SendAsApp' -App $sp.AppId -CustomResourceScope $scopeName

# Add noreply@contoso.com to the group, then test with Test-ServicePrincipalAuthorization -Identity $sp.AppId -Resource 'noreply@contoso.com'
