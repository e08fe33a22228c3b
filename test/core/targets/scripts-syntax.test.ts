import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportsFor } from '../../../src/core/targets';
import type { Profile } from '../../../src/shared/profile';
import { fixtureProfile } from './fixture-profile';

/** The interpreters' own parsers, over scripts made from awkward values (quotes, spaces, $). */
const dir = mkdtempSync(join(tmpdir(), 'export-syntax-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const awkward: Partial<Profile> = {
  name: `O'Brien "mail" $HOME \`x\`\nrm -rf /tmp/nothing""" '''`,
  mailbox: "o'brien@contoso.com",
  fromAddress: 'sales team@contoso.com',
  smtpHost: 'smtp.example.com\nexit 1',
};
const tokens = { clientSecret: `a'b"c$d\`e\\f g`, refreshToken: `r'"$\\` };

const checkers: Record<string, (file: string) => readonly [string, string[]]> = {
  shell: (f) => ['bash', ['-n', f]],
  python: (f) => ['python3', ['-c', 'import ast,sys; ast.parse(open(sys.argv[1]).read())', f]],
  javascript: (f) => ['node', ['--check', f]],
};

const cases = (['generic', 'app-only'] as const).flatMap((t) =>
  [false, true].flatMap((includeSecrets) =>
    exportsFor(fixtureProfile(t, awkward), tokens, { includeSecrets })
      .filter((o) => o.language !== undefined && o.language in checkers)
      .map((o) => [`${t} ${o.name} (secrets ${includeSecrets ? 'included' : 'withheld'})`, o] as const),
  ),
);

describe('exported scripts', () => {
  it.each(cases)('%s parses', (label, o) => {
    const file = join(dir, `${label.replace(/\W+/g, '-')}-${o.name}`);
    writeFileSync(file, o.content);
    const [cmd, args] = checkers[o.language ?? 'text']?.(file) ?? ['false', []];
    const r = spawnSync(cmd, args, { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it.each(['generic', 'app-only'] as const)('%s: JSON outputs parse even with awkward values and secrets', (t) => {
    for (const o of exportsFor(fixtureProfile(t, awkward), tokens, { includeSecrets: true }).filter(
      (x) => x.language === 'json',
    )) {
      expect(() => JSON.parse(o.content) as unknown).not.toThrow();
    }
  });
});
