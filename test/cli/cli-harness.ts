// Runs the real command as a child process (`node --import tsx src/cli/index.ts`) against a
// temporary data folder and a throwaway keychain service, as a helpdesk script would.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDataStores } from '../../src/core/profiles/data-stores';
import type { ProfileStore } from '../../src/core/profiles/profile-store';
import type { SecretStore } from '../../src/core/secrets/secret-store';
import { keychainInspector } from '../support/keychain';

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliSandbox {
  readonly dataDir: string;
  readonly service: string;
  readonly secrets: SecretStore;
  readonly store: ProfileStore;
  run(args: readonly string[], env?: Readonly<Record<string, string>>): Promise<CliRun>;
  /** Writes a mailbox list (or any input file) into the data folder; returns its path. */
  writeList(name: string, text: string): Promise<string>;
  dispose(): Promise<void>;
}

const ENTRY = join(__dirname, '..', '..', 'src', 'cli', 'index.ts');

export async function cliSandbox(label: string): Promise<CliSandbox> {
  const dataDir = await mkdtemp(join(tmpdir(), `sow-cli-${label}-`));
  const service = `smtp-oauth-wizard-test-cli-${label}-${randomBytes(4).toString('hex')}`;
  // The same stores, lock included, that the command opens.
  const { secrets, profiles } = openDataStores({ dataDir, service });
  return {
    dataDir,
    service,
    secrets,
    store: profiles,
    // Asynchronous on purpose: the emulator serves from this very process meanwhile.
    run: (args, env = {}) =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, ...args], {
          env: { ...process.env, SMTP_OAUTH_WIZARD_HOME: dataDir, SMTP_OAUTH_WIZARD_KEYCHAIN_SERVICE: service, ...env },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
        child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      }),
    async writeList(name, text) {
      const file = join(dataDir, name);
      await writeFile(file, text);
      return file;
    },
    async dispose() {
      await keychainInspector(service).wipe();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** stderr without the keyring daemon's harmless noise. */
export const errorLines = (stderr: string): string[] =>
  stderr
    .split('\n')
    .filter(
      (l) =>
        l.trim() &&
        !/fd limit|SystemPrompter|gcr-prompter|cannot open display|ExperimentalWarning|--trace-warnings/.test(l),
    );
