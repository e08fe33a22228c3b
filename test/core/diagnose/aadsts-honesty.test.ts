import { describe, expect, it } from 'vitest';
import { ruleFor } from '../../../src/core/diagnose/aadsts';
import { diagnose } from '../../../src/core/diagnose/index';
import { IdpErrorResponse, idpErrorFromBody } from '../../../src/core/diagnose/server-error';
import type { Problem } from '../../../src/shared/problem';
import { AADSTS, aadError } from '../../emulator/idp/errors';

/**
 * Issue 16 acceptance: every code in the emulator's list and real codes outside it (Microsoft's
 * error-code reference, D7), each through the token endpoint's JSON shape. A code with a rule
 * gets its rule; any other code gets the "does not know" diagnosis with Microsoft's words, the
 * lookup link for the profile's cloud and the support report, and never a known code's title.
 */

const GLOBAL = { clientId: 'aaaaaaaa-0000-4000-8000-000000000001', tenant: 'contoso.com', cloud: 'global' as const };
const params = new Proxy({}, { get: (_t, k) => `{${String(k)}}` }) as Record<string, string>;

/** Real codes and D7's descriptions, none of which the emulator produces. */
const OUTSIDE: ReadonlyArray<readonly [number, string, string]> = [
  [50057, 'invalid_grant', 'The user account is disabled.'],
  [50053, 'invalid_grant', 'The account is locked because the user tried to sign in too many times.'],
  [50055, 'invalid_grant', 'The password is expired.'],
  [50097, 'invalid_grant', 'Device authentication is required.'],
  [50131, 'interaction_required', 'Indicates various Conditional Access errors such as bad Windows device state.'],
  [50132, 'invalid_grant', "The session isn't valid due to password expiration or recent password change."],
  [500021, 'access_denied', "Access to '{tenant}' tenant is denied."],
  [700020, 'interaction_required', 'The access grant requires interaction.'],
  [90024, 'temporarily_unavailable', 'A transient error has occurred. Try again.'],
  [16000, 'interaction_required', "User account '{EmailHidden}' from identity provider '{idp}' doesn't exist."],
  [50001, 'invalid_resource', "The resource is disabled or doesn't exist."],
  [7000114, 'unauthorized_client', "Application 'appIdentifier' isn't allowed to make application on-behalf-of calls."],
];

const traceId = '0000aaaa-11bb-cccc-dd33-eeeeee333333';
const correlationId = 'aaaa0000-bb11-2222-33cc-444444dddddd';
const outsideBody = ([code, error, text]: readonly [number, string, string]) => ({
  error,
  error_description: `AADSTS${code}: ${text}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: 2026-01-09 02:02:12Z`,
  error_codes: [code],
  trace_id: traceId,
  correlation_id: correlationId,
});

function diagnoseBody(body: unknown, status: number, profile: Record<string, string> = GLOBAL): Problem {
  const idp = idpErrorFromBody(body, status);
  if (!idp) throw new Error('not an error body');
  return diagnose(new IdpErrorResponse(idp), { profile });
}

const emulatorCodes = Object.keys(AADSTS).map(Number);
const cases: ReadonlyArray<{ code: number; problem: Problem }> = [
  ...emulatorCodes.map((code) => {
    const e = aadError(code, params, Date.UTC(2026, 0, 9), undefined, 'https://login.microsoftonline.com');
    return { code, problem: diagnoseBody(e.body, e.status) };
  }),
  ...OUTSIDE.map((c) => ({ code: c[0], problem: diagnoseBody(outsideBody(c), 400) })),
];
const known = cases.filter((c) => ruleFor(c.code));
const unknown = cases.filter((c) => !ruleFor(c.code));

describe('issue 16: a diagnosis that does not know says so', () => {
  it('covers every emulator code and at least 10 codes outside its list', () => {
    expect(cases.length).toBe(emulatorCodes.length + OUTSIDE.length);
    expect(OUTSIDE.filter(([c]) => !emulatorCodes.includes(c)).length).toBeGreaterThanOrEqual(10);
    expect(unknown.length).toBeGreaterThanOrEqual(10);
  });

  it.each(known.map((c) => [c.code, c.problem] as const))('AADSTS%s gets its own rule', (code, p) => {
    expect(p.code).toBe(`AADSTS${code}`);
    expect(ruleFor(code)?.codes).toContain(code);
    expect(p.title).not.toMatch(/does not know/);
  });

  it.each(unknown.map((c) => [c.code, c.problem] as const))(
    'AADSTS%s gets “does not know”, Microsoft’s words, the lookup link and the support report',
    (code, p) => {
      expect(p.code).toBe(`AADSTS${code}`);
      expect(p.title).toBe(`Entra refused the request with AADSTS${code}, a code this app does not know`);
      expect(p.explanation).toMatch(/Microsoft’s description: “.+”/);
      expect(p.fixSteps.join('\n')).toContain(`https://login.microsoftonline.com/error?code=${code}`);
      expect(p.remedy).toEqual({ kind: 'support-report' });
      expect(p.detail).toMatch(new RegExp(`^AADSTS${code}: `));
    },
  );

  it('no unknown code’s title equals a known code’s title', () => {
    const knownTitles = new Set(known.map((c) => c.problem.title));
    for (const c of unknown) expect(knownTitles.has(c.problem.title)).toBe(false);
  });

  it('quotes Microsoft’s description and keeps the trace and correlation IDs for support', () => {
    const p = diagnoseBody(outsideBody([50057, 'invalid_grant', 'The user account is disabled.']), 400);
    expect(p.explanation).toContain('Microsoft’s description: “The user account is disabled.”');
    expect(p.explanation).toContain('Entra refused the sign-in material');
    expect(p.detail).toContain(`Trace ID: ${traceId}`);
    expect(p.detail).toContain(`Correlation ID: ${correlationId}`);
    expect(p.detail).toContain('Timestamp: 2026-01-09 02:02:12Z');
  });

  it('redacts a secret Microsoft’s description echoes', () => {
    const secret = 'Xy8Q~abcdefghijklmnopqrstuvwxyz0123456789';
    const p = diagnoseBody(outsideBody([50057, 'invalid_grant', `client_secret=${secret} was refused.`]), 400);
    expect(JSON.stringify(p)).not.toContain(secret);
  });

  it('links the lookup page on the profile’s own cloud', () => {
    const gov = { ...GLOBAL, cloud: 'gcc-high' };
    const p = diagnoseBody(outsideBody(OUTSIDE[0] as (typeof OUTSIDE)[number]), 400, gov);
    expect(p.fixSteps.join('\n')).toContain('https://login.microsoftonline.us/error?code=50057');
  });

  it('calls an unknown code on a 5xx or temporarily_unavailable transient, any other setup', () => {
    expect(unknown.find((c) => c.code === 90024)?.problem.category).toBe('transient');
    expect(unknown.find((c) => c.code === 50057)?.problem.category).toBe('setup');
  });

  it('no longer borrows: 7000112 and 50105 have their own rules, never consent advice', () => {
    const disabled = diagnoseBody(outsideBody([7000112, 'unauthorized_client', 'The application is disabled.']), 400);
    expect(disabled.title).toBe('The app is disabled');
    const unassigned = diagnoseBody(outsideBody([50105, 'access_denied', 'The signed in user is not assigned.']), 400);
    expect(unassigned.title).toBe('The signed-in user is not assigned to this app');
  });
});
