#!/usr/bin/env node
// Builds the three Electron bundles and the CLI. Main, preload and CLI are bundled by
// esbuild (CommonJS, Node target); the renderer by Vite. Native and Electron modules stay
// external: keytar is rebuilt for Electron by electron-builder at packaging time.
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { rmSync } from 'node:fs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron', 'keytar'],
};

// The CLI is minified: Node parses a 2.6 MB bundle on every start, and a helpdesk script
// runs it once per mailbox list. Names are kept for readable errors.
const bundles = {
  main: { ...common, entryPoints: ['src/main/electron/index.ts'], outfile: 'out/main/index.cjs' },
  // Sandboxed preloads may only require('electron'): everything else is bundled in.
  preload: { ...common, entryPoints: ['src/preload/index.ts'], outfile: 'out/preload/index.cjs' },
  cli: {
    ...common,
    entryPoints: ['src/cli/index.ts'],
    outfile: 'out/cli/index.cjs',
    banner: { js: '#!/usr/bin/env node' },
    minify: true,
    keepNames: true,
  },
};

// `--only cli` rebuilds one bundle (the benchmark uses it) without touching the others.
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
if (only) {
  const bundle = bundles[only];
  if (!bundle) throw new Error(`unknown bundle "${only}"; one of: ${Object.keys(bundles).join(', ')}`);
  await build(bundle);
  console.log(`built ${bundle.outfile}`);
} else {
  rmSync('out', { recursive: true, force: true });
  await Promise.all(Object.values(bundles).map((b) => build(b)));
  await viteBuild({ configFile: 'vite.config.mts', logLevel: 'warn' });
  console.log(
    `built ${Object.values(bundles)
      .map((b) => b.outfile)
      .join(', ')}, out/renderer`,
  );
}
