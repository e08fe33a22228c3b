// Renderer benchmark: the first screen's JavaScript (gzipped) and the time from navigation to
// its first action being interactive, in headless Debian Chromium over the real handler map,
// each as a ratio to a minimal Vite + React page (one button) built and loaded in the same run,
// turn about with the app so machine load hits both alike. The keychain is the real one when
// this session has it (app:info asks it), else an in-memory store.
// Run: npm run bench:renderer   (BENCH_RENDERER_BEFORE=<built renderer dir> adds a before/after column)
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { createHandlers } from '../../src/main/handlers';
import { createKeytarSecretStore } from '../../src/core/secrets/keytar-secret-store';
import { MemorySecretStore } from '../../src/core/secrets/memory-secret-store';
import type { SecretStore } from '../../src/core/secrets/secret-store';
import { createBrowserTestPorts } from '../support/browser-ports';
import { repoRoot, rendererOut } from '../support/renderer-build';
import { startRendererHarness, type RendererHarness } from '../support/renderer-harness';
import { serveDirectory } from '../support/static-server';

const execFileAsync = promisify(execFile);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** JavaScript the first screen loads: index.html's entry and what it imports up front (not lazy chunks). */
function firstScreenJsGzip(dir: string): number {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const entry = /<script[^>]+src="\.\/([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error(`no entry script in ${dir}/index.html`);
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(dir, file), 'utf8');
    // Static imports of sibling chunks (`import … from "./x.js"`); `import("./x.js")` is lazy.
    for (const m of code.matchAll(/(?:^|[;}\s])import\s*[^(]*?from\s*"\.\/([^"]+\.js)"/g))
      visit(join(file, '..', m[1] ?? ''));
  };
  visit(entry);
  return [...seen].reduce((n, f) => n + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0);
}

/** The baseline: Vite + React and one button, built like the app (production, relative base). */
async function buildBaseline(root: string): Promise<string> {
  mkdirSync(root, { recursive: true });
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>baseline</title></head><body><div id="root"></div><script type="module" src="./main.jsx"></script></body></html>',
  );
  writeFileSync(
    join(root, 'main.jsx'),
    "import { createRoot } from 'react-dom/client';\ncreateRoot(document.getElementById('root')).render(<button>New set-up</button>);\n",
  );
  writeFileSync(
    join(root, 'vite.config.mjs'),
    "import react from '@vitejs/plugin-react';\nexport default { base: './', plugins: [react()], build: { outDir: 'out', emptyOutDir: true } };\n",
  );
  // In its own process with NODE_ENV=production, as the app's renderer is built (renderer-build.ts).
  await execFileAsync(
    process.execPath,
    [join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  return join(root, 'out');
}

async function secretsForBench(): Promise<{ store: SecretStore; label: string }> {
  const keychain = createKeytarSecretStore(`smtp-oauth-wizard-bench-renderer-${process.pid}`);
  const status = await keychain.status().catch(() => ({ available: false as const }));
  return status.available
    ? { store: keychain, label: 'the OS keychain' }
    : { store: new MemorySecretStore(), label: 'an in-memory store (no keychain in this session)' };
}

async function interactiveMs(page: Page): Promise<number> {
  // "Interactive": the first screen's first action is rendered, enabled and focusable.
  await page.getByRole('button', { name: 'New set-up' }).waitFor({ state: 'visible' });
  return (await page.evaluate('performance.now()')) as number;
}

async function main(): Promise<void> {
  // Inside node_modules so the baseline page resolves react like the app does.
  mkdirSync(join(repoRoot, 'node_modules', '.cache'), { recursive: true });
  const scratch = mkdtempSync(join(repoRoot, 'node_modules', '.cache', 'sow-bench-renderer-'));
  const harnesses: RendererHarness[] = [];
  try {
    const baselineDir = await buildBaseline(join(scratch, 'baseline'));
    const baseline = await serveDirectory(baselineDir);
    const app = await startRendererHarness();
    harnesses.push(app);
    const beforeDir = process.env.BENCH_RENDERER_BEFORE;
    const before = beforeDir ? await startRendererHarness({ dir: beforeDir }) : undefined;
    if (before) harnesses.push(before);
    const { store, label } = await secretsForBench();
    const handlers = createHandlers(
      createBrowserTestPorts({ secrets: store, profilesFile: join(scratch, 'profiles.json') }),
    );

    const times: Record<'app' | 'baseline' | 'before', number[]> = { app: [], baseline: [], before: [] };
    for (let i = 0; i < RUNS + 1; i += 1) {
      const appPage = await app.open(handlers);
      const a = await interactiveMs(appPage.page);
      await appPage.close();
      const context = await app.browser.newContext({ viewport: { width: 900, height: 640 } });
      const page = await context.newPage();
      await page.goto(baseline.url);
      const b = await interactiveMs(page);
      await context.close();
      let c = NaN;
      if (before) {
        const beforePage = await before.open(handlers);
        c = await interactiveMs(beforePage.page);
        await beforePage.close();
      }
      if (i === 0) continue; // the first turn warms the OS file cache and Chromium's
      times.app.push(a);
      times.baseline.push(b);
      times.before.push(c);
    }
    await baseline.close();

    const size = { app: firstScreenJsGzip(rendererOut), baseline: firstScreenJsGzip(baselineDir) };
    const tti = { app: median(times.app), baseline: median(times.baseline), before: median(times.before) };
    const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
    console.log(`renderer benchmark: ${RUNS} interleaved turns, headless Chromium 900x640, app:info on ${label}`);
    console.log(`  first screen's JavaScript, gzipped: ${kib(size.app)}; a Vite + React page: ${kib(size.baseline)}`);
    console.log(
      `  navigation -> interactive, median: ${tti.app.toFixed(0)} ms; the Vite + React page: ${tti.baseline.toFixed(0)} ms`,
    );
    if (beforeDir) {
      const sizeBefore = firstScreenJsGzip(beforeDir);
      console.log(
        `  before (${beforeDir}): ${kib(sizeBefore)} gzipped, interactive ${tti.before.toFixed(0)} ms: after/before ${(size.app / sizeBefore).toFixed(2)}× size, ${(tti.app / tti.before).toFixed(2)}× time`,
      );
    }
    console.log(`  load average (1 min) at the end: ${loadavg()[0]?.toFixed(1)}`);
    console.log(`ratio first-screen JS vs a Vite + React page: ${(size.app / size.baseline).toFixed(2)}`);
    console.log(
      JSON.stringify({
        sizeRatio: Number((size.app / size.baseline).toFixed(2)),
        interactiveRatio: Number((tti.app / tti.baseline).toFixed(2)),
        appGzipKiB: Number((size.app / 1024).toFixed(1)),
        baselineGzipKiB: Number((size.baseline / 1024).toFixed(1)),
        appInteractiveMs: Math.round(tti.app),
        baselineInteractiveMs: Math.round(tti.baseline),
      }),
    );
  } finally {
    await Promise.allSettled(harnesses.map((h) => h.close()));
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
