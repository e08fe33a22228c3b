import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import type { CliIo } from '../../src/cli/cli-io';
import { passphraseFrom } from '../../src/cli/passphrase';

/** A terminal stand-in: raw mode is recorded, keystrokes are written by the test. */
function terminal() {
  const stdin = Object.assign(new PassThrough(), { isTTY: true, raw: [] as boolean[] });
  Object.assign(stdin, { setRawMode: (on: boolean) => stdin.raw.push(on) });
  const stderr = new PassThrough();
  let shown = '';
  stderr.setEncoding('utf8').on('data', (d: string) => (shown += d));
  const io = { stdin, stderr, stdout: new PassThrough(), env: {} } as unknown as CliIo;
  return { io, stdin, shown: () => shown };
}

describe('the passphrase typed on a terminal', () => {
  it('is asked twice for a new bundle, never echoed, and a correction with Backspace counts', async () => {
    const t = terminal();
    const asked = passphraseFrom(t.io, { confirm: true, missing: 'x' });
    t.stdin.write('four random words herx\u007fe\r');
    await vi.waitFor(() => expect(t.shown()).toContain('again'));
    t.stdin.write('four random words here\r');
    expect(await asked).toBe('four random words here');
    expect(t.shown()).toBe('Passphrase: \nPassphrase again: \n');
    expect(t.stdin.raw).toEqual([true, false, true, false]);
  });

  it('stops when the two differ and when Ctrl+C is pressed', async () => {
    const t = terminal();
    const differ = passphraseFrom(t.io, { confirm: true, missing: 'x' });
    t.stdin.write('one passphrase typed\r');
    await vi.waitFor(() => expect(t.shown()).toContain('again'));
    t.stdin.write('another one typed!!\r');
    await expect(differ).rejects.toThrow(/the two passphrases differ/);
    const c = terminal();
    const cancelled = passphraseFrom(c.io, { confirm: false, missing: 'x' });
    c.stdin.write('abc\u0003');
    await expect(cancelled).rejects.toThrow(/cancelled/);
  });

  it('without a terminal, file or variable, says how to give one', async () => {
    const io = { stdout: new PassThrough(), stderr: new PassThrough(), env: {} } as unknown as CliIo;
    await expect(passphraseFrom(io, { confirm: false, missing: 'give --passphrase-file' })).rejects.toThrow(
      'give --passphrase-file',
    );
  });
});
