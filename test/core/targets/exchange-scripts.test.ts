import { describe, expect, it } from 'vitest';
import { exportsFor } from '../../../src/core/targets';
import type { CloudId } from '../../../src/shared/profile';
import { fixtureProfile } from './fixture-profile';

/**
 * The Exchange scripts sign an admin in the way Microsoft's Connect-ExchangeOnline reference
 * says an admin at a keyboard does (reference §14.4): no -Organization (that is for
 * certificate connections and takes the .onmicrosoft.com domain), -UserPrincipalName when
 * the admin's address is given, and the national cloud's -ExchangeEnvironmentName.
 */
const powershell = (cloud: CloudId) =>
  exportsFor(fixtureProfile('app-only', { cloud }), {}, { includeSecrets: false }).filter(
    (o) => o.language === 'powershell',
  );

describe('Exchange Online PowerShell exports', () => {
  it('never pass the tenant as -Organization, and take the admin’s address as -AdminUpn', () => {
    const scripts = powershell('global');
    expect(scripts.map((s) => s.name).sort()).toEqual([
      'app-rbac-alternative.ps1',
      'enable-smtp-auth.ps1',
      'register-service-principal.ps1',
    ]);
    for (const s of scripts) {
      expect(s.content, s.name).not.toContain('-Organization');
      expect(s.content, s.name).toContain("[string] $AdminUpn = ''");
      expect(s.content, s.name).toContain(
        'if ($AdminUpn) { Connect-ExchangeOnline -UserPrincipalName $AdminUpn } else { Connect-ExchangeOnline }',
      );
      // The param block comes before any statement, or PowerShell refuses the script.
      const code = s.content.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
      expect(code[0], s.name).toBe('param(');
    }
  });

  it.each([
    ['gcc-high', 'O365USGovGCCHigh'],
    ['dod', 'O365USGovDoD'],
    ['china', 'O365China'],
  ] as const)('in the %s cloud connect with -ExchangeEnvironmentName %s', (cloud, environment) => {
    for (const s of powershell(cloud))
      expect(s.content).toContain(`Connect-ExchangeOnline -ExchangeEnvironmentName ${environment} }`);
  });
});
