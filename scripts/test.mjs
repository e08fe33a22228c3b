#!/usr/bin/env node
// The README's one test command: lint, type-check, build, then every test (unit,
// integration against the emulator and the real keychain, browser tests in Chromium).
// On Linux it provides its own D-Bus session with an unlocked gnome-keyring, so the
// keychain tests meet a real Secret Service whether or not the desktop has one.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { faultSummary } from './fault-summary.mjs';

const inKeyringSession = process.env.SOW_KEYRING_SESSION === '1';
const extraArgs = process.argv.slice(2);

if (process.platform === 'linux' && !inKeyringSession) {
  const hasTools = ['dbus-run-session', 'gnome-keyring-daemon'].every(
    (tool) => spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0,
  );
  if (!hasTools) {
    console.error(
      'The keychain tests need a Secret Service: install the Debian packages dbus and gnome-keyring (see README).',
    );
    process.exit(1);
  }
  // A private session bus and a fresh keyring in a temporary data dir: tests never touch
  // the user's own keychain, and an old keyring with another password cannot get in the way.
  const dataHome = mkdtempSync(join(tmpdir(), 'sow-keyring-'));
  const inner = `echo -n 'ci-keyring' | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec node scripts/test.mjs ${extraArgs.map((a) => `'${a}'`).join(' ')}`;
  const r = spawnSync('dbus-run-session', ['--', 'sh', '-c', inner], {
    stdio: 'inherit',
    env: { ...process.env, SOW_KEYRING_SESSION: '1', XDG_DATA_HOME: dataHome },
  });
  rmSync(dataHome, { recursive: true, force: true });
  process.exit(r.status ?? 1);
}

function step(name, cmd, args) {
  console.log(`\n── ${name} ──`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) {
    console.error(`\n${name} failed (exit ${r.status ?? r.signal}).`);
    return false;
  }
  return true;
}

const npx = (bin, ...args) => ['node', [`node_modules/.bin/${bin}`, ...args]];
let good = true;
good = step('lint', ...npx('eslint', '--max-warnings', '0', '.')) && good;
good = step('format', ...npx('prettier', '--check', '--log-level', 'warn', '.')) && good;
good = step('type-check (node)', ...npx('tsc', '-p', 'tsconfig.node.json', '--noEmit')) && good;
good = step('type-check (web)', ...npx('tsc', '-p', 'tsconfig.web.json', '--noEmit')) && good;
// Electronegativity over src: every finding fixed or justified next to the code (offline).
good = step('electron security scan', 'node', ['scripts/electron-scan.mjs']) && good;
good = step('build', 'node', ['scripts/build.mjs']) && good;

const resultsFile = '.vitest-results.json';
rmSync(resultsFile, { force: true });
const testsRan = step(
  'tests',
  ...npx('vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${resultsFile}`, ...extraArgs),
);
good = testsRan && good;

// One plain closing line CI can read: "N passed, N failed".
if (existsSync(resultsFile)) {
  const r = JSON.parse(readFileSync(resultsFile, 'utf8'));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  const faults = faultSummary(r);
  if (faults) console.log(`\n${faults}`);
  console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
} else {
  console.log('\n0 passed, 1 failed');
}
process.exit(good ? 0 : 1);
