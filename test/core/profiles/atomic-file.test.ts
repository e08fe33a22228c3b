import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../src/core/profiles/atomic-file';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sow-atomic-'));
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

/** A pid no process has: the highest the kernel hands out, plus one. */
const deadPid = async () => Number(await fs.readFile('/proc/sys/kernel/pid_max', 'utf8').catch(() => '4194304')) + 1;

describe('atomic file write', () => {
  it('writes with the mode asked for, whatever the umask, and keeps the replaced file when asked', async () => {
    const file = path.join(dir, 'out.txt');
    await writeFileAtomic(file, 'one', { mode: 0o644 });
    await writeFileAtomic(file, 'two', { mode: 0o600, keepPreviousAt: `${file}.bak` });
    expect(await fs.readFile(file, 'utf8')).toBe('two');
    expect(await fs.readFile(`${file}.bak`, 'utf8')).toBe('one');
    if (process.platform !== 'win32') expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    expect((await fs.readdir(dir)).sort()).toEqual(['out.txt', 'out.txt.bak']);
  });

  it('removes its temp file when the write fails, and leaves the target as it was', async () => {
    const file = path.join(dir, 'target');
    await fs.mkdir(file); // renaming a file over a folder fails
    await expect(writeFileAtomic(file, 'x')).rejects.toMatchObject({ code: expect.stringMatching(/EISDIR|EPERM/) });
    expect(await fs.readdir(dir)).toEqual(['target']);
  });

  it('removes temp files a killed writer left behind, and no one else’s', async () => {
    const file = path.join(dir, 'profiles.json');
    const orphan = `.profiles.json.${await deadPid()}.0a1b2c3d.tmp`;
    const alive = `.profiles.json.${process.ppid}.0a1b2c3d.tmp`; // our parent runs
    const other = `.other.json.${await deadPid()}.0a1b2c3d.tmp`;
    for (const n of [orphan, alive, other]) await fs.writeFile(path.join(dir, n), 'half');
    await writeFileAtomic(file, '{}');
    expect((await fs.readdir(dir)).sort()).toEqual([alive, other, 'profiles.json'].sort());
  });
});
