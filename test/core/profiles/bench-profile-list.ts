/**
 * Benchmark: how fast the start screen and `profiles list` get a consultant's many profiles.
 * Lists 1,000 and 10,000 profiles from a cold store (read + schema check of the file) and
 * from a warm one (only a stat of the file). Prints medians and, last, one JSON line for
 * `npm run bench`. Run: npm run bench:profiles
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createProfileStore } from '../../../src/core/profiles/profile-store';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store';
import type { Profile } from '../../../src/shared/profile';
import { median } from '../../../scripts/bench-process';
import { makeProfile } from '../smtp/fixtures';

const runs = 15;

const profile = (i: number): Profile =>
  makeProfile({
    id: `id-${i}`,
    name: `Client ${i}`,
    tenant: `client${i}.onmicrosoft.com`,
    mailbox: `noreply@client${i}.com`,
    fromAddress: `noreply@client${i}.com`,
  });

async function measure(dir: string, count: number): Promise<{ cold: number; warm: number }> {
  const file = path.join(dir, `profiles-${count}.json`);
  await fs.writeFile(
    file,
    JSON.stringify({ version: 1, profiles: Array.from({ length: count }, (_, i) => profile(i)) }),
  );
  const secrets = new MemorySecretStore();
  const cold: number[] = [];
  const warm: number[] = [];
  for (let r = 0; r < runs; r += 1) {
    const store = createProfileStore({ file, secrets });
    let t0 = performance.now();
    const listed = await store.list();
    cold.push(performance.now() - t0);
    if (listed.length !== count) throw new Error(`listed ${listed.length} of ${count} profiles`);
    t0 = performance.now();
    await store.list();
    warm.push(performance.now() - t0);
  }
  return { cold: median(cold), warm: median(warm) };
}

async function main(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sow-bench-profiles-'));
  try {
    const result: Record<string, string> = {};
    const colds: number[] = [];
    console.log(`Profile store list(), median of ${runs}`);
    for (const count of [1_000, 10_000]) {
      const { cold, warm } = await measure(dir, count);
      colds.push(cold);
      console.log(
        `${count.toLocaleString('en-US').padStart(6)} profiles: cold ${cold.toFixed(1)} ms, warm ${warm.toFixed(2)} ms`,
      );
      result[`${count.toLocaleString('en-US')} profiles`] = `cold ${cold.toFixed(1)} ms, warm ${warm.toFixed(2)} ms`;
    }
    // The baseline is the 1,000-profile list of the same run: linear growth is a ratio near 10.
    console.log(`ratio cold list 10,000 / 1,000 profiles: ${((colds[1] ?? NaN) / (colds[0] ?? NaN)).toFixed(2)}`);
    console.log(JSON.stringify(result));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

void main();
