// The secret scan over the Exchange admin path: after giving access, a failed run, Fix it and a
// refused non-admin, the admin's Exchange token is in no plan, run, diagnosis, keychain entry or
// printed line (it lives in the admin sign-in's memory only).
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { startEmulator, type Emulator } from '../../emulator';
import { MAILBOXES, UNREGISTERED_DAEMON_APP, UNREGISTERED_DAEMON_SECRET, USERS } from '../../emulator/fixtures/ids';
import { applyPlan } from '../../../src/core/exchange-admin/apply-plan';
import { cmdlets } from '../../../src/core/exchange-admin/cmdlets';
import { planFix } from '../../../src/core/exchange-admin/fix-it';
import { inspectAppAccess, planAppAccess } from '../../../src/core/exchange-admin/give-access';
import { preparePlan } from '../../../src/core/exchange-admin/prepare';
import { runPlan } from '../../../src/core/exchange-admin/run-plan';
import { daemonAccessRequest, emulatorAdminClient, emulatorAdminTokens, emulatorScheduler } from './emulator-admin';
import { appOnlyFixture } from './recheck';
import { faultScenario } from '../../faults/fault-scenario';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

describe('secret scan: the Exchange admin path', () => {
  faultScenario(
    '15',
    'leak',
    "keeps the admin's Exchange token out of every value the path returns, the keychain and the output",
    async () => {
      const printed: string[] = [];
      const original = {
        out: process.stdout.write.bind(process.stdout),
        err: process.stderr.write.bind(process.stderr),
      };
      const capture = (chunk: string | Uint8Array) => {
        printed.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
        return true;
      };
      const results: unknown[] = [];
      const aliceTokens = emulatorAdminTokens(emu, USERS.alice);
      const daveTokens = emulatorAdminTokens(emu, USERS.dave);
      const app = await appOnlyFixture(emu, {
        clientId: UNREGISTERED_DAEMON_APP,
        secret: UNREGISTERED_DAEMON_SECRET,
        mailbox: MAILBOXES.unpermitted,
      });
      process.stdout.write = capture as typeof process.stdout.write;
      process.stderr.write = capture as typeof process.stderr.write;
      try {
        const alice = emulatorAdminClient(emu, aliceTokens);
        const req = daemonAccessRequest();
        const prepared = await preparePlan(
          alice,
          () => inspectAppAccess(alice, req),
          (s, u) => planAppAccess(req, s, u),
        );
        results.push(prepared);
        // A failed run: Exchange down after the first step.
        results.push(
          await runPlan(prepared.plan, alice, {
            onStep: () => emu.faults.set({ http503: true, pathIncludes: '/adminapi' }),
          }),
        );
        emu.faults.clear();
        results.push(
          await applyPlan(prepared.plan, alice, { recheck: app.recheck, scheduler: emulatorScheduler(emu) }),
        );
        const fix = planFix({
          cloud: 'custom',
          problemTitle: 'x',
          cmdlets: [cmdlets.setCasMailbox(USERS.dave.upn, false)],
          known: {},
        });
        results.push(fix, await runPlan(fix, alice));
        const dave = emulatorAdminClient(emu, daveTokens);
        results.push(
          await preparePlan(
            dave,
            () => inspectAppAccess(dave, req),
            (s, u) => planAppAccess(req, s, u),
          ),
        );
      } finally {
        process.stdout.write = original.out;
        process.stderr.write = original.err;
      }
      const tokens = [...aliceTokens.issued, ...daveTokens.issued];
      expect(tokens).toHaveLength(2);
      const haystacks = [JSON.stringify(results), printed.join(''), ...app.secrets.allValues()];
      expect(tokens.filter((t) => haystacks.some((h) => h.includes(t) || h.includes(t.split('.')[2] ?? t)))).toEqual(
        [],
      );
    },
  );
});
