import { describe, expect, it } from 'vitest';
import { lifecycleOf, tokenStatusOf } from '../../src/shared/profile-lifecycle';
import type { Profile } from '../../src/shared/profile';

const DAY = 86_400_000;
const now = Date.parse('2026-06-01T12:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

function profile(over: Partial<Profile> = {}): Profile {
  return {
    id: 'p1',
    name: 'p',
    targetId: 'aem',
    flow: 'delegated',
    cloud: 'global',
    customAuthorityHost: '',
    tenant: 'contoso.com',
    clientId: 'aaaaaaaa-0000-4000-8000-000000000001',
    credential: { kind: 'secret' },
    redirectUri: 'http://localhost',
    scopes: [],
    mailbox: 'a@contoso.com',
    fromAddress: 'a@contoso.com',
    smtpHost: 'smtp.office365.com',
    smtpPort: 587,
    network: { proxyUrl: '', extraCaPem: '', timeoutMs: 30_000 },
    tokenState: {},
    createdAt: iso(now),
    updatedAt: iso(now),
    ...over,
  };
}

describe('token lifecycle on the start screen', () => {
  it('counts the 90 days from the last use of the refresh token, not from when it was stored', () => {
    const p = profile({
      tokenState: { refreshTokenStoredAt: iso(now - 200 * DAY), refreshTokenLastUsedAt: iso(now - 30 * DAY) },
    });
    expect(lifecycleOf(p, now)).toEqual([
      {
        what: 'refresh-token',
        severity: 'info',
        at: '2026-07-31',
        message: 'Refresh token (if unused) good until 2026-07-31.',
      },
    ]);
  });

  it('warns in the last 14 days and says when it has expired', () => {
    const warn = profile({ tokenState: { refreshTokenStoredAt: iso(now - 80 * DAY) } });
    expect(lifecycleOf(warn, now)[0]).toMatchObject({
      severity: 'warning',
      message: expect.stringContaining('runs out in 10 days'),
    });
    const gone = profile({ tokenState: { refreshTokenStoredAt: iso(now - 91 * DAY) } });
    expect(lifecycleOf(gone, now)[0]).toMatchObject({
      severity: 'error',
      message: expect.stringContaining('expired from inactivity'),
    });
  });

  it('warns 30 days before the client secret or certificate expires', () => {
    expect(lifecycleOf(profile({ credential: { kind: 'secret', expiresOn: iso(now + 20 * DAY) } }), now)).toEqual([
      {
        what: 'client-secret',
        severity: 'warning',
        at: '2026-06-21',
        message: 'Client secret runs out in 20 days (2026-06-21).',
      },
    ]);
    expect(
      lifecycleOf(profile({ credential: { kind: 'secret', expiresOn: iso(now + 200 * DAY) } }), now)[0]?.severity,
    ).toBe('info');
    const cert = profile({
      flow: 'app-only',
      credential: {
        kind: 'certificate',
        source: 'pem',
        thumbprintSha1: 'a',
        thumbprintSha256: 'b',
        subject: 'CN=x',
        notAfter: iso(now - DAY),
      },
    });
    expect(lifecycleOf(cert, now)).toEqual([
      { what: 'certificate', severity: 'error', at: '2026-05-31', message: 'Certificate expired on 2026-05-31.' },
    ]);
  });

  it('has no refresh-token note for app-only profiles, and says whether a token was acquired', () => {
    const appOnly = profile({ flow: 'app-only', tokenState: { accessTokenAcquiredAt: iso(now) } });
    expect(lifecycleOf(appOnly, now)).toEqual([]);
    expect(tokenStatusOf(appOnly)).toEqual({ acquired: true, text: 'App-only token obtained on 2026-06-01' });
    expect(tokenStatusOf(profile())).toEqual({ acquired: false, text: 'Not signed in yet' });
    expect(
      tokenStatusOf(profile({ tokenState: { refreshTokenStoredAt: iso(now), account: 'a@contoso.com' } })),
    ).toEqual({ acquired: true, text: 'Signed in as a@contoso.com on 2026-06-01' });
  });
});
