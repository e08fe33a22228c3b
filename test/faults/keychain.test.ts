import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect } from 'vitest';
import { faultScenario } from './fault-scenario';

type Answer = { ok: boolean; code?: string; title?: string; explanation?: string; value?: unknown };
type Run = { code: number | null; signal: string | null; stdout: string; stderr: string };
interface LockedReport {
  before: { available: boolean };
  after: { available: boolean; reason?: string; message?: string };
  app: Record<string, Answer>;
  commands: Record<string, Run>;
  grants: number;
}

const root = join(__dirname, '..', '..');

/** Runs a probe in a D-Bus session and gnome-keyring of its own; returns its JSON line. */
function inOwnKeyring(probe: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['scripts/with-keyring.sh', process.execPath, '--import', 'tsx', probe], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('close', (code, signal) =>
      code === 0 ? resolve(out.trim().split('\n').at(-1) ?? '') : reject(new Error(`probe ${code ?? signal}: ${err}`)),
    );
  });
}

describe('a locked keyring (issue 11.1)', () => {
  let report: LockedReport;
  beforeAll(async () => {
    report = JSON.parse(await inOwnKeyring('test/faults/probes/locked-keyring.ts')) as LockedReport;
  }, 180_000);

  faultScenario('11.1', 'unclear', 'the keychain status says locked, in plain words, instead of "available"', () => {
    expect(report.before.available).toBe(true);
    expect(report.after).toMatchObject({ available: false, reason: 'locked' });
    expect(report.after.message).toMatch(/locked.*Unlock your keyring/s);
    expect(report.app.info?.value).toMatchObject({
      keychain: { available: false, message: expect.stringMatching(/locked/) },
    });
  });

  faultScenario(
    '11.1',
    'crash',
    'every app call that needs a secret answers KEYCHAIN_LOCKED, never "not stored"',
    () => {
      for (const name of ['get', 'verifyDelegated', 'tokenAppOnly', 'exportWithSecrets', 'remove']) {
        expect({ name, ...report.app[name] }).toMatchObject({ name, ok: false, code: 'KEYCHAIN_LOCKED' });
      }
      expect(report.grants).toBe(0); // nothing was sent with a secret that could not be read
      expect(report.app.list).toMatchObject({ ok: true, value: 2 });
      expect(report.app.report).toMatchObject({ ok: true });
      expect(String((report.app.report?.value as { text: string }).text)).toMatch(/NOT available.*locked/);
    },
  );

  faultScenario('11.1', 'loss', 'deleting a profile on a locked keyring keeps the profile and its secrets', () => {
    expect(report.app.listAfterRemove?.value).toBe(2);
  });

  faultScenario('11.1', 'crash', 'the CLI exits 3 with KEYCHAIN_LOCKED in its JSON and no signal', () => {
    for (const name of ['token', 'tokenAppOnly', 'verify', 'export']) {
      const run = report.commands[name] as Run;
      expect({ name, code: run.code, signal: run.signal }).toEqual({ name, code: 3, signal: null });
      const doc = JSON.parse(run.stdout) as { ok: boolean; error: { code: string; message: string } };
      expect(doc).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_LOCKED' } });
      expect(doc.error.message).toMatch(/Unlock your keyring/);
    }
    expect(report.commands.list).toMatchObject({ code: 0, signal: null });
    expect((JSON.parse(report.commands.list?.stdout ?? '{}') as { profiles: unknown[] }).profiles).toHaveLength(2);
  });
});
