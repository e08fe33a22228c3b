import { it } from 'vitest';

/**
 * What a scenario would do to a user if it failed: the fault suite's closing line counts
 * failed scenarios by this, so "0 lost" means no scenario that could lose data failed.
 */
export type FaultRisk = 'crash' | 'loss' | 'leak' | 'unclear' | 'hostile';

/** The test-name tag `scripts/fault-summary.mjs` reads back from the JSON results. */
export const faultTag = (id: string, risk: FaultRisk) => `[fault ${id} ${risk}]`;

/**
 * One fault or bad-input scenario from issue 11 (or a later one): `id` is the issue item
 * (e.g. `11.1`), `risk` what a failure would mean. It passes only when the app survived
 * the fault or ended in a clear, typed diagnosis.
 */
export function faultScenario(id: string, risk: FaultRisk, name: string, run: () => Promise<void> | void): void {
  it(`${faultTag(id, risk)} ${name}`, run);
}
