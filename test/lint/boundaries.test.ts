import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
const fixture = (name: string) => readFileSync(`test/fixtures/lint/${name}`, 'utf8');

async function restrictedImportErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => m.message);
}

describe('lint rules hold the layer boundaries', () => {
  it('fails on an electron import in src/core', async () => {
    const errors = await restrictedImportErrors(fixture('core-imports-electron.ts'), 'src/core/oauth/bad.ts');
    expect(errors.join('\n')).toMatch(/Only the Electron glue/);
  });

  it('allows electron in the Electron glue files only', async () => {
    expect(await restrictedImportErrors(fixture('core-imports-electron.ts'), 'src/main/electron/window.ts')).toEqual(
      [],
    );
    expect(await restrictedImportErrors(fixture('core-imports-electron.ts'), 'src/preload/index.ts')).toEqual([]);
    expect(await restrictedImportErrors(fixture('core-imports-electron.ts'), 'src/main/handlers/x.ts')).not.toEqual([]);
  });

  it('allows keytar only in the keychain module', async () => {
    expect(await restrictedImportErrors(fixture('imports-keytar.ts'), 'src/core/secrets/keytar-backend.ts')).toEqual(
      [],
    );
    expect((await restrictedImportErrors(fixture('imports-keytar.ts'), 'src/core/profiles/store.ts')).join()).toMatch(
      /keytar/,
    );
    expect((await restrictedImportErrors(fixture('imports-keytar.ts'), 'src/main/electron/index.ts')).join()).toMatch(
      /keytar/,
    );
  });

  it('keeps Node built-ins and core out of the renderer', async () => {
    const errors = await restrictedImportErrors(fixture('renderer-imports-node.tsx'), 'src/renderer/app.tsx');
    expect(errors).toHaveLength(2);
    expect(errors.join('\n')).toMatch(/no Node built-ins/);
    expect(errors.join('\n')).toMatch(/only through the IPC contract/);
  });

  it("keeps a target's preset and checklist free of Node and of the rest of core", async () => {
    for (const file of ['src/core/targets/aem/preset.ts', 'src/core/targets/common/preset-parts.ts']) {
      const errors = await restrictedImportErrors(fixture('target-preset-imports.ts'), file);
      expect(errors, file).toHaveLength(4);
      expect(errors.join('\n')).toMatch(/bundled into the renderer/);
    }
    // The same imports are fine in the target's exporter.
    const exporter = await restrictedImportErrors(
      fixture('target-preset-imports.ts'),
      'src/core/targets/aem/exports.ts',
    );
    expect(exporter).toEqual([]);
  });
});
