import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The built command as users run it (`node out/cli/index.cjs`): a launcher importing ES
 * modules split per command, with require() and __filename given back to bundled CommonJS.
 */
const root = join(__dirname, '..', '..');
const bin = join(root, 'out', 'cli', 'index.cjs');
const home = mkdtempSync(join(tmpdir(), 'sow-cli-bundle-'));
const run = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, SMTP_OAUTH_WIZARD_HOME: home },
  });

beforeAll(() => {
  // `npm test` builds first; a lone run of this file builds just the CLI.
  if (!existsSync(join(root, 'out', 'cli', 'index.mjs')))
    expect(spawnSync(process.execPath, ['scripts/build.mjs', '--only', 'cli'], { cwd: root }).status).toBe(0);
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('the built CLI bundle', () => {
  it('prints the help from the launcher', () => {
    const r = run('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('smtp-oauth-wizard');
    expect(r.stdout).toContain('bulk-verify');
  });

  it('loads a command’s chunks and the error report’s on demand', () => {
    const list = run('profiles', 'list', '--json');
    expect(list.status).toBe(0);
    expect(JSON.parse(list.stdout)).toMatchObject({ profiles: [] });
    const unknown = run('verify', 'no-such-profile', '--json');
    expect(unknown.status).toBe(2);
    expect(JSON.parse(unknown.stdout)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PROFILE' } });
  });
});
