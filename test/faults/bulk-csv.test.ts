// Issue 11.3: hostile and damaged mailbox lists through the real CLI process, against the
// emulator and the real keychain. Every readable row must be checked whatever the others hold.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { startEmulator, type Emulator } from '../emulator';
import { DAEMON_SECRET } from '../emulator/fixtures/ids';
import { bulkWorld, daemonDraft } from '../cli/bulk-world';
import { cliSandbox, errorLines, type CliRun, type CliSandbox } from '../cli/cli-harness';
import { faultScenario } from './fault-scenario';

const world = bulkWorld(520);
const addresses = world.mailboxes.map((m) => m.address);
let emu: Emulator;
let cli: CliSandbox;

beforeAll(async () => {
  emu = await startEmulator({ directory: world.directory });
  cli = await cliSandbox('faults-csv');
  await cli.store.create(daemonDraft(emu, { name: 'Daemon' }), { clientSecret: DAEMON_SECRET });
});
afterAll(async () => {
  await emu?.close();
  await cli?.dispose();
});

const rowsOf = (r: CliRun): Record<string, string>[] => parse(r.stdout, { columns: true, relax_quotes: true });
const checked = (rows: Record<string, string>[]) => rows.filter((row) => row.status !== 'invalid');

/** A repeatable stream of junk: what a broken export, a binary file or a hostile list holds. */
function garbageLine(i: number): string {
  const junk = `${(i * 2654435761) % 1_000_003}`;
  switch (i % 10) {
    case 0:
      return `"unclosed ${junk}, still inside`;
    case 1:
      return `bad"quote${junk},x`;
    case 2:
      return `\x1b[31m${junk}\x1b[0m,\x1b]0;owned\x07`;
    case 3:
      return `\x00\x01${junk}\uFFFD\u202Eevil`;
    case 4:
      return `"closed ""ok"" ${junk}",note`;
    case 5:
      return `,,,${junk}`;
    case 6:
      return `=1+1@contoso.com,${junk}`;
    case 7:
      return `${junk}\rcarriage,${junk}"`;
    case 8:
      return `"${junk}"x,"`;
    default:
      return `"""${junk}`;
  }
}

describe('bulk-verify reads damaged and hostile lists row by row', () => {
  faultScenario('11.3', 'loss', 'a stray quote on line 3 of 502 rows costs that row only', async () => {
    const lines = ['Mailbox', ...addresses.slice(0, 501)];
    lines[2] = `"${lines[2]}`;
    const r = await cli.run(['bulk-verify', 'Daemon', await cli.writeList('stray-quote.csv', `${lines.join('\n')}\n`)]);
    const rows = rowsOf(r);
    expect(rows).toHaveLength(501);
    expect(rows.filter((row) => row.status === 'invalid').map((row) => [row.line, row.code])).toEqual([
      ['3', 'CSV_MALFORMED_ROW'],
    ]);
    expect(checked(rows).map((row) => row.mailbox)).toEqual(addresses.slice(0, 501).filter((_, i) => i !== 1));
    expect(checked(rows).every((row) => row.status === 'ok')).toBe(true);
    expect(errorLines(r.stderr).at(-1)).toContain('500 ok, 0 failed, 1 invalid rows');
    expect(r.code).toBe(2);
  });

  faultScenario('11.3', 'loss', '100,020 garbage-heavy rows: all 20 valid mailboxes are checked', async () => {
    const valid = addresses.slice(0, 20);
    const lines = ['mailbox'];
    for (let i = 0; i < 100_000; i += 1) {
      lines.push(garbageLine(i));
      if (i % 5_000 === 4_990) lines.push(valid[Math.floor(i / 5_000)] as string);
    }
    const r = await cli.run(['bulk-verify', 'Daemon', await cli.writeList('garbage.csv', `${lines.join('\n')}\n`)]);
    const rows = rowsOf(r);
    expect(rows).toHaveLength(100_020);
    expect(checked(rows).map((row) => [row.mailbox, row.status])).toEqual(valid.map((m) => [m, 'ok']));
    // Each row keeps its own line number: nothing was merged into a neighbour.
    expect(rows.map((row) => Number(row.line))).toEqual(Array.from({ length: 100_020 }, (_, i) => i + 2));
    // Nothing from the file steers the terminal, and no formula reaches the spreadsheet.
    expect(r.stdout + r.stderr).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]/);
    expect(r.stdout).not.toMatch(/(^|,)[=+\-@]/m);
    expect(errorLines(r.stderr).at(-1)).toContain('20 ok, 0 failed, 100000 invalid rows');
    expect(r.code).toBe(2);
  });

  faultScenario(
    '11.14',
    'hostile',
    'formula cells in a mailbox list reach the report as text, not as formulas',
    async () => {
      const [a] = addresses;
      const hostile = [
        '=1+1@contoso.com',
        '"=HYPERLINK(""http://evil.example"",""x"")"',
        "+cmd|' /C calc'!A0@contoso.com",
        '-2+3@contoso.com',
        '@SUM(1+1)@contoso.com',
      ];
      const list = await cli.writeList('formulas.csv', `Mailbox\n${hostile.join('\n')}\n${a}\n`);
      const r = await cli.run(['bulk-verify', 'Daemon', list]);
      // Raw report text: every cell that a spreadsheet would run starts with a quote mark instead.
      const cells = parse(r.stdout, { relax_quotes: true }) as string[][];
      expect(cells.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
      const rows = rowsOf(r);
      expect(rows.map((row) => [row.mailbox, row.status, row.code])).toEqual([
        ["'=1+1@contoso.com", 'invalid', 'INVALID_MAILBOX'],
        ['\'=HYPERLINK("http://evil.example","x")', 'invalid', 'INVALID_MAILBOX'],
        ["'+cmd|' /C calc'!A0@contoso.com", 'invalid', 'INVALID_MAILBOX'],
        ["'-2+3@contoso.com", 'invalid', 'INVALID_MAILBOX'],
        ["'@SUM(1+1)@contoso.com", 'invalid', 'INVALID_MAILBOX'],
        [a, 'ok', ''],
      ]);
      expect(r.code).toBe(2);
    },
  );

  faultScenario('11.3', 'crash', 'a 60 MB line is reported in a few bytes without holding it', async () => {
    const probe = pathToFileURL(join(__dirname, 'support', 'peak-rss-probe.mjs')).href;
    const rssFile = join(cli.dataDir, 'peak-rss');
    const measured = async (name: string, text: string) => {
      const r = await cli.run(['bulk-verify', 'Daemon', await cli.writeList(name, text)], {
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${probe}`.trim(),
        SOW_PEAK_RSS_FILE: rssFile,
      });
      return { r, rss: Number(await readFile(rssFile, 'utf8')), out: r.stdout.length + r.stderr.length };
    };
    const [a, b] = addresses;
    // Baseline in the same run: the same command over the same list without the long line.
    const base = await measured('small.csv', `mailbox\n${a}\n${b}\n`);
    const file = `mailbox\n${a}\n${'A'.repeat(60 * 1024 * 1024)}\n${b}\n`;
    const huge = await measured('huge-line.csv', file);
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
    console.log(
      `60 MB line (file ${mb((await stat(join(cli.dataDir, 'huge-line.csv'))).size)}): peak RSS ${mb(huge.rss)} (2-row list: ${mb(base.rss)}), output ${huge.out} bytes (2-row list: ${base.out})`,
    );
    const rows = rowsOf(huge.r);
    expect(rows.map((row) => [row.line, row.status])).toEqual([
      ['2', 'ok'],
      ['3', 'invalid'],
      ['4', 'ok'],
    ]);
    expect(rows[1]?.title).toContain('62,914,560 characters long');
    expect(huge.out).toBeLessThan(base.out + 1_000);
    // Streaming: the long line costs a bounded buffer, not its size (before: 2.65 GB).
    expect(huge.rss).toBeLessThan(base.rss + 60 * 1024 * 1024);
    expect(huge.r.code).toBe(2);
  });
});
