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

/** A command still running: its stderr can be waited on (a sign-in address, a device code). */
export interface RunningCli {
  /** Resolves with the first stderr match (the whole stderr so far is searched, then each new chunk). */
  waitForStderr(pattern: RegExp): Promise<RegExpMatchArray>;
  readonly done: Promise<CliRun>;
}

export interface CliSandbox {
  readonly dataDir: string;
  readonly service: string;
  readonly secrets: SecretStore;
  readonly store: ProfileStore;
  run(args: readonly string[], env?: Readonly<Record<string, string>>): Promise<CliRun>;
  /** Starts a command that the test interacts with while it runs. */
  start(args: readonly string[], env?: Readonly<Record<string, string>>): RunningCli;
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
  function start(args: readonly string[], env: Readonly<Record<string, string>> = {}): RunningCli {
    const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, ...args], {
      env: { ...process.env, SMTP_OAUTH_WIZARD_HOME: dataDir, SMTP_OAUTH_WIZARD_KEYCHAIN_SERVICE: service, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const waiters: { pattern: RegExp; resolve: (m: RegExpMatchArray) => void }[] = [];
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      for (const w of [...waiters]) {
        const m = stderr.match(w.pattern);
        if (m) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(m);
        }
      }
    });
    const done = new Promise<CliRun>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    return {
      done,
      waitForStderr: (pattern) =>
        new Promise((resolve, reject) => {
          const m = stderr.match(pattern);
          if (m) return resolve(m);
          waiters.push({ pattern, resolve });
          void done.then((r) =>
            reject(new Error(`the command ended (${String(r.code)}) before ${String(pattern)}:\n${r.stderr}`)),
          );
        }),
    };
  }
  return {
    dataDir,
    service,
    secrets,
    store: profiles,
    // Asynchronous on purpose: the emulator serves from this very process meanwhile.
    run: (args, env = {}) => start(args, env).done,
    start,
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
