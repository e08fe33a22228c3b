import { app, dialog, Menu, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

const ENTRA_ADMIN_CENTER = 'https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationsListBlade';

export function showAbout(win: BrowserWindow | undefined): void {
  const v = process.versions;
  const detail = [
    `Version ${app.getVersion()}`,
    `Electron ${v.electron ?? '?'}`,
    `Chromium ${v.chrome ?? '?'}`,
    `Node.js ${v.node}`,
    `${process.platform} ${process.arch}`,
  ].join('\n');
  const options = {
    type: 'info' as const,
    title: `About ${app.getName()}`,
    message: app.getName(),
    detail,
    buttons: ['OK'],
  };
  void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
}

/** A plain application menu: the standard edit/view roles plus About and the Entra admin center. */
export function buildMenu(getWindow: () => BrowserWindow | undefined): Menu {
  const isMac = process.platform === 'darwin';
  const about: MenuItemConstructorOptions = { label: `About ${app.getName()}`, click: () => showAbout(getWindow()) };
  const template: MenuItemConstructorOptions[] = [
    ...(isMac
      ? [
          {
            label: app.getName(),
            submenu: [about, { type: 'separator' as const }, { role: 'hide' as const }, { role: 'quit' as const }],
          },
        ]
      : []),
    { label: 'File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      role: 'help',
      submenu: [
        // electronegativity: OPEN_EXTERNAL_JS_CHECK — a fixed https address of Microsoft's.
        { label: 'Open the Entra admin center', click: () => void shell.openExternal(ENTRA_ADMIN_CENTER) },
        ...(isMac ? [] : [{ type: 'separator' as const }, about]),
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
