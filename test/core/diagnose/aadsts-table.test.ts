import { ServerError } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import { aadstsRules } from '../../../src/core/diagnose/aadsts';
import { diagnose } from '../../../src/core/diagnose/index';
import { IdpErrorResponse, idpErrorFromBody } from '../../../src/core/diagnose/server-error';
import { NetworkFailure } from '../../../src/core/net/network-failure';
import { ProblemError } from '../../../src/core/problem-error';
import { problem } from '../../../src/shared/problem';

const ctx = {
  profile: {
    clientId: 'aaaaaaaa-0000-4000-8000-000000000001',
    tenant: 'contoso.com',
    redirectUri: 'http://localhost/app/',
  },
};

describe('the AADSTS table', () => {
  it('gives every row a title, an explanation and at least one fix step, with the profile filled in', () => {
    for (const rule of aadstsRules) {
      expect(rule.codes.length).toBeGreaterThan(0);
      for (const num of rule.codes) {
        const p = diagnose(new IdpErrorResponse({ error: 'x', aadsts: num, description: `AADSTS${num}: text` }), ctx);
        expect(p.code).toBe(`AADSTS${num}`);
        expect(p.category).toBe(rule.category);
        expect(p.title.length).toBeGreaterThan(5);
        expect(p.explanation.length).toBeGreaterThan(20);
        expect(p.fixSteps.length).toBeGreaterThan(0);
        expect(JSON.stringify(p)).not.toMatch(/undefined/);
      }
    }
  });

  it('puts the exact portal path with the client id into the redirect fix', () => {
    const p = diagnose(new IdpErrorResponse({ error: 'invalid_request', aadsts: 50011, description: '' }), ctx);
    expect(p.fixSteps[0]).toContain('App registrations');
    expect(p.fixSteps[0]).toContain('aaaaaaaa-0000-4000-8000-000000000001');
    expect(p.fixSteps[0]).toContain('http://localhost/app/');
    expect(p.field).toBe('redirectUri');
  });

  it('says “secret ID pasted” for 7000215 when the secret looked like an ID', () => {
    const body = {
      error: 'invalid_client',
      error_description: 'AADSTS7000215: Invalid client secret provided.\r\nTrace ID: x',
      error_codes: [7000215],
    };
    const idp = idpErrorFromBody(body, 401);
    if (!idp) throw new Error('not parsed');
    expect(diagnose(new IdpErrorResponse(idp), { ...ctx, secretLooksLikeId: true }).title).toMatch(/secret’s ID/);
    const plain = diagnose(new IdpErrorResponse(idp), ctx);
    expect(plain.title).toBe('The client secret is wrong');
    expect(plain.detail).toBe('AADSTS7000215: Invalid client secret provided.');
  });

  it('reads the AADSTS number out of an MSAL ServerError', () => {
    const e = new ServerError(
      'invalid_grant',
      'corr-id',
      '70043 - [2026-01-01]: AADSTS70043: The refresh token has expired due to sign-in frequency checks',
      'bad_token',
    );
    expect(diagnose(e, ctx).code).toBe('AADSTS70043');
  });

  it('without an AADSTS number, the OAuth error name alone gives a generic diagnosis, never a specific cause', () => {
    const denied = diagnose(new IdpErrorResponse({ error: 'access_denied', description: 'the user canceled' }));
    expect(denied.code).toBe('OAUTH_ACCESS_DENIED');
    expect(denied.title).not.toBe('Consent was declined');
    expect(denied.remedy).toEqual({ kind: 'support-report' });
    expect(diagnose(new IdpErrorResponse({ error: 'consent_required', description: '' })).title).toBe(
      'Nobody has consented to this app’s permissions yet',
    );
  });

  it('passes diagnosed errors through and maps network failures, also when wrapped', () => {
    const pe = new ProblemError(problem({ code: 'PROFILE_NOT_FOUND', title: 't', explanation: 'e', fixSteps: [] }));
    expect(diagnose(pe).code).toBe('PROFILE_NOT_FOUND');
    expect(diagnose(new Error('wrapped', { cause: new NetworkFailure('tls-untrusted', 'h:443') })).code).toBe(
      'TLS_UNTRUSTED',
    );
    expect(diagnose(new NetworkFailure('refused', 'h:443')).code).toBe('IDP_UNREACHABLE');
  });

  it('blanks long token-like strings in the detail', () => {
    const p = diagnose(
      new IdpErrorResponse({
        error: 'invalid_grant',
        aadsts: 9002313,
        description: `AADSTS9002313: bad ${'A'.repeat(80)}`,
      }),
    );
    expect(p.detail).toBe('AADSTS9002313: bad [redacted]');
  });
});
