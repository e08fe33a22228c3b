import { describe, expect, it } from 'vitest';
import { targetExports } from '../../../../src/core/targets';
import type { Profile } from '../../../../src/shared/profile';
import { fixtureProfile } from '../fixture-profile';

/**
 * The dashboard sheet uses the labels of EmailEngine's own Outlook OAuth2 form
 * (postalsys/emailengine views/partials/oauth_form.hbs and the cloud list in
 * lib/ui-routes/oauth-config-routes.js, read at release 2.79.2).
 */
const sheet = (over: Partial<Profile> = {}) => {
  const out = targetExports('emailengine', fixtureProfile('emailengine', over), {}, { includeSecrets: false });
  const fields = out.find((o) => o.name === 'emailengine-outlook-oauth2-app.txt')?.fields ?? [];
  return Object.fromEntries(fields.map((f) => [f.label, f.value]));
};

describe("EmailEngine's Outlook OAuth2 form", () => {
  it('uses the form’s own labels', () => {
    expect(Object.keys(sheet())).toEqual([
      'Application name',
      'Enable this app',
      'Azure Application Id',
      'Client Secret',
      'Azure cloud environment',
      'Supported account types',
      'Directory (tenant) ID',
      'Redirect URL',
      'Base scopes',
    ]);
  });

  it('picks the single-tenant radio option for a directory and puts its id in the separate field', () => {
    expect(sheet()).toMatchObject({
      'Supported account types': 'Accounts in the specified organizational directory only (Single tenant)',
      'Directory (tenant) ID': '11111111-1111-4111-8111-111111111111',
      'Base scopes': 'IMAP and SMTP',
    });
  });

  it.each([
    ['organizations', 'Accounts in any organizational directory (Any Microsoft Entra ID tenant - Multitenant)'],
    [
      'common',
      'Accounts in any organizational directory (Any Microsoft Entra ID tenant - Multitenant) and personal Microsoft accounts (e.g. Skype, Xbox)',
    ],
    ['consumers', 'Personal Microsoft accounts only'],
  ])('tenant %s is its own radio option, with no directory id field', (tenant, option) => {
    const s = sheet({ tenant });
    expect(s['Supported account types']).toBe(option);
    expect(s).not.toHaveProperty('Directory (tenant) ID');
  });

  it.each([
    ['global', 'Azure global service'],
    ['gcc-high', 'GCC High'],
    ['dod', 'DoD'],
    ['china', 'Azure China'],
    ['custom', 'Azure global service'],
  ] as const)('cloud %s is the option "%s"', (cloud, option) => {
    expect(sheet({ cloud })['Azure cloud environment']).toBe(option);
  });
});
