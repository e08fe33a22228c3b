/**
 * Benchmark: how fast the start screen and `profiles list` get a consultant's many profiles.
 * Lists 1,000 and 10,000 profiles from a cold store (read of the file, its checked stamp, or a
 * schema check of every entry when it has none) and from a warm one (only a stat of the file). Prints medians and, last, one JSON line for
 * `npm run bench`. Run: npm run bench:profiles
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { emptyDoc, serialiseProfileFile } from '../../../src/core/profiles/profile-file';
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

/** `stamped`: written as the app writes it; otherwise as a hand edit or older rules leave it (every entry validated). */
async function measure(dir: string, count: number, stamped: boolean): Promise<{ cold: number; warm: number }> {
  const file = path.join(dir, `profiles-${count}-${stamped ? 'app' : 'edited'}.json`);
  const profiles = Array.from({ length: count }, (_, i) => profile(i));
  await fs.writeFile(
    file,
    stamped ? serialiseProfileFile(emptyDoc(), profiles) : JSON.stringify({ version: 1, profiles }),
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
      const { cold, warm } = await measure(dir, count, true);
      const edited = await measure(dir, count, false);
      colds.push(cold);
      const text = `cold ${cold.toFixed(1)} ms, warm ${warm.toFixed(2)} ms; a file not stamped by the app (hand edit, older rules): cold ${edited.cold.toFixed(1)} ms`;
      console.log(`${count.toLocaleString('en-US').padStart(6)} profiles: ${text}`);
      result[`${count.toLocaleString('en-US')} profiles`] = text;
    }
    // The baseline is the 1,000-profile list of the same run: linear growth is a ratio near 10.
    console.log(`ratio cold list 10,000 / 1,000 profiles: ${((colds[1] ?? NaN) / (colds[0] ?? NaN)).toFixed(2)}`);
    console.log(JSON.stringify(result));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

void main();
