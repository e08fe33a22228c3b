import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script with JSDoc types, run by npm test itself
import { faultSummary } from '../../scripts/fault-summary.mjs';

const file = (name: string, ...tests: [string, string][]) => ({
  name,
  assertionResults: tests.map(([title, status]) => ({ title, status })),
});

describe('the fault suite line', () => {
  it('counts tagged scenarios under test/faults and sorts failures by what they risk', () => {
    const line = faultSummary({
      testResults: [
        file(
          '/repo/test/faults/keychain.test.ts',
          ['[fault 11.1 crash] locked keyring', 'passed'],
          ['[fault 11.2 loss] two writers', 'failed'],
        ),
        file(
          '/repo/test/faults/cli.test.ts',
          ['[fault 11.12 hostile] ANSI', 'passed'],
          ['untagged helper check', 'failed'],
        ),
        file('/repo/test/core/other.test.ts', ['[fault 9.9 leak] not in the suite folder', 'failed']),
      ],
    });
    expect(line).toBe('3 scenarios: 2 survived or diagnosed clearly, 0 crashed, 1 lost, 0 leaked');
  });

  it('names unclear and hostile failures too, and prints nothing without scenarios', () => {
    const line = faultSummary({
      testResults: [file('C:\\repo\\test\\faults\\a.test.ts', ['[fault 11.7 unclear] read-only dir', 'failed'])],
    });
    expect(line).toBe(
      '1 scenarios: 0 survived or diagnosed clearly, 0 crashed, 0 lost, 0 leaked, 1 unclear, 0 let hostile data through',
    );
    expect(faultSummary({ testResults: [] })).toBeUndefined();
  });
});
