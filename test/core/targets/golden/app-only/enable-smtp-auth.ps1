# Allows SMTP AUTH (which XOAUTH2 needs) for the sending mailbox and shows the tenant-wide switch.
# Run in PowerShell as an Exchange administrator.
param(
    # Your Exchange admin account, e.g. admin@contoso.onmicrosoft.com (optional: it pre-fills the sign-in).
    [string] $AdminUpn = ''
)
$ErrorActionPreference = 'Stop'
# Needs the ExchangeOnlineManagement module: Install-Module -Name ExchangeOnlineManagement
Import-Module ExchangeOnlineManagement
# Signs you in interactively as an Exchange administrator.
if ($AdminUpn) { Connect-ExchangeOnline -UserPrincipalName $AdminUpn } else { Connect-ExchangeOnline }

# 1. Tenant-wide switch: True means SMTP AUTH is off unless a mailbox turns it on (step 2).
Get-TransportConfig | Format-List SmtpClientAuthenticationDisabled

# 2. Turn SMTP AUTH on for the mailbox (overrides the tenant-wide switch).
Set-CASMailbox -Identity 'noreply@contoso.com' -SmtpClientAuthenticationDisabled $false

# 3. Check: this must show False.
Get-CASMailbox -Identity 'noreply@contoso.com' | Format-List SmtpClientAuthenticationDisabled

# Security defaults, or a Conditional Access policy that blocks legacy authentication,
# still block SMTP AUTH for the mailbox; check them in the Entra admin center.
Disconnect-ExchangeOnline -Confirm:$false
