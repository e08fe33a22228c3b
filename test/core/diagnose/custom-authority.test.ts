import { describe, expect, it } from 'vitest';
import { authorityFor, authorityHostOf } from '../../../src/core/authority/authority';
import { diagnose } from '../../../src/core/diagnose/index';
import { IdpErrorResponse } from '../../../src/core/diagnose/server-error';

/** A custom authority host pasted with a trailing slash and a space, as people copy it from a browser. */
const profile = {
  cloud: 'custom' as const,
  customAuthorityHost: ' https://login.example.com/ ',
  tenant: 'contoso.example',
  clientId: 'aaaaaaaa-0000-4000-8000-000000000001',
};

describe('a custom authority host, as typed', () => {
  it('is the same host for sign-in, diagnoses and exports', () => {
    expect(authorityHostOf(profile)).toBe('https://login.example.com');
    expect(authorityFor(profile).host).toBe(authorityHostOf(profile));
    expect(authorityHostOf({ cloud: 'global' })).toBe('https://login.microsoftonline.com');
  });

  it('fills the admin-consent link of a consent diagnosis without a doubled slash or stray space', () => {
    const p = diagnose(
      new IdpErrorResponse({ error: 'invalid_grant', aadsts: 65001, description: 'AADSTS65001: consent required' }),
      { profile },
    );
    const text = [p.explanation, ...p.fixSteps, ...p.commands].join('\n');
    expect(text).toContain(
      'https://login.example.com/contoso.example/adminconsent?client_id=aaaaaaaa-0000-4000-8000-000000000001',
    );
    expect(text).not.toMatch(/example\.com\/\s*\//);
  });
});
