import { describe, expect, it } from 'vitest';
import { createRedactor, REDACTED_TOKEN, REDACTED_XOAUTH2 } from '../../../src/core/redact';
import { fakeJwt } from './fixtures';

const token = fakeJwt({ aud: 'https://outlook.office.com', scp: 'SMTP.Send', upn: 'alice@contoso.com' });
const payload = `user=alice@contoso.com\x01auth=Bearer ${token}\x01\x01`;
const payloadB64 = Buffer.from(payload).toString('base64');

describe('createRedactor', () => {
  const redact = createRedactor([token]);

  it('replaces the XOAUTH2 argument of an AUTH command', () => {
    expect(redact(`C: AUTH XOAUTH2 ${payloadB64}`)).toBe(`C: AUTH XOAUTH2 ${REDACTED_XOAUTH2}`);
  });

  it('catches a bare XOAUTH2 payload line (the two-step form)', () => {
    expect(redact(`C: ${payloadB64}`)).toBe(`C: ${REDACTED_XOAUTH2}`);
  });

  it('catches a payload for a token it was never told about', () => {
    const other = Buffer.from('user=x@y.z\x01auth=Bearer EwBAAl3BAAUFFpUAo7J3Ve0bjLBWZWCclRC3EoAA\x01\x01').toString(
      'base64',
    );
    expect(createRedactor([])(`C: ${other}`)).toBe(`C: ${REDACTED_XOAUTH2}`);
  });

  it('removes the token, its base64 and base64url forms wherever they appear', () => {
    const b64 = Buffer.from(token).toString('base64');
    const b64url = Buffer.from(token).toString('base64url');
    const out = redact(`x ${token} y ${b64} z ${b64url}`);
    expect(out).not.toContain(token);
    expect(out).not.toContain(b64.replace(/=+$/, ''));
    expect(out).not.toContain(b64url);
  });

  it('removes whatever follows "Bearer " and any JWT-shaped string', () => {
    expect(createRedactor([])('auth=Bearer EwBAAl3BAAUFFpUA')).toBe(`auth=Bearer ${REDACTED_TOKEN}`);
    expect(createRedactor([])(`id ${fakeJwt({ a: 1 })} end`)).toBe(`id ${REDACTED_TOKEN} end`);
  });

  it('leaves ordinary SMTP lines alone', () => {
    const lines = [
      'S: 250-AUTH LOGIN XOAUTH2',
      'S: 235 2.7.0 Authentication successful',
      'C: MAIL FROM:<alice@contoso.com>',
    ];
    for (const line of lines) expect(redact(line)).toBe(line);
  });
});
