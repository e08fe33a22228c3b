// `register` and `sign-in` as a helpdesk script runs them (child process, real keychain), against the
// emulator: the administrator signs in through the printed address or a device code, the profile is
// created by the same core code as the window, the mailbox then signs in from the terminal and sends.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretKeys } from '../../src/core/secrets/secret-keys';
import { startEmulator, type Emulator } from '../emulator';
import { USERS } from '../emulator/fixtures/ids';
import { enterDeviceCode } from '../emulator/http-sign-in';
import { signInOverHttp } from '../emulator/sign-in-driver';
import { cliSandbox, errorLines, type CliSandbox, type RunningCli } from './cli-harness';
import { emulatorCloudArgs } from './register-world';

let emu: Emulator;
let cli: CliSandbox;
let caFile: string;
beforeAll(async () => {
  emu = await startEmulator({ behaviour: { deviceCodeIntervalSeconds: 1 } });
  cli = await cliSandbox('register');
  caFile = join(cli.dataDir, 'emulator-ca.pem');
  writeFileSync(caFile, emu.caPem);
});
afterAll(async () => {
  await cli?.dispose();
  await emu?.close();
});

const emulatorCloud = () => emulatorCloudArgs(emu, caFile);

/** The person at the terminal opens the printed address, signs in, and the browser lands on the loopback. */
async function browserSignIn(running: RunningCli, user: { upn: string; password: string }): Promise<void> {
  const [url] = await running.waitForStderr(/https:\/\/127\.0\.0\.1:\d+\/[^\s]+\/oauth2\/v2\.0\/authorize\?\S+/);
  const end = await signInOverHttp(url, emu.caPem, { ...user, consent: 'cancel' });
  if (end.kind !== 'redirect') throw new Error(`sign-in ended on ${end.kind}: ${end.kind === 'page' ? end.text : ''}`);
  await fetch(end.location.replace('//localhost:', '//127.0.0.1:'));
}

describe('smtp-oauth-wizard register / sign-in', () => {
  it('registers an AEM set-up with the admin in the browser; the mailbox signs in from the terminal and a test mail goes out', async () => {
    const running = cli.start([
      'register',
      '--target',
      'aem',
      '--flow',
      'delegated',
      '--tenant',
      'contoso.com',
      '--mailbox',
      USERS.alice.upn,
      '--name',
      'Contoso AEM (cli)',
      ...emulatorCloud(),
    ]);
    await browserSignIn(running, USERS.alice);
    const r = await running.done;
    expect(errorLines(r.stderr).join('\n')).toContain('Granting admin consent for the organisation');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /✓ Created “SMTP OAuth – Adobe Experience Manager as a Cloud Service – alice@contoso.com” in Contoso \(contoso\.onmicrosoft\.com\)/,
    );
    expect(r.stdout).toMatch(/Application \(client\) ID: +[0-9a-f-]{36}/);
    const [profile] = await cli.store.list();
    expect(profile?.registration?.steps.ready).toBeDefined();
    // The secret went to the keychain, never to the terminal.
    const secret = (await cli.secrets.get(secretKeys.clientSecret(profile!.id)))!;
    expect(secret.length).toBeGreaterThan(16);
    expect(`${r.stdout}${r.stderr}`).not.toContain(secret);

    const signIn = cli.start(['sign-in', 'Contoso AEM (cli)', '--browser']);
    await browserSignIn(signIn, USERS.alice);
    const s = await signIn.done;
    expect([s.code, s.stdout]).toEqual([0, expect.stringContaining('✓ Signed in as alice@contoso.com')]);
    const v = await cli.run(['verify', 'Contoso AEM (cli)', '--send-to', USERS.alice.upn]);
    expect([v.code, v.stdout]).toEqual([0, expect.stringContaining('✓ Logged in and sent a test message')]);
  }, 90_000);

  it('registers an app-only set-up with a certificate, the admin signing in with a device code; JSON names every id', async () => {
    const running = cli.start([
      'register',
      '--target',
      'app-only',
      '--tenant',
      'contoso.com',
      '--mailbox',
      'noreply@contoso.com',
      '--certificate',
      '--device-code',
      '--json',
      ...emulatorCloud(),
    ]);
    const [, uri, code] = await running.waitForStderr(/open the page (\S+) and enter the code (\S+) to authenticate/);
    await enterDeviceCode(emu.authorityHost, emu.caPem, uri!, code!, USERS.alice);
    const r = await running.done;
    expect([r.code, r.stdout]).toEqual([0, expect.any(String)]);
    const out = JSON.parse(r.stdout) as {
      servicePrincipalObjectId: string;
      credential: { kind: string };
      exchangeCommands: string[];
    };
    expect(out.credential.kind).toBe('certificate');
    expect(out.exchangeCommands[0]).toContain(`-ObjectId ${out.servicePrincipalObjectId}`);
    expect(out.exchangeCommands.join('\n')).not.toMatch(/<[^>]+>/);
    const id = (out as unknown as { profile: { id: string } }).profile.id;
    const key = (await cli.secrets.get(secretKeys.certificateKey(id)))!;
    const keyLines = key.split('\n').filter((l) => l.length >= 40 && !l.startsWith('-----'));
    expect(keyLines.length).toBeGreaterThan(5);
    for (const l of keyLines) expect(`${r.stdout}${r.stderr}`).not.toContain(l);
  }, 90_000);

  it('refuses a flow the target does not have, and sign-in without a method, as usage errors', async () => {
    const wrongFlow = await cli.run([
      'register',
      '--target',
      'aem',
      '--flow',
      'app-only',
      '--tenant',
      'contoso.com',
      '--mailbox',
      USERS.alice.upn,
    ]);
    expect([wrongFlow.code, errorLines(wrongFlow.stderr)[0]]).toEqual([
      2,
      expect.stringContaining('--target aem is a delegated set-up; for app-only use --target app-only'),
    ]);
    const noMethod = await cli.run(['sign-in', 'whatever']);
    expect([noMethod.code, errorLines(noMethod.stderr)[0]]).toEqual([
      2,
      expect.stringContaining('--device-code or --browser'),
    ]);
  });
});
