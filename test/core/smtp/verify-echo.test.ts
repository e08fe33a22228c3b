import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySmtp } from '../../../src/core/smtp/verify-smtp';
import { startRefusingSmtp, type RefusingSmtp } from '../../support/refusing-smtp';
import { makeProfile } from './fixtures';

/**
 * A mail server that quotes the credential back in its refusal (some relays and test
 * servers do): the report shown on screen and pasted into tickets must still not hold it.
 */
let server: RefusingSmtp;
beforeAll(async () => {
  server = await startRefusingSmtp((token) => `5.7.3 Authentication unsuccessful: token ${token} was not accepted`);
});
afterAll(() => server.close());

describe('verify against a server that echoes the token', () => {
  it('diagnoses the refusal without the token in the problem or the transcript', async () => {
    // Opaque (not a JWT), so only redaction by value can find it.
    const token = `EwB${randomBytes(36).toString('base64url')}`;
    const profile = makeProfile({
      smtpHost: '127.0.0.1',
      smtpPort: server.port,
      network: { proxyUrl: '', extraCaPem: server.caPem, timeoutMs: 20_000 },
    });
    const r = await verifySmtp({
      profile,
      accessToken: token,
      backoff: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
    });
    expect(r.ok).toBe(false);
    // A bare smtp-server greets as itself, not as Exchange Online (issue 11.15).
    expect(r.problem?.code).toBe('SMTP_AUTH_REFUSED_NOT_EXCHANGE');
    expect(r.problem?.detail).toMatch(
      /^535 5\.7\.3 Authentication unsuccessful: token \[token redacted\] was not accepted/,
    );
    expect(JSON.stringify(r)).not.toContain(token);
    expect(JSON.stringify(r)).not.toContain(token.slice(3, 30));
  });
});
