import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// The npm test step (scripts/electron-scan.mjs) must really scan: an insecure window fails
// it with the check named, and a finding justified next to the code passes.
const scan = (input: string) =>
  spawnSync(process.execPath, ['scripts/electron-scan.mjs', '--input', input], { encoding: 'utf8' });

describe('Electron security scan (Electronegativity, offline)', () => {
  it('fails on an unanswered finding and names it with its place', () => {
    const r = scan('test/fixtures/electron-scan/unanswered');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/window\.js:4 NODE_INTEGRATION_JS_CHECK/);
    expect(r.stderr).toMatch(/CONTEXT_ISOLATION_JS_CHECK/);
    // App-wide gaps cannot be excused in a comment.
    expect(r.stderr).toMatch(/\(whole app\) PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK/);
    expect(r.stdout).toMatch(/0 justified next to the code, \d+ unanswered/);
  });

  it('passes when each finding is justified next to the code', () => {
    const r = scan('test/fixtures/electron-scan/answered');
    expect(r.stdout).toMatch(/ ([1-9]\d*) findings, \1 justified next to the code, 0 unanswered\./);
    expect(r.status).toBe(0);
  });
});
