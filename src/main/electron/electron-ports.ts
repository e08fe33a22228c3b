import { app, BrowserWindow, clipboard, dialog, shell } from 'electron';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { openDataStores } from '../../core/profiles/data-stores';
import { defaultDataDir } from '../../core/profiles/default-location';
import type { HandlerPorts } from '../handlers/ports';
import { createElectronLoginWindow } from './login-window';

/** The real ports: OS keychain, clipboard, browser and dialogs, Electron's app facts. */
export function createElectronPorts(): HandlerPorts {
  const parent = (): BrowserWindow | undefined => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  // Same folder as app.getPath('userData'), worked out in core so the CLI shares it (and honours SMTP_OAUTH_WIZARD_HOME).
  const { secrets, profiles } = openDataStores({ dataDir: defaultDataDir() });
  return {
    app: {
      name: app.getName(),
      version: app.getVersion(),
      platform: `${process.platform} ${process.arch}`,
      versions: {
        electron: process.versions.electron ?? '',
        chrome: process.versions.chrome ?? '',
        node: process.versions.node,
      },
    },
    secrets,
    profiles,
    clipboard: { writeText: async (text) => clipboard.writeText(text) },
    // electronegativity: OPEN_EXTERNAL_JS_CHECK — every caller's URL is checked here once more:
    // only https reaches the OS (no file:, smb: or custom schemes that start programs).
    openExternal: (url) =>
      /^https:\/\//i.test(url)
        ? shell.openExternal(url)
        : Promise.reject(new Error('Only https links are opened outside the app.')),
    loginWindow: createElectronLoginWindow(parent),
    dialogs: {
      openCertificateFile: async () => {
        const options: Electron.OpenDialogOptions = {
          title: 'Choose the certificate with its private key',
          properties: ['openFile'],
          filters: [
            { name: 'Certificate with private key', extensions: ['pem', 'pfx', 'p12', 'key', 'crt'] },
            { name: 'All files', extensions: ['*'] },
          ],
        };
        const win = parent();
        const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
        const path = result.filePaths[0];
        if (result.canceled || !path) return undefined;
        return { fileName: basename(path), bytes: await readFile(path) };
      },
      chooseExportFolder: async () => {
        const options: Electron.OpenDialogOptions = {
          title: 'Choose a folder for the exported files',
          properties: ['openDirectory', 'createDirectory'],
        };
        const win = parent();
        const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
        return result.canceled ? undefined : result.filePaths[0];
      },
    },
  };
}
