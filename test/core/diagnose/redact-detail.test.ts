import { AuthError } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/core/diagnose/index';
import { redactDetail } from '../../../src/core/redact';

const SECRET = 'Xy8Q~a-real-looking-secret-value-000001';
const REFRESH = '0.AXoAqwErTy-uIoP_aSdFgHjKl1234567890zXcVbNm.AgABAAEAAAD--DLA3VO7QrddgJg7WevrAgDs_wUA9P8';
const BODY = `client_id=aaaaaaaa-0000-4000-8000-000000000001&grant_type=refresh_token&refresh_token=${REFRESH.slice(0, 40)}&client_secret=${SECRET}`;

describe('error texts that reach a Problem or the CLI', () => {
  it('an MSAL error that quotes the token request body keeps neither the secret nor the refresh token in its detail', () => {
    const p = diagnose(new AuthError('unexpected_error', '', `Token request failed: ${BODY}`));
    expect(p.code).toBe('MSAL_UNEXPECTED_ERROR');
    expect(p.detail).toContain('Token request failed');
    expect(p.detail).not.toContain(SECRET);
    expect(p.detail).not.toContain(REFRESH.slice(0, 40));
  });

  it('an unknown error that quotes a secret or a JSON token answer is blanked in the UNEXPECTED detail', () => {
    const p = diagnose(
      new Error(
        `cannot store {"access_token": "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.c2ln", "refresh_token": "${REFRESH}"} with ${SECRET}`,
      ),
    );
    expect(p.code).toBe('UNEXPECTED');
    for (const s of [SECRET, REFRESH, 'eyJ0eXAiOiJKV1Qi']) expect(p.detail).not.toContain(s);
    expect(p.detail).toMatch(/^Error: cannot store/);
  });

  it('leaves Entra’s ordinary words, codes, GUIDs and hosts readable', () => {
    const text =
      'AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID. Trace ID: 1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d (login.microsoftonline.com)';
    expect(redactDetail(text)).toBe(text);
    expect(redactDetail(`first line\n   at stack ${SECRET}`)).toBe('first line');
  });
});
