#!/usr/bin/env node
// Builds the three Electron bundles and the CLI. Main, preload and CLI are bundled by
// esbuild (Node target; main and preload CommonJS, the CLI ES modules); the renderer by Vite.
// Native and Electron modules stay external: keytar is rebuilt for Electron by
// electron-builder at packaging time.
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron', 'keytar'],
};

// The CLI is an ES module split per command (esbuild splitting needs ESM): `--help` and each
// command load only their own chunks, not one 1.5 MB bundle, so a helpdesk script that runs it
// per mailbox list starts fast. Minified, names kept for readable errors. CommonJS packages
// bundled into ESM still call require() and __filename, so each file gets both back.
const esmRequire =
  "import { createRequire as __sowCreateRequire } from 'node:module';" +
  "import { fileURLToPath as __sowFileUrlToPath } from 'node:url';" +
  'const require = __sowCreateRequire(import.meta.url);' +
  'const __filename = __sowFileUrlToPath(import.meta.url);';
/** The package `bin` stays out/cli/index.cjs: a launcher that imports the ES module. */
const CLI_LAUNCHER =
  "#!/usr/bin/env node\n// The smtp-oauth-wizard command; the code is index.mjs and its chunks.\nimport('./index.mjs');\n";

const bundles = {
  main: { ...common, entryPoints: ['src/main/electron/index.ts'], outfile: 'out/main/index.cjs' },
  // Sandboxed preloads may only require('electron'): everything else is bundled in.
  preload: { ...common, entryPoints: ['src/preload/index.ts'], outfile: 'out/preload/index.cjs' },
  cli: {
    ...common,
    format: 'esm',
    splitting: true,
    entryPoints: { index: 'src/cli/index.ts' },
    outdir: 'out/cli',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    banner: { js: esmRequire },
    minify: true,
    keepNames: true,
  },
};

async function buildBundle(name) {
  if (name === 'cli') rmSync('out/cli', { recursive: true, force: true });
  await build(bundles[name]);
  if (name === 'cli') {
    mkdirSync('out/cli', { recursive: true });
    writeFileSync('out/cli/index.cjs', CLI_LAUNCHER, { mode: 0o755 });
  }
}

// `--only cli` rebuilds one bundle (the benchmark uses it) without touching the others.
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
if (only) {
  if (!bundles[only]) throw new Error(`unknown bundle "${only}"; one of: ${Object.keys(bundles).join(', ')}`);
  await buildBundle(only);
  console.log(`built ${bundles[only].outfile ?? bundles[only].outdir}`);
} else {
  rmSync('out', { recursive: true, force: true });
  await Promise.all(Object.keys(bundles).map(buildBundle));
  await viteBuild({ configFile: 'vite.config.mts', logLevel: 'warn' });
  console.log(
    `built ${Object.values(bundles)
      .map((b) => b.outfile ?? b.outdir)
      .join(', ')}, out/renderer`,
  );
}
