// Renderer benchmark: time from navigation to the first screen being interactive in
// headless Debian Chromium (real handler map, real profile store), and the renderer's
// JavaScript size gzipped. Run: npm run bench:renderer
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHandlers } from '../../src/main/handlers';
import { MemorySecretStore } from '../../src/core/secrets/memory-secret-store';
import { createBrowserTestPorts } from '../support/browser-ports';
import { ensureRendererBuilt, rendererOut } from '../support/renderer-build';
import { startRendererHarness } from '../support/renderer-harness';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

async function main(): Promise<void> {
  await ensureRendererBuilt();
  const assets = join(rendererOut, 'assets');
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const raw = js.reduce((n, f) => n + readFileSync(join(assets, f)).length, 0);
  const gz = js.reduce((n, f) => n + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length, 0);

  const dir = mkdtempSync(join(tmpdir(), 'sow-bench-'));
  const harness = await startRendererHarness();
  const interactive: number[] = [];
  const fcp: number[] = [];
  try {
    const ports = createBrowserTestPorts({
      secrets: new MemorySecretStore(),
      profilesFile: join(dir, 'profiles.json'),
    });
    for (let i = 0; i < RUNS + 1; i++) {
      const view = await harness.open(createHandlers(ports));
      // "Interactive": the start screen's first action is rendered, enabled and focusable,
      // which needs the bundle, React's first render and two IPC round trips (app:info, profiles:list).
      await view.page.getByRole('button', { name: 'New set-up' }).waitFor({ state: 'visible' });
      const t = (await view.page.evaluate('performance.now()')) as number;
      const paint = (await view.page.evaluate(
        "(performance.getEntriesByName('first-contentful-paint')[0] || { startTime: NaN }).startTime",
      )) as number;
      await view.close();
      if (i === 0) continue; // the first run warms the OS file cache and Chromium's
      interactive.push(t);
      fcp.push(paint);
    }
  } finally {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  }
  interactive.sort((a, b) => a - b);
  fcp.sort((a, b) => a - b);
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  console.log(`renderer benchmark (${RUNS} runs, headless Chromium, 900x640)`);
  console.log(
    `  navigation -> first screen interactive: median ${ms(percentile(interactive, 0.5))}, p95 ${ms(percentile(interactive, 0.95))}, min ${ms(interactive[0] ?? NaN)}`,
  );
  console.log(`  navigation -> first contentful paint:   median ${ms(percentile(fcp, 0.5))}`);
  console.log(
    `  renderer JavaScript: ${js.length} file(s), ${(raw / 1024).toFixed(1)} KiB raw, ${(gz / 1024).toFixed(1)} KiB gzipped`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
