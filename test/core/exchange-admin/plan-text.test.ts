// The PowerShell a plan shows is what an admin pastes: quoting, switches, lists, the cloud's Connect line.
import { describe, expect, it } from 'vitest';
import { connectExchangeOnline, powershell } from '../../../src/core/exchange-admin/cmdlet';
import { cmdlets } from '../../../src/core/exchange-admin/cmdlets';
import { readServicePrincipal } from '../../../src/core/exchange-admin/cmdlets';

describe('plan text', () => {
  it('quotes only values that need it, and doubles single quotes', () => {
    expect(powershell(cmdlets.addRecipientPermission("o'brien@contoso.com", 'Mailer App'))).toBe(
      "Add-RecipientPermission -Identity 'o''brien@contoso.com' -Trustee 'Mailer App' -AccessRights SendAs -Confirm:$false",
    );
    expect(powershell(cmdlets.setTransportConfig(true))).toBe(
      'Set-TransportConfig -SmtpClientAuthenticationDisabled $true',
    );
  });

  it("connects to the profile's cloud", () => {
    expect(connectExchangeOnline('global', 'admin@contoso.com')).toBe(
      'Connect-ExchangeOnline -UserPrincipalName admin@contoso.com',
    );
    expect(connectExchangeOnline('gcc-high')).toBe('Connect-ExchangeOnline -ExchangeEnvironmentName O365USGovGCCHigh');
    expect(connectExchangeOnline('china')).toBe('Connect-ExchangeOnline -ExchangeEnvironmentName O365China');
  });

  it("reads the service principal by AppId even when Exchange lists every one (Microsoft's caution)", () => {
    const rows = [
      { AppId: 'other', ObjectId: '1', Identity: '1' },
      { AppId: 'APP', ServiceId: '2', DisplayName: 'Mailer' },
    ];
    expect(readServicePrincipal(rows, 'app')).toEqual({
      identity: '2',
      appId: 'APP',
      objectId: '2',
      displayName: 'Mailer',
    });
    expect(readServicePrincipal(rows, 'none')).toBeUndefined();
  });
});
