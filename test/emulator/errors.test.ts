// The AADSTS table (§1.7, §5.1): every entry renders Microsoft's JSON error shape, and the
// statuses follow §1.7 (401 for invalid_client, 400 otherwise).
import { describe, expect, it } from 'vitest';
import { AADSTS, aadError, aadTimestamp } from './idp/errors';

const codes = Object.keys(AADSTS).map(Number);
const params = new Proxy({}, { get: (_t, k) => `{${String(k)}}` }) as Record<string, string>;

describe('§1.7 error shape', () => {
  it('has at least 25 codes', () => {
    expect(codes.length).toBeGreaterThanOrEqual(25);
  });

  it.each(codes)(
    'AADSTS%s renders error, description with the trace block, codes, ids, timestamp and error_uri',
    (code) => {
      const now = Date.UTC(2026, 0, 9, 2, 2, 12);
      const e = aadError(code, params, now, undefined, 'https://127.0.0.1:1');
      expect(e.body.error_description).toMatch(
        new RegExp(
          `^AADSTS${code}: \\S.*\\r\\nTrace ID: [0-9a-f-]{36}\\r\\nCorrelation ID: [0-9a-f-]{36}\\r\\nTimestamp: 2026-01-09 02:02:12Z$`,
          's',
        ),
      );
      expect(e.body.error_description).not.toContain('undefined');
      expect(e.body).toMatchObject({
        error_codes: [code],
        timestamp: '2026-01-09 02:02:12Z',
        error_uri: `https://127.0.0.1:1/error?code=${code}`,
      });
      expect(e.status).toBe(e.body.error === 'invalid_client' ? 401 : 400);
    },
  );

  it('uses suberrors MSAL classifies as interaction required (§5.3)', () => {
    expect([
      AADSTS[65001]?.suberror,
      AADSTS[50076]?.suberror,
      AADSTS[53003]?.suberror,
      AADSTS[700082]?.suberror,
    ]).toEqual(['consent_required', 'basic_action', 'message_only', 'bad_token']);
  });

  it('formats timestamps as YYYY-MM-DD HH:MM:SSZ', () => {
    expect(aadTimestamp(Date.UTC(2016, 0, 9, 2, 2, 12, 345))).toBe('2016-01-09 02:02:12Z');
  });
});
