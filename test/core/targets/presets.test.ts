import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { targetIds } from '../../../src/shared/profile';
import { defaultScopesFor, targetPreset, targetPresets } from '../../../src/shared/targets';

describe('target presets', () => {
  it('AEM asks for both localhost redirect URIs, with and without the slash, on the Web platform', () => {
    const aem = targetPreset('aem');
    expect(aem.redirect.platform).toBe('Web');
    expect(aem.redirect.uris).toEqual(expect.arrayContaining(['http://localhost', 'http://localhost/']));
    expect(aem.redirect.note).toMatch(/both/);
  });

  it("AEM asks for the scopes and permissions Adobe's current page lists", () => {
    const aem = targetPreset('aem');
    expect(aem.defaultScopes).toEqual([
      'https://outlook.office.com/SMTP.Send',
      'openid',
      'offline_access',
      'email',
      'profile',
    ]);
    expect(aem.permissions.map((p) => `${p.api} ${p.type} ${p.permission}`)).toEqual(
      ['SMTP.Send', 'offline_access', 'openid', 'email', 'profile'].map((n) => `Microsoft Graph Delegated ${n}`),
    );
    const permissionsStep = aem.checklist.find((s) => /API permissions/.test(s.title));
    expect(permissionsStep?.detail).toContain('SMTP.Send, offline_access, openid, email, profile');
    expect(permissionsStep?.detail).not.toMatch(/Mail\.(Read|Send)/);
  });

  it("Onit uses Graph's SMTP.Send scope", () => {
    expect(targetPreset('onit').defaultScopes).toContain('https://graph.microsoft.com/SMTP.Send');
  });

  it('app-only needs SMTP.SendAsApp under Office 365 Exchange Online with admin consent, and Exchange service principal steps', () => {
    const p = targetPreset('app-only');
    expect(p.flow).toBe('app-only');
    expect(p.defaultScopes).toEqual(['https://outlook.office365.com/.default']);
    expect(p.permissions).toEqual([
      {
        api: 'Office 365 Exchange Online',
        apiTab: 'APIs my organization uses',
        type: 'Application',
        permission: 'SMTP.SendAsApp',
        adminConsentRequired: true,
      },
    ]);
    const steps = p.exchangeAdminSteps.map((s) => s.detail).join('\n');
    expect(steps).toMatch(/New-ServicePrincipal[\s\S]*Enterprise applications/);
    expect(steps).toContain('Add-MailboxPermission');
    expect(p.checklist.map((s) => s.detail).join('\n')).toMatch(/Grant admin consent/);
  });

  it.each(targetIds)(
    '%s: delegated targets ask for offline_access and have a redirect URI, app-only has none',
    (id) => {
      const p = targetPreset(id);
      if (p.flow === 'delegated') {
        expect(p.defaultScopes).toContain('offline_access');
        expect(p.redirect.uris).toContain(p.redirect.defaultRedirectUri);
      } else {
        expect(p.redirect.uris).toEqual([]);
      }
      expect(p.checklist.length).toBeGreaterThan(3);
      expect(p.exchangeAdminSteps.some((s) => s.detail.includes('Set-CASMailbox'))).toBe(true);
    },
  );

  it('offers the public-client registration only where the mailer sends no secret', () => {
    const publicStep = (id: (typeof targetIds)[number]) =>
      targetPreset(id).checklist.find((s) => /public client/i.test(s.title));
    expect(publicStep('generic')?.detail).toMatch(
      /Mobile and desktop applications[\s\S]*Allow public client flows[\s\S]*AADSTS700025/,
    );
    for (const id of ['aem', 'onit', 'emailengine', 'akumina', 'app-only'] as const)
      expect(publicStep(id)).toBeUndefined();
  });

  it('swaps Exchange and Graph hosts for national clouds', () => {
    expect(defaultScopesFor('generic', 'gcc-high')).toEqual([
      'https://outlook.office365.us/SMTP.Send',
      'offline_access',
    ]);
    expect(defaultScopesFor('app-only', 'china')).toEqual(['https://partner.outlook.cn/.default']);
    expect(defaultScopesFor('onit', 'dod')).toEqual(['https://dod-graph.microsoft.us/SMTP.Send', 'offline_access']);
    expect(defaultScopesFor('aem', 'global')).toEqual([...targetPreset('aem').defaultScopes]);
  });
});

describe('a target is a folder', () => {
  it.each(targetIds)('%s has src/core/targets/<id>/preset.ts registered under its own id', (id) => {
    expect(existsSync(join('src/core/targets', id, 'preset.ts'))).toBe(true);
    expect(targetPresets[id].id).toBe(id);
  });
});
