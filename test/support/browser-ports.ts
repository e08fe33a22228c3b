import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scheduler } from '../../src/core/exchange-admin/propagation-wait';
import type { HandlerPorts } from '../../src/main/handlers/ports';
import { signInCancelled, type LoginWindowPort } from '../../src/core/oauth/login-ports';
import { createDraftStore, draftsFileBeside } from '../../src/core/profiles/draft-store';
import { createProfileStore } from '../../src/core/profiles/profile-store';
import { createSettingsStore, settingsFileIn } from '../../src/core/settings/settings-store';
import { dirname } from 'node:path';
import type { SecretStore } from '../../src/core/secrets/secret-store';
import { repoRoot } from './renderer-build';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  productName: string;
  version: string;
};

interface PickedFile {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

export interface TestPorts extends HandlerPorts {
  /** Everything the app put on the clipboard, oldest first. */
  readonly copied: readonly string[];
  /** Every page the app asked the OS browser to open. */
  readonly opened: readonly string[];
  /** What the user "chooses" in the next certificate dialog; undefined is Cancel. */
  nextCertificateFile: PickedFile | undefined;
  /** The folder the user "chooses" for exports; undefined is Cancel. */
  nextExportFolder: string | undefined;
  /** The file the user "opens" next (a bundle, a mailbox list); undefined is Cancel. */
  nextOpenFile: PickedFile | undefined;
  /** The path the user "saves" to next; undefined is Cancel. */
  nextSaveFile: string | undefined;
  /** Every open or save dialog shown, with its title (and the suggested name for a save). */
  readonly dialogsShown: readonly string[];
}

export interface TestPortsOptions {
  readonly secrets: SecretStore;
  readonly profilesFile: string;
  /** Usually the Playwright login window on the emulator; without one, the user closes the window. */
  readonly loginWindow?: LoginWindowPort;
  readonly now?: () => number;
  /** The Exchange re-check's waiting; the emulator's clock in tests. */
  readonly exchangeScheduler?: Scheduler;
}

const userClosesWindow: LoginWindowPort = {
  open: async () => {
    throw signInCancelled();
  },
};

/**
 * The ports a browser test gives the real handler map: the real keychain and profile
 * store, recording clipboard and browser, and file dialogs that answer what the test scripts.
 */
export function createBrowserTestPorts(opts: TestPortsOptions): TestPorts {
  const copied: string[] = [];
  const opened: string[] = [];
  const dialogsShown: string[] = [];
  const ports: TestPorts = {
    app: {
      name: pkg.productName,
      version: pkg.version,
      platform: `${process.platform} ${process.arch}`,
      versions: { chromium: 'test', node: process.versions.node },
    },
    secrets: opts.secrets,
    profiles: createProfileStore({
      file: opts.profilesFile,
      secrets: opts.secrets,
      ...(opts.now ? { now: () => new Date(opts.now?.() ?? Date.now()) } : {}),
    }),
    drafts: createDraftStore({
      file: draftsFileBeside(opts.profilesFile),
      secrets: opts.secrets,
      ...(opts.now ? { now: () => new Date(opts.now?.() ?? Date.now()) } : {}),
    }),
    settings: createSettingsStore(settingsFileIn(dirname(opts.profilesFile))),
    loginWindow: opts.loginWindow ?? userClosesWindow,
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.exchangeScheduler ? { exchangeScheduler: opts.exchangeScheduler } : {}),
    copied,
    opened,
    nextCertificateFile: undefined,
    nextExportFolder: undefined,
    nextOpenFile: undefined,
    nextSaveFile: undefined,
    dialogsShown,
    clipboard: { writeText: async (text) => void copied.push(text) },
    openExternal: async (url) => void opened.push(url),
    dialogs: {
      openCertificateFile: async () => ports.nextCertificateFile,
      chooseExportFolder: async () => ports.nextExportFolder,
      openFile: async ({ title }) => {
        dialogsShown.push(title);
        return ports.nextOpenFile;
      },
      chooseSaveFile: async ({ title, defaultName }) => {
        dialogsShown.push(`${title} (${defaultName})`);
        return ports.nextSaveFile;
      },
    },
  };
  return ports;
}
