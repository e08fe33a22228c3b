#!/usr/bin/env node
// Builds the three Electron bundles and the CLI. Main, preload and CLI are bundled by
// esbuild (CommonJS, Node target); the renderer by Vite. Native and Electron modules stay
// external: keytar is rebuilt for Electron by electron-builder at packaging time.
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { rmSync } from 'node:fs';

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

await Promise.all([
  build({ ...common, entryPoints: ['src/main/electron/index.ts'], outfile: 'out/main/index.cjs' }),
  // Sandboxed preloads may only require('electron'): everything else is bundled in.
  build({ ...common, entryPoints: ['src/preload/index.ts'], outfile: 'out/preload/index.cjs' }),
  build({ ...common, entryPoints: ['src/cli/index.ts'], outfile: 'out/cli/index.cjs', banner: { js: '#!/usr/bin/env node' } }),
]);
await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
console.log('built out/main, out/preload, out/cli, out/renderer');
