import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { secretKeys } from '../../src/core/secrets/secret-keys';
import { createHandlers } from '../../src/main/handlers';
import { dispatch } from '../../src/main/ipc/dispatch';
import { createBrowserTestPorts } from '../support/browser-ports';
import { testKeychain } from '../support/keychain';
import { faultScenario } from './fault-scenario';
import { runProbe } from './run-probe';
import { draftNamed } from '../support/public-profile-draft';
import { KEY } from './probes/shared-secret';

type Answer = { ok: boolean; code?: string; title?: string; explanation?: string; value?: unknown };
type Run = { code: number | null; signal: string | null; stdout: string; stderr: string };
interface LockedReport {
  before: { available: boolean };
  after: { available: boolean; reason?: string; message?: string };
  app: Record<string, Answer>;
  commands: Record<string, Run>;
  grants: number;
}

/** A probe in a D-Bus session and gnome-keyring of its own (it locks the collection). */
const inOwnKeyring = (probe: string) => runProbe([probe], ['bash', 'scripts/with-keyring.sh']);

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

describe('one secret, two writers, damaged entries (issues 11.5, 11.11)', () => {
  const kc = testKeychain('faults');
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sow-faults-keychain-'));
  });
  afterAll(async () => {
    await kc.wipe();
    await fs.rm(dir, { recursive: true, force: true });
  });

  faultScenario(
    '11.11',
    'loss',
    'two OS processes writing and reading one chunked secret: no error, no torn value, no orphan',
    async () => {
      const runs = await Promise.all(
        ['a', 'b'].map((l) =>
          runProbe(['test/faults/probes/secret-loop.ts', dir, kc.service, l, '75']).then(
            (out) => JSON.parse(out) as { errors: string[]; torn: number },
          ),
        ),
      );
      expect(runs).toEqual([
        { label: 'a', errors: [], torn: 0 },
        { label: 'b', errors: [], torn: 0 },
      ]);
      const accounts = (await kc.accounts()).filter((a) => a.startsWith(KEY));
      const manifest = (await kc.raw.get(KEY)) ?? '';
      const [, gen, count] = /^sow1:(\d+):(\d+):/.exec(manifest) ?? [];
      expect(accounts.sort()).toEqual(
        [KEY, ...Array.from({ length: Number(count) }, (_, i) => `${KEY}#${gen ?? ''}.${i}`)].sort(),
      );
      expect(await kc.store.get(KEY)).toMatch(/^[ab]:74:/);
    },
  );

  faultScenario(
    '11.5',
    'unclear',
    'a damaged keychain entry can be entered again and deleted through the app',
    async () => {
      const ports = createBrowserTestPorts({ secrets: kc.store, profilesFile: path.join(dir, 'profiles.json') });
      const handlers = createHandlers(ports);
      const call = (channel: string, request: unknown) =>
        dispatch(handlers, channel, request, { signal: new AbortController().signal, progress: () => undefined });
      const p = await ports.profiles.create(draftNamed('Damaged secret'), {
        clientSecret: 'Xy8Q~first-secret-value-00000001',
      });
      await kc.raw.set(secretKeys.clientSecret(p.id), 'half-written garbage');
      // Opening the profile asks for the secret again instead of failing.
      expect(await call('profiles:get', { id: p.id })).toMatchObject({
        ok: true,
        value: { stored: { clientSecret: false } },
      });
      const saved = await call('profiles:save', {
        id: p.id,
        draft: { ...draftNamed('Damaged secret'), credential: { kind: 'secret' } },
        secrets: { clientSecret: 'Xy8Q~entered-again-value-000000002' },
      });
      expect(saved).toMatchObject({ ok: true, value: { stored: { clientSecret: true } } });
      expect(await kc.store.get(secretKeys.clientSecret(p.id))).toBe('Xy8Q~entered-again-value-000000002');
      await kc.raw.set(secretKeys.clientSecret(p.id), 'sow1:7:3:0123456789abcdef'); // a manifest whose chunks are gone
      expect(await call('profiles:delete', { id: p.id })).toEqual({ ok: true, value: { deleted: true } });
      expect((await kc.accounts()).filter((a) => a.startsWith(`profile/${p.id}/`))).toEqual([]);
    },
  );
});
