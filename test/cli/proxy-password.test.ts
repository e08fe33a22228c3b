import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profilesFileIn } from '../../src/core/profiles/default-location';
import { secretKeys } from '../../src/core/secrets/secret-keys';
import type { Profile } from '../../src/shared/profile';
import { startEmulator, type Emulator } from '../emulator';
import { DAEMON_SECRET, MAILBOXES } from '../emulator/fixtures/ids';
import { startProxy } from '../support/connect-proxy';
import { daemonDraft } from './bulk-world';
import { cliSandbox, type CliSandbox } from './cli-harness';

const PASSWORD = 'pa55:w@rd';
let emu: Emulator;
let cli: CliSandbox;
let proxy: Awaited<ReturnType<typeof startProxy>>;
let daemon: Profile;

beforeAll(async () => {
  emu = await startEmulator();
  proxy = await startProxy({ requireAuth: `bob:${PASSWORD}` });
  cli = await cliSandbox('proxy-password');
  daemon = await cli.store.create(
    daemonDraft(emu, {
      name: 'Daemon behind the proxy',
      network: {
        proxyUrl: proxy.url.replace('http://', `http://bob:${PASSWORD}@`),
        extraCaPem: emu.caPem,
        timeoutMs: 15_000,
      },
    }),
    { clientSecret: DAEMON_SECRET },
  );
});
afterAll(async () => {
  await proxy?.close();
  await emu?.close();
  await cli?.dispose();
});

describe('the command with a proxy login kept in the keychain', () => {
  it('verify and bulk-verify reach the token endpoint and SMTP through the authenticating proxy', async () => {
    expect(await readFile(profilesFileIn(cli.dataDir), 'utf8')).not.toContain('pa55');
    expect(await cli.secrets.get(secretKeys.proxyPassword(daemon.id))).toBe(PASSWORD);
    const through = [new URL(emu.authorityHost).host, `${emu.smtp.host}:${emu.smtp.port}`];

    const r = await cli.run(['verify', daemon.id, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, report: { ok: true, authUser: MAILBOXES.noreply } });
    expect(proxy.connects).toEqual(expect.arrayContaining(through));

    proxy.connects.length = 0;
    const list = join(cli.dataDir, 'mailboxes.csv');
    await writeFile(list, `mailbox\n${MAILBOXES.noreply}\n`);
    const bulk = await cli.run(['bulk-verify', daemon.id, list, '--format', 'json']);
    expect(bulk.code).toBe(0);
    expect(proxy.connects).toEqual(expect.arrayContaining(through));
    expect(r.stdout + r.stderr + bulk.stdout + bulk.stderr).not.toContain('pa55');
  });
});
