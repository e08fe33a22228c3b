import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('the app never lists the keychain', () => {
  // keytar's findCredentials crashes the process on a locked Secret Service collection (issue 11.1).
  it('calls findCredentials only in the function tests use, and that function nowhere in src', () => {
    const offenders = sourceFiles(join(root, 'src')).flatMap((file) => {
      const rel = relative(root, file).replace(/\\/g, '/');
      const text = readFileSync(file, 'utf8');
      const calls = (text.match(/findCredentials\(|listAccountsForTests\(/g) ?? []).length;
      const allowed = rel === 'src/core/secrets/keytar-backend.ts' ? 3 : 0; // keytar's type, the test-only function and its one call
      return calls > allowed ? [rel] : [];
    });
    expect(offenders).toEqual([]);
  });
});
