// Issue 11.13: text that leaves the app (support report, SMTP transcript, a diagnosis) must
// not carry a secret even when the values to look for are not at hand (keychain locked), and
// the redactor must not fall over on hostile sizes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { createRedactor, redactDetail } from '../../src/core/redact';
import { MemorySecretStore } from '../../src/core/secrets/memory-secret-store';
import { SecretStoreError, type SecretStoreStatus } from '../../src/core/secrets/secret-store';
import { verifySmtp } from '../../src/core/smtp/verify-smtp';
import { createHandlers } from '../../src/main/handlers';
import { dispatch } from '../../src/main/ipc/dispatch';
import { createBrowserTestPorts } from '../support/browser-ports';
import { startRefusingSmtp, type RefusingSmtp } from '../support/refusing-smtp';
import { makeProfile } from '../core/smtp/fixtures';
import { faultScenario } from './fault-scenario';

const dir = mkdtempSync(join(tmpdir(), 'sow-faults-redact-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Shapes of what must never be shown: an Entra client secret value, a refresh token, an
// opaque access token (personal account), a token-cache entry, a JWT.
const CLIENT_SECRET = 'Qx7Q~Zb3kP1mN8vR2sT5wY9aC4dF6gH0jL2nQ4rS';
const REFRESH = '0.AXoAqwErTy-uIoP_aSdFgHjKl1234567890zXcVbNm.AgABAAEAAAD--DLA3VO7QrddgJg7WevrAgDs_wUA9P8xYz';
const OPAQUE = `EwB4A8l6BAAU${'kR3vQ9xZ'.repeat(12)}`;
const JWT = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL291dGxvb2sub2ZmaWNlLmNvbSJ9.c2lnbmF0dXJl';
const SECRETS = [CLIENT_SECRET, REFRESH, OPAQUE, JWT];
const leaked = (text: string): string[] => SECRETS.filter((s) => text.includes(s.slice(0, 24)));

/** A keychain that holds the secrets but cannot be read now (locked): no values to redact by. */
class LockedKeychain extends MemorySecretStore {
  override async get(): Promise<string | null> {
    throw new SecretStoreError('locked', 'The keychain is locked. Unlock it and try again.');
  }
  override async status(): Promise<SecretStoreStatus> {
    return { available: false, backend: 'test', reason: 'locked', message: 'The keychain is locked.' };
  }
}

// The shared test profile as the window would send it (the store fills id, dates and state).
const {
  id: _id,
  createdAt: _c,
  updatedAt: _u,
  tokenState: _t,
  ...draft
} = makeProfile({
  credential: { kind: 'secret' },
});

async function supportReport(request: Record<string, unknown>): Promise<string> {
  const secrets = new LockedKeychain();
  const ports = createBrowserTestPorts({ secrets, profilesFile: join(dir, `${Math.random()}.json`) });
  const handlers = createHandlers(ports);
  const ctx = { signal: new AbortController().signal, progress: () => undefined };
  const saved = await dispatch(handlers, 'profiles:save', { draft, secrets: { clientSecret: CLIENT_SECRET } }, ctx);
  if (!saved.ok) throw new Error(`save failed: ${saved.problem.code}`);
  const profileId = (saved.value as { profile: { id: string } }).profile.id;
  const r = await dispatch(handlers, 'support:report', { profileId, ...request }, ctx);
  if (!r.ok) throw new Error(`support:report failed: ${r.problem.code}: ${r.problem.detail ?? ''}`);
  return (r.value as { text: string }).text;
}

let smtp: RefusingSmtp;
beforeAll(async () => {
  // A relay that quotes other credentials back in its refusal.
  smtp = await startRefusingSmtp(
    () => `5.7.3 Authentication unsuccessful refresh ${REFRESH} secret ${CLIENT_SECRET} cached ${OPAQUE}`,
  );
});
afterAll(async () => {
  await smtp?.close();
});

describe('redaction by shape wherever text leaves the app', () => {
  faultScenario(
    '11.13',
    'leak',
    'a support report made while the keychain is locked still blanks every secret',
    async () => {
      const text = await supportReport({
        problem: {
          code: 'SMTP_535',
          category: 'setup',
          title: 'Login refused',
          explanation: `The relay said the secret ${CLIENT_SECRET} is wrong.`,
          fixSteps: [`Replace ${REFRESH}`],
          commands: [`$token = "${OPAQUE}"`],
          retryable: false,
          detail: `{"RefreshToken":{"x":{"secret":"${REFRESH}"}},"AccessToken":"${JWT}"}`,
        },
        transcript: ['S: 220 relay', `S: 535 5.7.3 echo ${OPAQUE}`, `C: client_secret=${CLIENT_SECRET}`],
      });
      expect(text).toContain('NOT available');
      expect(text).toContain('Login refused');
      expect(leaked(text)).toEqual([]);
    },
  );

  faultScenario('11.13', 'crash', 'a 10 MB base64-like run is redacted, not a RangeError', async () => {
    const run = 'QUJD'.repeat(2_621_440);
    const text = await supportReport({
      problem: {
        code: 'X',
        category: 'environment',
        title: 'Big',
        explanation: '',
        fixSteps: [],
        commands: [],
        retryable: false,
        detail: run,
      },
    });
    expect(text).toContain('Detail: [redacted]');
    expect(text.length).toBeLessThan(10_000);
    // The same for every entry point of the one redactor, and for shapes that made the old
    // expressions backtrack (120 kB of `eyJ` took 36 s).
    for (const hostile of [run, 'eyJ'.repeat(1_000_000), `ab~${run}`, `${'.'.repeat(1_000_000)}eyJ`]) {
      expect(createRedactor([CLIENT_SECRET])(hostile).length).toBeLessThanOrEqual(hostile.length);
      expect(redactDetail(hostile).length).toBeLessThanOrEqual(600);
    }
  });

  faultScenario(
    '11.13',
    'leak',
    "an SMTP server's echo of other secrets is blanked in the diagnosis and the transcript",
    async () => {
      const r = await verifySmtp({
        profile: makeProfile({
          smtpHost: '127.0.0.1',
          smtpPort: smtp.port,
          network: { proxyUrl: '', extraCaPem: smtp.caPem, timeoutMs: 20_000 },
        }),
        accessToken: JWT,
        backoff: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
      });
      expect(r.ok).toBe(false);
      expect(r.problem?.detail).toContain('Authentication unsuccessful');
      expect(leaked(JSON.stringify(r))).toEqual([]);
    },
  );
});
