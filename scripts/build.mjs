#!/usr/bin/env node
// Builds the three Electron bundles and the CLI. Main, preload and CLI are bundled by
// esbuild (CommonJS, Node target); the renderer by Vite. Native and Electron modules stay
// external: keytar is rebuilt for Electron by electron-builder at packaging time.
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { existsSync, rmSync } from 'node:fs';

rmSync('out', { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron', 'keytar'],
};

const bundles = [
  { ...common, entryPoints: ['src/main/electron/index.ts'], outfile: 'out/main/index.cjs' },
  // Sandboxed preloads may only require('electron'): everything else is bundled in.
  { ...common, entryPoints: ['src/preload/index.ts'], outfile: 'out/preload/index.cjs' },
  { ...common, entryPoints: ['src/cli/index.ts'], outfile: 'out/cli/index.cjs', banner: { js: '#!/usr/bin/env node' } },
];
// Parts are built side by side: an entry whose source does not exist yet is skipped
// (and named) rather than failing the whole build for everyone else.
const present = bundles.filter((b) => {
  const there = existsSync(b.entryPoints[0]);
  if (!there) console.warn(`skipped ${b.outfile}: ${b.entryPoints[0]} does not exist yet`);
  return there;
});
await Promise.all(present.map((b) => build(b)));
await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
console.log(`built ${present.map((b) => b.outfile).join(', ')}, out/renderer`);
