import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// electron-builder cannot package here (it downloads Electron), so its config is checked
// for the promises the README makes instead.
const yml = readFileSync('electron-builder.yml', 'utf8');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
};

describe('packaging config', () => {
  it('installs per user on Windows without admin rights', () => {
    expect(yml).toMatch(/target: nsis/);
    expect(yml).toMatch(/perMachine: false/);
    expect(yml).toMatch(/allowElevation: false/);
  });

  it('builds a hardened dmg with the keychain entitlements on macOS', () => {
    expect(yml).toMatch(/target: dmg/);
    expect(yml).toMatch(/hardenedRuntime: true/);
    const plist = readFileSync('build/entitlements.mac.plist', 'utf8');
    expect(plist).toMatch(/keychain-access-groups/);
    expect(plist).toMatch(/disable-library-validation/);
  });

  it('builds an AppImage on Linux', () => {
    expect(yml).toMatch(/target: AppImage/);
  });

  it('rebuilds keytar for Electron at packaging time, not at install time', () => {
    expect(yml).toMatch(/npmRebuild: true/);
    expect(yml).toMatch(/node_modules\/keytar/);
    expect(Object.values(pkg.scripts).join(' ')).not.toMatch(/electron-rebuild|install-app-deps/);
    expect(pkg.scripts.postinstall).toBeUndefined();
    expect(pkg.dependencies.keytar).toBeDefined();
  });
});
