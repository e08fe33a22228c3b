import { describe, expect, it } from 'vitest';
import { matchRedirect } from '../../../src/core/oauth/redirect-match';

describe('matchRedirect', () => {
  it('extracts code and state from a query redirect', () => {
    expect(matchRedirect('http://localhost/?code=abc&state=s1&session_state=x', 'http://localhost', 's1')).toEqual({
      kind: 'code',
      code: 'abc',
      state: 's1',
    });
  });

  it('ignores the port of localhost (RFC 8252) but not of other hosts', () => {
    expect(matchRedirect('http://localhost:53123/?code=c&state=s', 'http://localhost', 's').kind).toBe('code');
    expect(matchRedirect('http://localhost:53123/myapp/?code=c&state=s', 'http://localhost/myapp/', 's').kind).toBe(
      'code',
    );
    expect(
      matchRedirect('https://example.com:8443/callback?code=c&state=s', 'https://example.com/callback', 's').kind,
    ).toBe('no-match');
  });

  it('compares scheme, host and path exactly (paths are case-sensitive)', () => {
    expect(matchRedirect('https://example.com/callback?code=c&state=s', 'https://example.com/callback', 's').kind).toBe(
      'code',
    );
    expect(matchRedirect('https://example.com/Callback?code=c&state=s', 'https://example.com/callback', 's').kind).toBe(
      'no-match',
    );
    expect(matchRedirect('http://example.com/callback?code=c&state=s', 'https://example.com/callback', 's').kind).toBe(
      'no-match',
    );
    expect(
      matchRedirect(
        'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?x',
        'https://example.com/callback',
        's',
      ).kind,
    ).toBe('no-match');
    expect(matchRedirect('http://localhost/other?code=c&state=s', 'http://localhost/myapp', 's').kind).toBe('no-match');
  });

  it('refuses a code whose state is not ours, or that has no state', () => {
    expect(matchRedirect('http://localhost/?code=evil&state=theirs', 'http://localhost', 'ours')).toMatchObject({
      kind: 'error',
      error: 'state_mismatch',
      state: 'theirs',
    });
    expect(matchRedirect('http://localhost/?code=evil', 'http://localhost', 'ours')).toMatchObject({
      kind: 'error',
      error: 'state_mismatch',
    });
  });

  it('returns the error, its description and suberror', () => {
    const m = matchRedirect(
      'http://localhost/?error=access_denied&error_description=AADSTS65004%3A+User+declined&suberror=consent_required&state=s',
      'http://localhost',
      's',
    );
    expect(m).toEqual({
      kind: 'error',
      error: 'access_denied',
      errorDescription: 'AADSTS65004: User declined',
      suberror: 'consent_required',
      state: 's',
    });
  });

  it('reads form_post bodies and fragments', () => {
    expect(matchRedirect('http://localhost:5000/', 'http://localhost', 's', 'code=fp&state=s')).toEqual({
      kind: 'code',
      code: 'fp',
      state: 's',
    });
    expect(matchRedirect('https://example.com/callback#code=fr&state=s', 'https://example.com/callback', 's')).toEqual({
      kind: 'code',
      code: 'fr',
      state: 's',
    });
  });

  it('says so when the redirect carries nothing, and treats garbage as no match', () => {
    expect(matchRedirect('http://localhost/', 'http://localhost', 's')).toMatchObject({
      kind: 'error',
      error: 'invalid_response',
    });
    expect(matchRedirect('not a url', 'http://localhost', 's').kind).toBe('no-match');
  });
});
