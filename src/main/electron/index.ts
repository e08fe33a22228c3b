import { app, BrowserWindow, Menu, shell } from 'electron';
import { join } from 'node:path';
import { createHandlers } from '../handlers';
import { createElectronPorts } from './electron-ports';
import { registerIpc } from './ipc-register';
import { buildMenu } from './menu';
import { loadBounds, MIN_SIZE, rememberBounds } from './window-bounds';
import { hardenSession, lockNavigation, secureWebPreferences } from './window-security';

// One instance only: a second launch focuses the first window instead of fighting over
// the same keychain entries and profile file.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | undefined;
  const boundsFile = () => join(app.getPath('userData'), 'window-bounds.json');

  const createWindow = (): void => {
    const bounds = loadBounds(boundsFile());
    // electronegativity: AUXCLICK_JS_CHECK, CONTEXT_ISOLATION_JS_CHECK, SANDBOX_JS_CHECK — set by
    // secureWebPreferences() (contextIsolation and sandbox on, node integration off, Auxclick
    // disabled), which the scanner cannot look into.
    mainWindow = new BrowserWindow({
      ...(bounds ?? { width: 1100, height: 760 }),
      minWidth: MIN_SIZE.width,
      minHeight: MIN_SIZE.height,
      show: false,
      title: app.getName(),
      webPreferences: secureWebPreferences(join(__dirname, '../preload/index.cjs')),
    });
    // electronegativity: OPEN_EXTERNAL_JS_CHECK — lockNavigation hands on https URLs only.
    lockNavigation(mainWindow, (url) => void shell.openExternal(url));
    rememberBounds(mainWindow, boundsFile());
    mainWindow.once('ready-to-show', () => mainWindow?.show());
    mainWindow.on('closed', () => {
      mainWindow = undefined;
    });
    void mainWindow.loadFile(join(__dirname, '../renderer/index.html'));
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // No window, webview or frame may be created outside our control.
  app.on('web-contents-created', (_e, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  void app.whenReady().then(() => {
    hardenSession();
    registerIpc(createHandlers(createElectronPorts()), () => BrowserWindow.getAllWindows());
    Menu.setApplicationMenu(buildMenu(() => mainWindow));
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
