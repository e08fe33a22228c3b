import { describe, expect, it } from 'vitest';
import { inspectAccessToken } from '../../src/shared/token-inspection';

const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const jwt = (payload: Record<string, unknown>) => `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url(payload)}.c2ln`;
const NOW = Date.parse('2026-01-01T00:00:00Z');
const exp = NOW / 1000 + 3600;

describe('inspectAccessToken', () => {
  it('calls a delegated Exchange token with SMTP.Send for the mailbox fit for SMTP', () => {
    const r = inspectAccessToken(
      jwt({ aud: 'https://outlook.office.com', scp: 'SMTP.Send', upn: 'alice@contoso.com', tid: 't', appid: 'a', exp }),
      { flow: 'delegated', cloud: 'global', mailbox: 'Alice@contoso.com', now: NOW },
    );
    expect(r.kind).toBe('jwt');
    expect(r.verdict.fit).toBe('yes');
    expect(r.verdict.summary).toBe('The token itself is valid for SMTP.');
    if (r.kind === 'jwt')
      expect(r.claims).toMatchObject({ scp: ['SMTP.Send'], user: 'alice@contoso.com', tid: 't', appId: 'a' });
  });

  it('says each check in plain words and keeps the claim names and values for the details line', () => {
    const r = inspectAccessToken(
      jwt({ aud: 'https://outlook.office365.com', roles: ['SMTP.SendAsApp'], oid: 'sp-object-id', exp }),
      { flow: 'app-only', cloud: 'global', now: NOW },
    );
    const audience = r.verdict.checks.find((c) => c.name === 'audience');
    expect(audience?.message).toBe('It is meant for Exchange Online, the service behind SMTP.');
    expect(audience?.detail).toBe('Audience (aud): https://outlook.office365.com');
    for (const c of r.verdict.checks) expect(c.message).not.toMatch(/\b(aud|scp|roles|Audience)\b/);
    expect(r.verdict.checks.find((c) => c.name === 'permission')?.detail).toBe('Roles (roles): SMTP.SendAsApp');
    // The app-only token's oid is the service principal's object id (Exchange's New-ServicePrincipal -ObjectId).
    if (r.kind === 'jwt') expect(r.claims.oid).toBe('sp-object-id');
  });

  it('rejects a Graph token and says the first scope decides', () => {
    const r = inspectAccessToken(jwt({ aud: 'https://graph.microsoft.com', scp: 'User.Read SMTP.Send', exp }), {
      flow: 'delegated',
      cloud: 'global',
      now: NOW,
    });
    expect(r.verdict.fit).toBe('no');
    expect(r.verdict.summary).toMatch(/graph\.microsoft\.com.*first scope/);
  });

  it('needs SMTP.SendAsApp in roles for app-only and reads array audiences', () => {
    expect(
      inspectAccessToken(jwt({ aud: ['https://outlook.office365.com'], roles: ['SMTP.SendAsApp'], exp }), {
        flow: 'app-only',
        cloud: 'global',
        now: NOW,
      }).verdict.fit,
    ).toBe('yes');
    expect(
      inspectAccessToken(jwt({ aud: 'https://outlook.office365.com', roles: [], exp }), {
        flow: 'app-only',
        cloud: 'global',
        now: NOW,
      }).verdict.summary,
    ).toMatch(/SMTP\.SendAsApp/);
  });

  it('reports an expired token as not fit', () => {
    const r = inspectAccessToken(jwt({ aud: 'https://outlook.office.com', scp: 'SMTP.Send', exp: NOW / 1000 - 10 }), {
      flow: 'delegated',
      cloud: 'global',
      now: NOW,
    });
    expect(r.verdict.fit).toBe('no');
    expect(r.verdict.summary).toMatch(/expired/);
  });

  it('keeps a token for another user fit but says it needs rights on the mailbox', () => {
    const r = inspectAccessToken(
      jwt({ aud: 'https://outlook.office.com', scp: 'SMTP.Send', upn: 'alice@contoso.com', exp }),
      { flow: 'delegated', cloud: 'global', mailbox: 'shared@contoso.com', now: NOW },
    );
    expect(r.verdict.fit).toBe('yes');
    expect(r.verdict.summary).toMatch(/Send As or Full Access/);
  });

  it('reports opaque (personal account) tokens as such, with an unknown verdict', () => {
    const r = inspectAccessToken('EwBwA8l6BAAUbDba3x2OMJElkF7gJ4z/VbCPEz0AAX', { flow: 'delegated', cloud: 'global' });
    expect(r.kind).toBe('opaque');
    expect(r.verdict.fit).toBe('unknown');
  });
});
