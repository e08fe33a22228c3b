import { describe, expect, it } from 'vitest';
import { verdictProblem } from '../../../src/core/tokens/verdict-problem';
import { inspectAccessToken } from '../../../src/shared/token-inspection';

const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const jwt = (p: Record<string, unknown>) => `${b64url({ alg: 'RS256' })}.${b64url(p)}.sig`;
const exp = Math.floor(Date.now() / 1000) + 3600;

describe('verdictProblem', () => {
  it('is undefined for a fit or unreadable token', () => {
    const fit = inspectAccessToken(jwt({ aud: 'https://outlook.office.com', scp: 'SMTP.Send', exp }), {
      flow: 'delegated',
      cloud: 'global',
    });
    expect(verdictProblem(fit, { cloud: 'global', flow: 'delegated', scopes: [], clientId: 'c' })).toBeUndefined();
    expect(
      verdictProblem(inspectAccessToken('opaque', { flow: 'delegated', cloud: 'global' }), {
        cloud: 'global',
        flow: 'delegated',
        scopes: [],
        clientId: 'c',
      }),
    ).toBeUndefined();
  });

  it('names the missing app role with the portal path for app-only', () => {
    const i = inspectAccessToken(jwt({ aud: 'https://outlook.office365.com', roles: [], exp }), {
      flow: 'app-only',
      cloud: 'global',
    });
    const p = verdictProblem(i, {
      cloud: 'global',
      flow: 'app-only',
      scopes: ['https://outlook.office365.com/.default'],
      clientId: 'c',
    });
    expect(p?.code).toBe('TOKEN_NO_SMTP_SENDASAPP');
    expect(p?.fixSteps[0]).toContain('Office 365 Exchange Online → Application permissions → SMTP.SendAsApp');
  });

  it('says the first scope decided a Graph audience', () => {
    const i = inspectAccessToken(jwt({ aud: 'https://graph.microsoft.com', scp: 'User.Read', exp }), {
      flow: 'delegated',
      cloud: 'global',
    });
    const p = verdictProblem(i, {
      cloud: 'global',
      flow: 'delegated',
      scopes: ['User.Read', 'https://outlook.office.com/SMTP.Send'],
      clientId: 'c',
    });
    expect(p?.code).toBe('TOKEN_NOT_FOR_EXCHANGE');
    expect(p?.explanation).toContain('https://graph.microsoft.com');
  });
});
