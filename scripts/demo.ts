// `npm run demo`: the wizard's main job on a built-in sandbox tenant, without a Microsoft
// tenant, a display or a browser. Starts the local stand-in for Entra ID + Exchange Online
// (test/emulator), then for an app-only and a delegated profile: acquire -> verify -> export,
// printing what a user would see. Real code paths throughout; only the tenant is pretend.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { renderProblem } from '../src/cli/render-problem';
import { renderToken } from '../src/cli/render-token';
import { acquireAppOnly } from '../src/core/oauth/app-only';
import { signInDelegated } from '../src/core/oauth/delegated';
import { LoginPageError, type LoginWindowPort } from '../src/core/oauth/login-ports';
import { redeemStoredRefreshToken } from '../src/core/oauth/raw-refresh';
import type { TokenOutcome } from '../src/core/oauth/token-outcome';
import { profilesFileIn } from '../src/core/profiles/default-location';
import { createProfileStore, type ProfileStore } from '../src/core/profiles/profile-store';
import { isProblemError } from '../src/core/problem-error';
import { createKeytarSecretStore } from '../src/core/secrets/keytar-secret-store';
import { keychainInspector } from '../test/support/keychain';
import { MemorySecretStore } from '../src/core/secrets/memory-secret-store';
import type { SecretStore } from '../src/core/secrets/secret-store';
import { verifySmtp } from '../src/core/smtp/verify-smtp';
import { exportsForProfile, writeExports } from '../src/core/targets/index';
import type { Profile, ProfileDraft } from '../src/shared/profile';
import { startEmulator, type Emulator } from '../test/emulator';
import {
  AEM_APP,
  AEM_SECRET,
  CONTOSO,
  DAEMON_APP,
  DAEMON_SECRET,
  MAILBOXES,
  USERS,
} from '../test/emulator/fixtures/ids';
import { signInOverHttp } from '../test/emulator/sign-in-driver';

const say = (text = ''): void => console.log(text);
const heading = (text: string): void => say(`\n━━ ${text} ${'━'.repeat(Math.max(3, 76 - text.length))}`);
const indent = (lines: readonly string[]): void => lines.forEach((l) => say(`   ${l}`));

/** The real keychain under a throwaway service name, or memory when no keychain answers. */
async function demoKeychain(): Promise<{ store: SecretStore; label: string; where: string; wipe(): Promise<void> }> {
  const service = `smtp-oauth-wizard-demo-${randomBytes(4).toString('hex')}`;
  const keychain = createKeytarSecretStore(service);
  const status = await keychain.status();
  if (status.available) {
    return {
      store: keychain,
      label: `the system keychain (${status.backend}), service "${service}", removed at the end`,
      where: 'the keychain',
      wipe: () => keychainInspector(service).wipe(),
    };
  }
  return {
    store: new MemorySecretStore(),
    label: `memory only, because ${status.message.replace(/^The/, 'the')}`,
    where: 'memory (no keychain here)',
    wipe: async () => undefined,
  };
}

/** The sign-in window, played by a small HTTP client that types Alice's password into the emulator's page. */
function scriptedLoginWindow(emu: Emulator, user: { upn: string; password: string }): LoginWindowPort {
  return {
    async open({ url }) {
      say(`   Sign-in page opened: ${url.split('?')[0]}`);
      say(`   Signing in as ${user.upn} ...`);
      const end = await signInOverHttp(url, emu.caPem, { username: user.upn, password: user.password });
      if (end.kind === 'redirect') return end.location;
      if (end.kind === 'page') throw new LoginPageError(end.text);
      throw new Error('The demo sign-in ended in a form post, which the demo does not follow');
    },
  };
}

function emulatorDraft(emu: Emulator, over: Partial<ProfileDraft>): ProfileDraft {
  return {
    name: '',
    targetId: 'generic',
    flow: 'delegated',
    cloud: 'custom',
    customAuthorityHost: emu.authorityHost,
    tenant: CONTOSO,
    clientId: '',
    credential: { kind: 'secret' },
    redirectUri: '',
    scopes: [],
    mailbox: '',
    fromAddress: '',
    smtpHost: emu.smtp.host,
    smtpPort: emu.smtp.port,
    // The sandbox's own CA, trusted the same way a TLS-inspecting proxy's would be.
    network: { proxyUrl: '', extraCaPem: emu.caPem, timeoutMs: 15_000 },
    ...over,
  };
}

async function verifyAndExport(
  profiles: ProfileStore,
  secrets: SecretStore,
  profile: Profile,
  outcome: TokenOutcome,
  outRoot: string,
): Promise<boolean> {
  indent(renderToken(profile, outcome));
  say();
  say(
    `   Verifying: SMTP XOAUTH2 login to ${profile.smtpHost}:${profile.smtpPort} and a test message to ${profile.mailbox} ...`,
  );
  const report = await verifySmtp({
    profile,
    accessToken: outcome.accessToken,
    tokenInspection: outcome.inspection,
    send: {},
  });
  await profiles.recordTokenState(profile.id, {
    lastVerify: {
      at: new Date().toISOString(),
      ok: report.ok,
      ...(report.problem ? { code: report.problem.code } : {}),
    },
  });
  if (report.ok)
    say(
      `   ✓ Logged in as ${report.authUser}${report.signedInAs ? ` (token for ${report.signedInAs})` : ''}; test message accepted${report.messageId ? ` as ${report.messageId}` : ''} (${report.durationMs} ms)`,
    );
  else if (report.problem) indent(renderProblem(report.problem));
  const dir = join(outRoot, profile.targetId);
  const paths = await writeExports(await exportsForProfile(secrets, profile, { includeSecrets: false }), dir);
  say();
  say(`   Exported for ${profile.targetId} (secrets as placeholders) to ${dir}:`);
  for (const p of paths) say(`     ${relative(dir, p)}`);
  return report.ok;
}

async function main(): Promise<number> {
  heading('SMTP OAuth Wizard demo on a sandbox tenant (Contoso, emulated locally)');
  const emu = await startEmulator();
  const dataDir = await mkdtemp(join(tmpdir(), 'smtp-oauth-wizard-demo-'));
  // Kept after the run so the files can be opened; they hold placeholders, no secrets.
  const exportsDir = await mkdtemp(join(tmpdir(), 'smtp-oauth-wizard-demo-exports-'));
  const keychain = await demoKeychain();
  say(`   Identity provider: ${emu.authority()}   SMTP: ${emu.smtp.host}:${emu.smtp.port}`);
  say(`   Profiles file: ${profilesFileIn(dataDir)}`);
  say(`   Secrets kept in: ${keychain.label}`);
  const profiles = createProfileStore({ file: profilesFileIn(dataDir), secrets: keychain.store });
  const deps = { secrets: keychain.store, profiles };
  let allOk = true;
  try {
    heading('1. App-only mailer (client credentials, SMTP.SendAsApp)');
    const daemon = await profiles.create(
      emulatorDraft(emu, {
        name: 'Contoso daemon',
        targetId: 'app-only',
        flow: 'app-only',
        clientId: DAEMON_APP,
        scopes: ['https://outlook.office365.com/.default'],
        mailbox: MAILBOXES.noreply,
        fromAddress: MAILBOXES.noreply,
      }),
      { clientSecret: DAEMON_SECRET },
    );
    say(`   Profile "${daemon.name}" created; the client secret went to ${keychain.where}.`);
    say('   Getting a token with the client secret ...');
    allOk =
      (await verifyAndExport(profiles, keychain.store, daemon, await acquireAppOnly(daemon, deps), exportsDir)) &&
      allOk;

    heading('2. Delegated: AEM signs in as a mailbox user (authorization code + PKCE)');
    const aem = await profiles.create(
      emulatorDraft(emu, {
        name: 'Contoso AEM',
        targetId: 'aem',
        flow: 'delegated',
        clientId: AEM_APP,
        redirectUri: 'http://localhost',
        scopes: ['https://outlook.office.com/SMTP.Send', 'offline_access'],
        mailbox: USERS.alice.upn,
        fromAddress: USERS.alice.upn,
      }),
      { clientSecret: AEM_SECRET },
    );
    const signedIn = await signInDelegated(aem, {
      ...deps,
      loginWindow: scriptedLoginWindow(emu, USERS.alice),
      timeoutMs: 60_000,
    });
    say(
      `   ✓ Signed in as ${signedIn.account ?? 'unknown'}; refresh token ${signedIn.refreshTokenStored ? `stored in ${keychain.where}` : 'NOT captured'}.`,
    );
    say('   Redeeming the refresh token the way AEM will (one raw POST with the client secret) ...');
    const redeemed = await redeemStoredRefreshToken(aem, deps);
    allOk = (await verifyAndExport(profiles, keychain.store, aem, redeemed, exportsDir)) && allOk;

    heading('Done');
    say(`   Exported files kept in ${exportsDir}`);
    say(`   ${emu.messages().length} test messages reached the sandbox mailboxes.`);
    say(
      `   ${allOk ? 'Both set-ups work.' : 'A check failed (see above).'} Next: \`npm run emulator\` to click through the sign-in pages yourself.`,
    );
    return allOk ? 0 : 1;
  } catch (e) {
    if (isProblemError(e)) indent(renderProblem(e.problem));
    else console.error(e);
    return 1;
  } finally {
    await keychain.wipe();
    await emu.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

void main().then((code) => process.exit(code));
