import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src/main/handlers';
import type { HandlerContext } from '../../../src/main/ipc/handler-map';
import { adminGraphScopes, signInAdmin, type AdminSession } from '../../../src/core/registration/admin-session';
import { runRegistration } from '../../../src/core/registration/run-registration';
import { startRegistration } from '../../../src/core/registration/start-registration';
import { secretKeys } from '../../../src/core/secrets/secret-keys';
import { registrationOptionsSchema } from '../../../src/shared/registration';
import { startEmulator, type Emulator } from '../../emulator';
import { CONTOSO, USERS } from '../../emulator/fixtures/ids';
import { httpLoginWindow } from '../../emulator/http-sign-in';
import type { SignInOptions } from '../../emulator/sign-in-driver';
import { createBrowserTestPorts, type TestPorts } from '../../support/browser-ports';
import { testKeychain } from '../../support/keychain';

/**
 * The secret scan over a whole "Create it for me" (issue 13 acceptance): after a delegated set-up
 * with a secret, an app-only one with a generated certificate and a failed one, no client secret,
 * private key or administrator Graph token is in any file the app wrote (profiles, settings,
 * temp), in anything it printed, in the progress it reported, in a diagnosis, in the exports or in
 * the support reports.
 */
let emu: Emulator;
const kc = testKeychain('registration-leak');
let appDir: string;
let tmpDir: string;
let ports: TestPorts;
const oldTmp = process.env.TMPDIR;

beforeAll(async () => {
  emu = await startEmulator();
  appDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sow-leak-registration-app-'));
  tmpDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sow-leak-registration-tmp-'));
  ports = createBrowserTestPorts({ secrets: kc.store, profilesFile: path.join(appDir, 'profiles.json') });
  await ports.settings.save({
    newSetup: {
      cloud: 'custom',
      customAuthorityHost: emu.authorityHost,
      customGraphHost: emu.graph.host,
      smtpHost: emu.smtp.host,
      smtpPort: emu.smtp.port,
      extraCaPem: emu.caPem,
      adminClientId: '',
    },
  });
});
afterAll(async () => {
  process.env.TMPDIR = oldTmp;
  await emu?.close();
  await kc.wipe();
  await fs.rm(appDir, { recursive: true, force: true });
  await fs.rm(tmpDir, { recursive: true, force: true });
});

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else out.push(p);
  }
  return out;
}

const admin = (user: SignInOptions): Promise<AdminSession> =>
  signInAdmin(kc.store, {
    cloud: 'custom',
    customAuthorityHost: emu.authorityHost,
    tenant: CONTOSO,
    clientId: '',
    network: { proxyUrl: '', extraCaPem: emu.caPem, timeoutMs: 15_000 },
    method: 'embedded',
    loginWindow: httpLoginWindow(emu.caPem, () => user),
  });

describe('the registration leaves no secret behind', () => {
  it('no client secret, private key or admin Graph token in files, output, progress, diagnoses, exports or support reports', async () => {
    process.env.TMPDIR = tmpDir;
    const printed: string[] = [];
    const writes = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
    const capture = (chunk: string | Uint8Array) => {
      printed.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    };
    process.stdout.write = capture as typeof process.stdout.write;
    process.stderr.write = capture as typeof process.stderr.write;
    const said: string[] = [];
    const secrets: string[] = [];
    const handlers = createHandlers(ports);
    const ctx: HandlerContext = {
      signal: new AbortController().signal,
      progress: (e) => void said.push(JSON.stringify(e)),
    };
    const deps = { secrets: kc.store, profiles: ports.profiles, now: () => emu.clock.now() };
    const start = (targetId: 'aem' | 'app-only', mailbox: string, credential: 'secret' | 'certificate') =>
      startRegistration(deps, {
        name: `${targetId} ${mailbox}`,
        targetId,
        mailbox,
        cloud: 'custom',
        customAuthorityHost: emu.authorityHost,
        network: { proxyUrl: '', extraCaPem: emu.caPem, timeoutMs: 15_000 },
        smtpHost: emu.smtp.host,
        smtpPort: emu.smtp.port,
        options: registrationOptionsSchema.parse({
          appName: `Leak test ${targetId}`,
          credential,
          customGraphHost: emu.graph.host,
        }),
      });
    try {
      const session = await admin(USERS.alice);
      secrets.push(await session.token(adminGraphScopes('custom')));
      const onProgress = (p: { message: string }) => said.push(p.message);
      const delegated = await runRegistration((await start('aem', USERS.alice.upn, 'secret')).id, deps, {
        session,
        onProgress,
      });
      secrets.push((await kc.store.get(secretKeys.clientSecret(delegated.id))) ?? 'missing-secret');
      const appOnly = await runRegistration((await start('app-only', 'noreply@contoso.com', 'certificate')).id, deps, {
        session,
        onProgress,
      });
      const key = (await kc.store.get(secretKeys.certificateKey(appOnly.id))) ?? 'missing-key';
      secrets.push(...key.split('\n').filter((l) => l.length >= 40 && !l.startsWith('-----')));

      // A failure, with its diagnosis, from a second admin's session.
      const bob = await admin(USERS.bob);
      secrets.push(await bob.token(adminGraphScopes('custom')));
      const failure = await runRegistration((await start('aem', USERS.bob.upn, 'secret')).id, deps, {
        session: bob,
        onProgress,
      }).catch((e: unknown) => e);
      said.push(JSON.stringify(failure));
      const failedId = (await ports.profiles.list()).find((p) => p.mailbox === USERS.bob.upn)!.id;
      secrets.push((await kc.store.get(secretKeys.clientSecret(failedId))) ?? 'missing-secret');

      for (const profile of [delegated, appOnly]) {
        ports.nextExportFolder = path.join(appDir, 'exports', profile.id);
        await handlers['export:save']({ profileId: profile.id, includeSecrets: false }, ctx);
      }
      const problem = (failure as { problem: Parameters<(typeof handlers)['support:report']>[0]['problem'] }).problem;
      for (const profileId of [delegated.id, appOnly.id, failedId])
        said.push(
          (
            await handlers['support:report'](
              { profileId, ...(profileId === failedId && problem ? { problem } : {}) },
              ctx,
            )
          ).text,
        );
      session.close();
      bob.close();
    } finally {
      process.stdout.write = writes.out;
      process.stderr.write = writes.err;
      process.env.TMPDIR = oldTmp;
    }

    expect(secrets.every((s) => s.length >= 16 && !s.startsWith('missing'))).toBe(true);
    const files = [...(await filesUnder(appDir)), ...(await filesUnder(tmpDir))];
    expect(files.map((f) => path.basename(f))).toEqual(
      expect.arrayContaining(['profiles.json', 'settings.json', 'register-service-principal.ps1']),
    );
    const haystacks = [...(await Promise.all(files.map((f) => fs.readFile(f, 'utf8')))), printed.join(''), ...said];
    const leaks = secrets.filter((s) => haystacks.some((h) => h.includes(s)));
    expect(leaks).toEqual([]);
    // ...while the support report does say what was created.
    expect(said.join('\n')).toContain('servicePrincipalObjectId');
  }, 120_000);
});
