import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HandlerPorts } from '../../src/main/handlers/ports';
import type { SecretStore } from '../../src/core/secrets/secret-store';
import { repoRoot } from './renderer-build';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { productName: string; version: string };

export interface TestPorts extends HandlerPorts {
  /** Everything the app put on the clipboard, oldest first. */
  readonly copied: readonly string[];
}

/** The ports a browser test gives the real handler map: real stores, a recording clipboard. */
export function createBrowserTestPorts(secrets: SecretStore): TestPorts {
  const copied: string[] = [];
  return {
    app: {
      name: pkg.productName,
      version: pkg.version,
      platform: `${process.platform} ${process.arch}`,
      versions: { chromium: 'test', node: process.versions.node },
    },
    secrets,
    copied,
    clipboard: { writeText: async (text) => void copied.push(text) },
  };
}
