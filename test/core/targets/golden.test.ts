import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportsFor, targetExports } from '../../../src/core/targets';
import type { ExportOutput } from '../../../src/shared/export-output';
import { targetIds, type TargetId } from '../../../src/shared/profile';
import { fixtureCertificate, fixtureProfile, fixtureRegistration, fixtureTokens } from './fixture-profile';

/**
 * Every output, byte for byte, against files reviewed by eye. UPDATE_GOLDEN=1 rewrites
 * them (then read the diff before committing).
 */
const goldenRoot = join(__dirname, 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

/** Each target's own module; the two full sets show the shared outputs for both flows. */
const sets: readonly { dir: string; outputs: () => ExportOutput[] }[] = [
  ...targetIds
    .filter((t) => t !== 'generic' && t !== 'app-only')
    .map((t: TargetId) => ({
      dir: t,
      outputs: () => targetExports(t, fixtureProfile(t), fixtureTokens, { includeSecrets: false }),
    })),
  { dir: 'generic', outputs: () => exportsFor(fixtureProfile('generic'), fixtureTokens, { includeSecrets: false }) },
  { dir: 'app-only', outputs: () => exportsFor(fixtureProfile('app-only'), fixtureTokens, { includeSecrets: false }) },
  {
    dir: 'app-only-certificate',
    outputs: () =>
      exportsFor(fixtureProfile('app-only', { credential: fixtureCertificate }), {}, { includeSecrets: false }),
  },
  {
    // Made by "Create it for me": the object ids and the initial domain fill every script (issue 13.5).
    dir: 'app-only-created',
    outputs: () =>
      exportsFor(
        fixtureProfile('app-only', { credential: fixtureCertificate, registration: fixtureRegistration }),
        {},
        { includeSecrets: false },
      ),
  },
];

describe.each(sets)('golden outputs: $dir', ({ dir, outputs }) => {
  const all = outputs();
  const folder = join(goldenRoot, dir);

  if (update) {
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    for (const o of all) writeFileSync(join(folder, o.name), o.content);
  }

  it('has exactly the reviewed set of outputs', () => {
    expect(all.map((o) => o.name).sort()).toEqual(readdirSync(folder).sort());
  });

  it.each(all.map((o) => [o.name, o] as const))('%s matches its golden file', (name, o) => {
    expect(o.content).toBe(readFileSync(join(folder, name), 'utf8'));
  });

  it('has JSON outputs that parse', () => {
    for (const o of all.filter((x) => x.language === 'json'))
      expect(() => JSON.parse(o.content) as unknown, o.name).not.toThrow();
  });

  it('gives every output a unique name, a title and a description', () => {
    expect(new Set(all.map((o) => o.name)).size).toBe(all.length);
    for (const o of all) {
      expect(o.title.length).toBeGreaterThan(3);
      expect(o.description.length).toBeGreaterThan(10);
    }
  });
});
