// Issue 11.12: text from outside (an identity provider's error_description, an SMTP server's
// reply, a CSV cell) reaches the terminal through the CLI. Escape sequences in it would
// recolour, clear or retitle the user's terminal; every byte printed must be inert.
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { terminalText } from '../../src/cli/terminal-text';
import { startEmulator, type Emulator } from '../emulator';
import { DAEMON_SECRET } from '../emulator/fixtures/ids';
import { daemonDraft } from '../cli/bulk-world';
import { cliSandbox, type CliRun, type CliSandbox } from '../cli/cli-harness';
import { startRefusingSmtp, type RefusingSmtp } from '../support/refusing-smtp';
import { faultScenario } from './fault-scenario';

/** Clear screen, retitle the window, hide the text, write a hyperlink: what a hostile reply tries. */
const HOSTILE =
  '\x1b[2J\x1b[H\x1b]0;pwned\x07\x1b[8mhidden\x1b[0m\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\\x9b31m\u202Eevil';
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

let emu: Emulator;
let cli: CliSandbox;
let smtp: RefusingSmtp;

beforeAll(async () => {
  emu = await startEmulator();
  cli = await cliSandbox('faults-terminal');
  // A mail server whose refusal carries escape sequences.
  smtp = await startRefusingSmtp(() => `5.7.3 Authentication unsuccessful ${HOSTILE}`);
  await cli.store.create(
    daemonDraft(emu, {
      name: 'Hostile SMTP',
      smtpPort: smtp.port,
      network: { proxyUrl: '', extraCaPem: `${emu.caPem}\n${smtp.caPem}`, timeoutMs: 15_000 },
    }),
    { clientSecret: DAEMON_SECRET },
  );
  // Entra quotes the scope it refuses in error_description (AADSTS1002012 for this one).
  await cli.store.create(
    daemonDraft(emu, { name: 'Hostile scope', scopes: [`https://outlook.office365.com/${HOSTILE}/.default`] }),
    { clientSecret: DAEMON_SECRET },
  );
});
afterAll(async () => {
  await smtp?.close();
  await emu?.close();
  await cli?.dispose();
});

const printed = (r: CliRun): string => r.stdout + r.stderr;

describe('nothing the CLI prints can steer the terminal', () => {
  faultScenario('11.12', 'hostile', "an SMTP server's refusal with escape sequences", async () => {
    const r = await cli.run(['verify', 'Hostile SMTP']);
    expect(r.code).toBe(1);
    expect(printed(r)).toContain('Authentication unsuccessful');
    expect(printed(r)).not.toMatch(RAW_CONTROL);
  });

  faultScenario('11.12', 'hostile', "an identity provider's error_description with escape sequences", async () => {
    const r = await cli.run(['token', 'Hostile scope']);
    expect(r.code).toBe(1);
    expect(printed(r)).toMatch(/AADSTS\d+: The provided value for scope/);
    expect(printed(r)).not.toMatch(RAW_CONTROL);
    // --json carries the same text as JSON escapes, which are inert too.
    const j = await cli.run(['token', 'Hostile scope', '--json']);
    expect(printed(j)).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(j.stdout)).toMatchObject({ ok: false });
  });

  faultScenario('11.12', 'hostile', 'the filter keeps text and layout and takes every kind of sequence out', () => {
    expect(terminalText(`ok\tcolumn\nnext ${HOSTILE} end`)).toBe('ok\tcolumn\nnext hiddenlinkevil end');
    expect(terminalText('a\x1b]0;unterminated title\nb')).toBe('a0;unterminated title\nb');
    expect(terminalText('\x00\x07\x08\r\x7f\x85x')).toBe('x');
    // Linear: a megabyte of introducers without terminators is one pass, not a hang or a RangeError.
    const flood = '\x1b]\x9d\x1bP'.repeat(250_000);
    expect(terminalText(flood)).not.toMatch(RAW_CONTROL);
  });
});
