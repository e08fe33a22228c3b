import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import type { Profile } from '../../src/shared/profile';
import { startEmulator, type Emulator } from '../emulator';
import { DAEMON_SECRET } from '../emulator/fixtures/ids';
import { bulkWorld, daemonDraft, expectedCode, type MailboxKind } from './bulk-world';
import { cliSandbox, errorLines, type CliSandbox } from './cli-harness';

const kinds: MailboxKind[] = ['ok', 'ok', 'no-access', 'ok', 'smtp-disabled', 'missing', 'ok'];
const world = bulkWorld(1000, (i) => kinds[i % kinds.length] as MailboxKind);
let emu: Emulator;
let cli: CliSandbox;
let daemon: Profile;

beforeAll(async () => {
  emu = await startEmulator({ directory: world.directory });
  cli = await cliSandbox('bulk');
  daemon = await cli.store.create(daemonDraft(emu, { name: 'Daemon bulk' }), { clientSecret: DAEMON_SECRET });
});
afterAll(async () => {
  await emu?.close();
  await cli?.dispose();
});

const list = (name: string, text: string): Promise<string> => cli.writeList(name, text);

// The report read back with a real CSV parser, one object per row keyed by the header.
const resultRows = (csv: string): Record<string, string>[] => parse(csv, { columns: true });

describe('bulk-verify over 1,000 mailboxes (real CLI process, emulator, real keychain)', () => {
  it('gives each row its diagnosis, counts right, reports bad rows in place and exits 2 for them', async () => {
    // Exchange admin center style: a header, then one address per row; three rows are broken.
    const lines = ['DisplayName,PrimarySmtpAddress', ...world.mailboxes.map((m, i) => `"Box ${i}",${m.address}`)];
    lines.splice(101, 0, 'Broken,bad"quote@contoso.com');
    lines.splice(501, 0, 'No address,not-an-address');
    lines.splice(801, 0, 'Empty,');
    const file = await list('mailboxes.csv', `${lines.join('\r\n')}\r\n`);
    const before = emu.requestLog.filter((r) => r.grantType === 'client_credentials').length;

    const r = await cli.run(['bulk-verify', 'Daemon bulk', file, '--concurrency', '16']);

    const rows = resultRows(r.stdout);
    expect(rows).toHaveLength(1003);
    const checked = rows.filter((row) => row.status !== 'invalid');
    expect(checked.map((row) => row.mailbox)).toEqual(world.mailboxes.map((m) => m.address));
    checked.forEach((row, i) => {
      const want = expectedCode[world.mailboxes[i]!.kind];
      expect(row.code, row.mailbox).toBe(want ?? '');
      expect(row.status, row.mailbox).toBe(want ? 'failed' : 'ok');
    });
    const invalid = rows.filter((row) => row.status === 'invalid');
    expect(invalid.map((row) => [row.line, row.code])).toEqual([
      ['102', 'CSV_MALFORMED_ROW'],
      ['502', 'INVALID_MAILBOX'],
      ['802', 'MISSING_MAILBOX'],
    ]);
    // Input order kept: line numbers only grow.
    const lineNumbers = rows.map((row) => Number(row.line));
    expect(lineNumbers).toEqual([...lineNumbers].sort((a, b) => a - b));

    const count = (k: MailboxKind): number => world.mailboxes.filter((m) => m.kind === k).length;
    const failed = 1000 - count('ok');
    const errs = errorLines(r.stderr);
    expect(errs.filter((l) => /line (102|502|802):/.test(l))).toHaveLength(3);
    expect(errs.at(-1)).toContain(`Checked 1003 mailboxes`);
    expect(errs.at(-1)).toContain(`${count('ok')} ok, ${failed} failed, 3 invalid rows`);
    expect(errs.at(-1)).toContain(`SMTP_430_4.2.0 ×${count('no-access')}`);
    expect(r.code).toBe(2);
    // One client-credentials token for the whole run.
    expect(emu.requestLog.filter((x) => x.grantType === 'client_credentials').length - before).toBe(1);
  }, 60_000);

  it('exits 1 when every row is readable but a mailbox fails, and 0 when all work; JSON on request', async () => {
    const failing = await list(
      'some-fail.csv',
      `${world.mailboxes
        .slice(0, 7)
        .map((m) => m.address)
        .join('\n')}\n`,
    );
    const r1 = await cli.run(['bulk-verify', daemon.id, failing, '--json']);
    expect(r1.code).toBe(1);
    const doc = JSON.parse(r1.stdout) as {
      results: { mailbox: string; status: string; code?: string }[];
      summary: { ok: number; failed: number };
    };
    expect(doc.results.map((x) => x.code)).toEqual(world.mailboxes.slice(0, 7).map((m) => expectedCode[m.kind]));
    expect(doc.summary).toMatchObject({ ok: 4, failed: 3, invalid: 0 });

    const fine = await list(
      'all-ok.csv',
      `mailbox\n${world.mailboxes
        .filter((m) => m.kind === 'ok')
        .slice(0, 5)
        .map((m) => m.address)
        .join('\n')}\n`,
    );
    const r0 = await cli.run(['bulk-verify', daemon.id, fine]);
    expect(r0.code).toBe(0);
    expect(resultRows(r0.stdout).map((x) => x.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
  });
});
