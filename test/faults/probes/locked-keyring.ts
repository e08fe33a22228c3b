// Runs inside its own D-Bus session and gnome-keyring (scripts/with-keyring.sh), because it
// locks the login collection, which would break every other keychain test sharing a session.
// Saves profiles while the keyring is open, locks it (the Secret Service Lock call, with no
// prompter to unlock it again), then drives the app's handlers and the real CLI processes
// against it and prints what each answered, as one JSON document.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDataStores } from '../../../src/core/profiles/data-stores';
import { secretKeys } from '../../../src/core/secrets/secret-keys';
import { dispatch } from '../../../src/main/ipc/dispatch';
import { createHandlers } from '../../../src/main/handlers';
import { startEmulator } from '../../emulator';
import { AEM_APP, AEM_SECRET, DAEMON_SECRET, USERS } from '../../emulator/fixtures/ids';
import { daemonDraft } from '../../cli/bulk-world';
import { createBrowserTestPorts } from '../../support/browser-ports';

const CLI = join(__dirname, '..', '..', '..', 'src', 'cli', 'index.ts');

function lockLoginCollection(): void {
  const r = spawnSync('dbus-send', [
    '--session',
    '--print-reply',
    '--dest=org.freedesktop.secrets',
    '/org/freedesktop/secrets',
    'org.freedesktop.Secret.Service.Lock',
    'array:objpath:/org/freedesktop/secrets/collection/login',
  ]);
  if (r.status !== 0) throw new Error(`locking the collection failed: ${r.stderr.toString()}`);
}

function cli(args: readonly string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

async function main(): Promise<void> {
  const emu = await startEmulator();
  const dataDir = await mkdtemp(join(tmpdir(), 'sow-locked-'));
  const service = 'smtp-oauth-wizard-locked-probe';
  const stores = openDataStores({ dataDir, service });
  const daemon = await stores.profiles.create(daemonDraft(emu, { name: 'Daemon' }), { clientSecret: DAEMON_SECRET });
  const delegated = await stores.profiles.create(
    daemonDraft(emu, {
      name: 'Delegated',
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
  await stores.secrets.set(secretKeys.refreshToken(delegated.id), 'a-stored-refresh-token');
  const before = await stores.secrets.status();

  lockLoginCollection();

  const ports = {
    ...createBrowserTestPorts({ secrets: stores.secrets, profilesFile: stores.file }),
    profiles: stores.profiles,
  };
  const handlers = createHandlers(ports);
  const call = async (channel: string, request: unknown) => {
    const r = await dispatch(handlers, channel, request, {
      signal: new AbortController().signal,
      progress: () => undefined,
    });
    // A list is reported by its length: the JSON line stays short.
    return r.ok
      ? { ok: true, value: Array.isArray(r.value) ? r.value.length : r.value }
      : { ok: false, code: r.problem.code, title: r.problem.title, explanation: r.problem.explanation };
  };
  const app = {
    info: await call('app:info', undefined),
    list: await call('profiles:list', undefined),
    get: await call('profiles:get', { id: delegated.id }),
    verifyDelegated: await call('token:verify', { profileId: delegated.id, operationId: 'v1' }),
    tokenAppOnly: await call('token:acquire', { profileId: daemon.id, method: 'app-only', operationId: 'a1' }),
    exportWithSecrets: await call('export:list', { profileId: daemon.id, includeSecrets: true }),
    remove: await call('profiles:delete', { id: daemon.id }),
    listAfterRemove: await call('profiles:list', undefined),
    report: await call('support:report', { profileId: delegated.id }),
  };

  const env = { ...process.env, SMTP_OAUTH_WIZARD_HOME: dataDir, SMTP_OAUTH_WIZARD_KEYCHAIN_SERVICE: service };
  const commands = {
    token: await cli(['token', delegated.id, '--json'], env),
    tokenAppOnly: await cli(['token', daemon.id, '--json'], env),
    verify: await cli(['verify', daemon.id, '--json'], env),
    export: await cli(['export', daemon.id, '--out', join(dataDir, 'out'), '--include-secrets', '--json'], env),
    list: await cli(['profiles', 'list', '--json'], env),
  };
  process.stdout.write(
    `${JSON.stringify({ before, after: await stores.secrets.status(), app, commands, grants: emu.requestLog.filter((r) => r.grantType).length })}\n`,
  );
  await emu.close();
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
