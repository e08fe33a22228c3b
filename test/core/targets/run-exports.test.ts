import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportsFor, type TokenSnapshot, writeExports } from '../../../src/core/targets';
import type { Profile } from '../../../src/shared/profile';
import { type Emulator, startEmulator } from '../../emulator';
import { AEM_APP, AEM_SECRET, CONTOSO, DAEMON_APP, DAEMON_SECRET, MAILBOXES, USERS } from '../../emulator/fixtures/ids';
import { fixtureProfile } from './fixture-profile';

/**
 * The exported scripts, run for real by bash (with Debian's curl), python3 and node against
 * the emulator: they must get a token and send a message that arrives, and say in one line
 * why when Exchange refuses. Only the emulator's CA is passed in (SMTP_OAUTH_CA_FILE for the
 * token endpoint, SMTP_CA_FILE for SMTP); everything else comes from the exported files.
 */
const run = promisify(execFile);
let emu: Emulator;
let dir: string;
let caFile: string;
let refreshToken: string;
let keyFile: string;

async function postForm(url: string, form: Record<string, string>): Promise<Record<string, string>> {
  // The test's own request, trusting only the emulator's CA.
  const { Agent, request } = await import('node:https');
  const body = new URLSearchParams(form).toString();
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent: new Agent({ ca: emu.caPem }),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve(JSON.parse(text) as Record<string, string>));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

beforeAll(async () => {
  emu = await startEmulator();
  dir = mkdtempSync(join(tmpdir(), 'run-exports-'));
  caFile = join(dir, 'emulator-ca.pem');
  writeFileSync(caFile, emu.caPem);
  keyFile = join(dir, 'daemon-key.pem');
  writeFileSync(keyFile, emu.certificates.app2.keyPem, { mode: 0o600 });
  // Alice signs in once (password grant: the emulator's non-interactive sign-in) to own a refresh token.
  const signIn = await postForm(emu.tokenEndpoint(), {
    client_id: AEM_APP,
    client_secret: AEM_SECRET,
    grant_type: 'password',
    username: USERS.alice.upn,
    password: USERS.alice.password,
    scope: 'https://outlook.office.com/SMTP.Send offline_access',
  });
  refreshToken = signIn.refresh_token ?? '';
  expect(refreshToken, JSON.stringify(signIn.error_description)).not.toBe('');
});
afterAll(async () => {
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});

const emulated = (p: Profile): Profile => ({
  ...p,
  cloud: 'custom',
  customAuthorityHost: emu.authorityHost,
  tenant: CONTOSO,
  smtpHost: emu.smtp.host,
  smtpPort: emu.smtp.port,
});

const flows = [
  {
    flow: 'delegated',
    profile: () =>
      emulated(fixtureProfile('aem', { clientId: AEM_APP, mailbox: USERS.alice.upn, fromAddress: USERS.alice.upn })),
    tokens: (): TokenSnapshot => ({ clientSecret: AEM_SECRET, refreshToken }),
    grantType: 'refresh_token',
    user: USERS.alice.upn,
  },
  {
    flow: 'app-only',
    profile: () =>
      emulated(
        fixtureProfile('app-only', {
          clientId: DAEMON_APP,
          mailbox: MAILBOXES.noreply,
          fromAddress: MAILBOXES.noreply,
        }),
      ),
    tokens: (): TokenSnapshot => ({ clientSecret: DAEMON_SECRET }),
    grantType: 'client_credentials',
    user: MAILBOXES.noreply,
  },
  {
    flow: 'app-only-certificate',
    profile: () =>
      emulated(
        fixtureProfile('app-only', {
          clientId: DAEMON_APP,
          mailbox: MAILBOXES.noreply,
          fromAddress: MAILBOXES.noreply,
          credential: {
            kind: 'certificate',
            source: 'pem',
            thumbprintSha1: emu.certificates.app2.thumbprintSha1Hex,
            thumbprintSha256: emu.certificates.app2.thumbprintSha256Hex,
            subject: 'CN=Daemon Mailer',
            notAfter: '2099-01-01T00:00:00.000Z',
          },
        }),
      ),
    tokens: (): TokenSnapshot => ({}),
    grantType: 'client_credentials',
    user: MAILBOXES.noreply,
  },
] as const;

/** A clean environment: no proxy (traffic stays on 127.0.0.1), no stray SMTP_* settings. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !/^(SMTP_|https?_proxy$|all_proxy$|no_proxy$|CURL_CA_BUNDLE$)/i.test(k),
    ),
  );
  return { ...base, NO_PROXY: '*', SMTP_OAUTH_CA_FILE: caFile, SMTP_CA_FILE: caFile, ...extra };
}

/** What the user would set: the secrets, or the certificate's key file (never exported). */
const secretEnv = (t: TokenSnapshot): Record<string, string> => ({
  ...(t.clientSecret ? { SMTP_OAUTH_CLIENT_SECRET: t.clientSecret } : { SMTP_OAUTH_PRIVATE_KEY_FILE: keyFile }),
  ...(t.refreshToken ? { SMTP_OAUTH_REFRESH_TOKEN: t.refreshToken } : {}),
});

function claims(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
}

const scripts = [
  ['bash', 'send-test-mail.sh'],
  ['python3', 'send_test_mail.py'],
  ['node', 'send-test-mail.cjs'],
] as const;

describe.each(flows)('exported scripts, $flow, against the emulator', ({ flow, profile, tokens, grantType, user }) => {
  let folder: string;
  beforeAll(async () => {
    folder = join(dir, flow);
    await writeExports(exportsFor(profile(), tokens(), { includeSecrets: false }), folder);
  });

  it('send-test-mail.sh --token-only prints a fresh access token for Exchange', async () => {
    const before = emu.requestLog.length;
    const { stdout } = await run('bash', [join(folder, 'send-test-mail.sh'), '--token-only'], {
      env: childEnv(secretEnv(tokens())),
    });
    const token = stdout.trim();
    expect(token.split('.')).toHaveLength(3);
    expect(String(claims(token).aud)).toMatch(/^https:\/\/outlook\.office(365)?\.com$/);
    const requests = emu.requestLog.slice(before);
    expect(requests.some((r) => r.grantType === grantType && r.status === 200)).toBe(true);
  });

  it('send-test-mail.sh sends the test message with curl itself (STARTTLS, XOAUTH2) and it arrives', async () => {
    const to = `curl-${flow}@example.org`;
    const { stdout } = await run('bash', [join(folder, 'send-test-mail.sh')], {
      env: childEnv({ ...secretEnv(tokens()), SMTP_TO: to }),
    });
    expect(stdout).toMatch(/^Sent a test message .* 250 2\.0\.0 OK </);
    const arrived = emu.messages(to);
    expect(arrived).toHaveLength(1);
    expect(arrived[0]?.authUser.toLowerCase()).toBe(user);
    expect(arrived[0]?.subject).toBe('SMTP OAuth2 test message');
  });

  it('send_test_mail.py logs in with XOAUTH2 and the message arrives', async () => {
    const to = `python-${flow}@example.org`;
    const { stdout } = await run('python3', [join(folder, 'send_test_mail.py')], {
      env: childEnv({ ...secretEnv(tokens()), SMTP_TO: to }),
    });
    expect(stdout).toContain('Sent a test message');
    const arrived = emu.messages(to);
    expect(arrived).toHaveLength(1);
    expect(arrived[0]?.authUser.toLowerCase()).toBe(user);
    expect(arrived[0]?.subject).toBe('SMTP OAuth2 test message');
  });

  it('send-test-mail.cjs (nodemailer) logs in with XOAUTH2 and the message arrives', async () => {
    const to = `node-${flow}@example.org`;
    const env = childEnv({ ...secretEnv(tokens()), SMTP_TO: to, NODE_PATH: join(process.cwd(), 'node_modules') });
    const { stdout } = await run('node', [join(folder, 'send-test-mail.cjs')], { env, cwd: folder });
    expect(stdout).toContain('Sent a test message');
    const arrived = emu.messages(to);
    expect(arrived).toHaveLength(1);
    expect(arrived[0]?.authUser.toLowerCase()).toBe(user);
  });

  it.runIf(flow !== 'app-only-certificate')(
    'with secrets included, the script works with no secret in the environment',
    async () => {
      const own = join(dir, `${flow}-with-secrets`);
      await writeExports(exportsFor(profile(), tokens(), { includeSecrets: true }), own);
      const { stdout } = await run('bash', [join(own, 'send-test-mail.sh'), '--token-only'], { env: childEnv({}) });
      expect(stdout.trim().split('.')).toHaveLength(3);
    },
  );

  it.runIf(flow !== 'app-only-certificate').each([
    ['bash', 'send-test-mail.sh'],
    ['python3', 'send_test_mail.py'],
    ['node', 'send-test-mail.cjs'],
  ])('with a wrong client secret, %s %s explains the refusal without echoing the secret', async (cmd, file) => {
    const wrong = { ...secretEnv(tokens()), SMTP_OAUTH_CLIENT_SECRET: 'Wr0ng~secret-value-that-must-not-echo' };
    const env = childEnv({ ...wrong, NODE_PATH: join(process.cwd(), 'node_modules') });
    const err = await run(cmd, [join(folder, file)], { env }).catch(
      (e: { stdout: string; stderr: string; code: number }) => e,
    );
    expect('code' in err && err.code).toBe(1);
    expect(err.stderr).toMatch(/401.*invalid_client.*AADSTS7000215/);
    for (const secret of Object.values(wrong)) expect(`${err.stdout}${err.stderr}`).not.toContain(secret);
  });

  it.each(scripts)(
    'when Exchange refuses the token, %s %s prints the reply and its likely cause in one line, no traceback',
    async (cmd, file) => {
      // The token is fine; the mailbox is one this identity may not use, so AUTH XOAUTH2 is refused.
      const to = `refused-${flow}-${cmd}@example.org`;
      const env = childEnv({
        ...secretEnv(tokens()),
        SMTP_USER: MAILBOXES.unpermitted,
        SMTP_FROM: MAILBOXES.unpermitted,
        SMTP_TO: to,
        NODE_PATH: join(process.cwd(), 'node_modules'),
      });
      const err = await run(cmd, [join(folder, file)], { env, cwd: folder }).catch(
        (e: { stdout: string; stderr: string; code: number }) => e,
      );
      expect('code' in err && err.code).toBe(1);
      const lines = err.stderr.trim().split('\n');
      expect(lines, err.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(
        flow === 'delegated'
          ? /^SMTP refused: 535 5\.7\.3 Authentication unsuccessful .*\. Likely cause: Exchange refused the token/
          : /^SMTP refused: 430 4\.2\.0 STOREDRV; mailbox logon failure\. Likely cause: .*Add-MailboxPermission/,
      );
      expect(err.stderr).not.toMatch(/Traceback|\n\s+at /);
      expect(emu.messages(to)).toHaveLength(0);
    },
  );

  it('without a secret, the script says which variable to set and prints no token', async () => {
    const err = await run('bash', [join(folder, 'send-test-mail.sh')], { env: childEnv({}) }).catch(
      (e: { stdout: string; stderr: string; code: number }) => e,
    );
    expect('code' in err && err.code).toBe(1);
    expect(err.stdout).toBe('');
    expect(err.stderr).toMatch(/Set SMTP_OAUTH_(CLIENT_SECRET|REFRESH_TOKEN|PRIVATE_KEY_FILE)/);
  });
});

describe('a CA for each connection', () => {
  const delegated = flows[0];
  let folder: string;
  beforeAll(async () => {
    folder = join(dir, 'separate-cas');
    await writeExports(exportsFor(delegated.profile(), delegated.tokens(), { includeSecrets: false }), folder);
  });
  const env = (extra: Record<string, string>) => {
    const e = childEnv({ ...secretEnv(delegated.tokens()), NODE_PATH: join(process.cwd(), 'node_modules'), ...extra });
    return e;
  };
  const failure = (cmd: string, file: string, e: NodeJS.ProcessEnv) =>
    run(cmd, [join(folder, file)], { env: e, cwd: folder }).then(
      () => ({ code: 0, stderr: '' }),
      (x: { code: number; stderr: string }) => x,
    );

  it.each(scripts)(
    '%s %s trusts SMTP_OAUTH_CA_FILE for the token endpoint only and SMTP_CA_FILE for SMTP only',
    async (cmd, file) => {
      // The token endpoint's CA alone: the token comes, the SMTP server's certificate is not trusted.
      const { SMTP_CA_FILE: _smtp, ...tokenCaOnly } = env({});
      const smtpFails = await failure(cmd, file, tokenCaOnly);
      expect(smtpFails.code).toBe(1);
      expect(smtpFails.stderr.trim().split('\n')).toHaveLength(1);
      expect(smtpFails.stderr).toMatch(/^Could not send through 127\.0\.0\.1:\d+: .*certificate/);
      // SMTP's CA alone: the token request already fails, in one line.
      const { SMTP_OAUTH_CA_FILE: _token, ...smtpCaOnly } = env({});
      const tokenFails = await failure(cmd, file, smtpCaOnly);
      expect(tokenFails.code).toBe(1);
      expect(tokenFails.stderr).toMatch(/Token request .*failed|certificate/i);
      expect(tokenFails.stderr).not.toMatch(/Traceback|\n\s+at /);
    },
  );
});

describe("curl against Exchange's EHLO", () => {
  it('logs in with XOAUTH2, the one OAuth mechanism Exchange advertises (AUTH LOGIN XOAUTH2, no OAUTHBEARER)', async () => {
    const token = (
      await postForm(emu.tokenEndpoint(), {
        client_id: DAEMON_APP,
        client_secret: DAEMON_SECRET,
        grant_type: 'client_credentials',
        scope: 'https://outlook.office365.com/.default',
      })
    ).access_token;
    const message = join(dir, 'mechanism.eml');
    writeFileSync(message, 'Subject: mechanism\r\n\r\nhi\r\n');
    const child = execFile(
      'curl',
      [
        ...['--silent', '--show-error', '--verbose', '--config', '-', '--ssl-reqd', '--cacert', caFile],
        ...['--url', `smtp://${emu.smtp.host}:${emu.smtp.port}/localhost`, '--user', `${MAILBOXES.noreply}:`],
        ...['--mail-from', MAILBOXES.noreply, '--mail-rcpt', 'mechanism@example.org', '--upload-file', message],
      ],
      { env: childEnv({}) },
    );
    child.stdin?.end(`oauth2-bearer = "${token}"\n`);
    const log = await new Promise<string>((resolve, reject) => {
      let text = '';
      child.stderr?.on('data', (c: Buffer) => (text += c.toString()));
      child.on('error', reject);
      child.on('close', () => resolve(text));
    });
    const lines = log.split(/\r?\n/);
    expect(lines).toContain('< 250-AUTH LOGIN XOAUTH2');
    expect(lines).toContain('> AUTH XOAUTH2');
    expect(lines).toContain('< 235 2.7.0 Authentication successful');
    expect(emu.messages('mechanism@example.org')).toHaveLength(1);
  });
});
