import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportsFor, writeExports } from '../../../src/core/targets';
import { isProblemError } from '../../../src/core/problem-error';
import { safeFileName } from '../../../src/core/targets/write-exports';
import type { ExportOutput } from '../../../src/shared/export-output';
import { fixtureProfile, fixtureTokens } from './fixture-profile';

const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'exports-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const mode = (path: string): number => statSync(path).mode & 0o777;

describe('writeExports', () => {
  it('saves every output under its name with its exact content', async () => {
    const dir = tempDir();
    const outputs = exportsFor(fixtureProfile('aem'), fixtureTokens, { includeSecrets: false });
    const paths = await writeExports(outputs, dir);
    expect(readdirSync(dir).sort()).toEqual(outputs.map((o) => o.name).sort());
    for (const [i, o] of outputs.entries()) expect(readFileSync(paths[i] ?? '', 'utf8')).toBe(o.content);
  });

  it('makes files that hold secrets readable by the owner only, and scripts executable', async () => {
    const dir = tempDir();
    const outputs = exportsFor(fixtureProfile('generic'), fixtureTokens, { includeSecrets: true });
    await writeExports(outputs, dir);
    for (const o of outputs) {
      const m = mode(join(dir, o.name));
      if (o.holdsSecret) expect(m & 0o077, o.name).toBe(0);
      else expect(m & 0o044, o.name).toBe(0o044);
      if (o.language === 'shell') expect(m & 0o100, o.name).toBe(0o100);
    }
    expect(mode(join(dir, 'send-test-mail.sh'))).toBe(0o700);
    expect(mode(join(dir, 'smtp-oauth.env'))).toBe(0o600);
  });

  it('tightens an older world-readable copy when it is overwritten with secrets', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'secret-values.txt'), 'old');
    chmodSync(join(dir, 'secret-values.txt'), 0o644);
    const outputs = exportsFor(fixtureProfile('generic'), fixtureTokens, { includeSecrets: true }).filter(
      (o) => o.name === 'secret-values.txt',
    );
    await writeExports(outputs, dir);
    expect(mode(join(dir, 'secret-values.txt'))).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['secret-values.txt']);
  });

  it('explains a folder it cannot write to as a problem, not a stack trace', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a-file'), '');
    const outputs = exportsFor(fixtureProfile('onit'), fixtureTokens, { includeSecrets: false });
    const err = await writeExports(outputs, join(dir, 'a-file', 'sub')).catch((e: unknown) => e);
    expect(isProblemError(err)).toBe(true);
    expect(isProblemError(err) && err.problem).toMatchObject({
      code: 'EXPORT_SAVE_ENOTDIR',
      title: 'The exports could not be saved',
    });
  });

  it('keeps hostile or clashing names inside the directory', async () => {
    const dir = tempDir();
    const base: ExportOutput = {
      name: '',
      title: 't',
      description: 'd',
      kind: 'file',
      group: 'target',
      content: 'x\n',
      holdsSecret: false,
      language: 'text',
    };
    const names = ['../../escape.txt', '/etc/passwd', 'a/b\\c.txt', '..', 'same.txt', 'same.txt'];
    const paths = await writeExports(
      names.map((name) => ({ ...base, name })),
      dir,
    );
    for (const p of paths) expect(p.startsWith(`${dir}/`)).toBe(true);
    expect(new Set(paths).size).toBe(names.length);
    expect(readdirSync(dir)).toHaveLength(names.length);
    expect(safeFileName('../../escape.txt')).toBe('escape.txt');
  });
});
