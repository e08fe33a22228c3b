import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulator';
import { AEM_APP, AEM_SECRET, DAEMON_SECRET, MAILBOXES } from '../emulator/fixtures/ids';
import { daemonDraft } from './bulk-world';
import { cliSandbox, errorLines, type CliSandbox } from './cli-harness';

let emu: Emulator;
let cli: CliSandbox;

beforeAll(async () => {
  emu = await startEmulator();
  cli = await cliSandbox('bad-input');
  await cli.store.create(daemonDraft(emu, { name: 'Daemon' }), { clientSecret: DAEMON_SECRET });
  await cli.store.create(
    daemonDraft(emu, {
      name: 'AEM delegated',
      targetId: 'aem',
      flow: 'delegated',
      clientId: AEM_APP,
      redirectUri: 'http://localhost',
      scopes: ['https://outlook.office.com/SMTP.Send', 'offline_access'],
      mailbox: 'alice@contoso.com',
      fromAddress: 'alice@contoso.com',
    }),
    { clientSecret: AEM_SECRET },
  );
});
afterAll(async () => {
  await emu?.close();
  await cli?.dispose();
});

const list = (name: string, text: string): Promise<string> => cli.writeList(name, text);

/** One line on stderr, naming the problem; nothing checked. */
function expectOneLine(r: { code: number | null; stdout: string; stderr: string }, pattern: RegExp): void {
  expect(r.code).toBe(2);
  const errs = errorLines(r.stderr);
  expect(errs).toHaveLength(1);
  expect(errs[0]).toMatch(pattern);
  expect(r.stdout).toBe('');
}

describe('bad input to the command gives one line naming the problem', () => {
  it('a missing mailbox file', async () => {
    expectOneLine(
      await cli.run(['bulk-verify', 'Daemon', join(cli.dataDir, 'nope.csv')]),
      /^smtp-oauth-wizard: cannot read mailbox list .*nope\.csv: no such file$/,
    );
  });

  it('an unknown profile', async () => {
    expectOneLine(await cli.run(['verify', 'Nobody']), /^smtp-oauth-wizard: no profile "Nobody" in .*profiles\.json/);
  });

  it('a delegated profile given to bulk-verify', async () => {
    const file = await list('one.csv', `${MAILBOXES.noreply}\n`);
    expectOneLine(
      await cli.run(['bulk-verify', 'aem delegated', file]),
      /^smtp-oauth-wizard: profile "AEM delegated" is delegated; bulk-verify needs an app-only profile/,
    );
  });

  it('an unknown option', async () => {
    expectOneLine(
      await cli.run(['token', 'Daemon', '--shw-token']),
      /^smtp-oauth-wizard: Unknown option '--shw-token'/,
    );
  });

  it('a malformed CSV row: named by line, the good rows are still checked and reported', async () => {
    const file = await list('malformed.csv', `${MAILBOXES.noreply}\nbroken"row@contoso.com\n${MAILBOXES.shared}\n`);
    const r = await cli.run(['bulk-verify', 'Daemon', file]);
    expect(r.code).toBe(2);
    const errs = errorLines(r.stderr);
    expect(errs.filter((l) => l.includes('line 2'))).toEqual([
      'smtp-oauth-wizard: malformed.csv line 2: malformed CSV row: a quote (") inside an unquoted field; the line reads: broken"row@contoso.com; row skipped, the other rows are checked',
    ]);
    expect(
      r.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(',').slice(0, 3).join(',')),
    ).toEqual(['line,mailbox,status', `1,${MAILBOXES.noreply},ok`, '2,,invalid', `3,${MAILBOXES.shared},ok`]);
  });

  it('an invalid address in a row: named by line, the good rows are still checked and reported', async () => {
    const file = await list(
      'invalid.csv',
      `Email\n${MAILBOXES.noreply}\nJane Doe <jane@contoso.com>\n${MAILBOXES.unpermitted}\n`,
    );
    const r = await cli.run(['bulk-verify', 'Daemon', file, '--json']);
    expect(r.code).toBe(2);
    expect(errorLines(r.stderr)[0]).toBe(
      'smtp-oauth-wizard: invalid.csv line 3: "Jane Doe <jane@contoso.com>" is not a mailbox address; row skipped, the other rows are checked',
    );
    const doc = JSON.parse(r.stdout) as { results: { line: number; status: string; code?: string }[] };
    expect(doc.results.map((x) => [x.line, x.status, x.code])).toEqual([
      [2, 'ok', undefined],
      [3, 'invalid', 'INVALID_MAILBOX'],
      [4, 'failed', 'SMTP_430_4.2.0'],
    ]);
  });

  it('a damaged profile file (in a folder given by --data-dir): one line naming the file, exit 3', async () => {
    const dir = join(cli.dataDir, 'damaged');
    await mkdir(dir);
    await writeFile(join(dir, 'profiles.json'), '{ not json');
    const r = await cli.run(['profiles', 'list', '--data-dir', dir]);
    expect(r.code).toBe(3);
    const errs = errorLines(r.stderr);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(
      /^smtp-oauth-wizard: The profile file cannot be read: .*damaged\/profiles\.json is damaged/,
    );
  });

  it('the keychain not reachable: one line, exit 3', async () => {
    const r = await cli.run(['token', 'Daemon'], {
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus',
      DISPLAY: '',
    });
    expect(r.code).toBe(3);
    const errs = errorLines(r.stderr);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(/^smtp-oauth-wizard: The system keychain is (not available|locked)/);
  });
});
