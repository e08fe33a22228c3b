import { session, type BrowserWindow, type Session, type WebPreferences } from 'electron';

/** The only content the app's own windows may load: the bundled renderer, nothing remote. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'", // Fluent UI (Griffel) injects style elements at run time
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

export function secureWebPreferences(preload: string | undefined): WebPreferences {
  return {
    ...(preload ? { preload } : {}),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    spellcheck: false,
    // A middle click would open a link in a new window; the windows open none anyway.
    disableBlinkFeatures: 'Auxclick',
  };
}

/** Session-wide: a strict CSP header on every response and every permission request denied. */
export function hardenSession(s: Session = session.defaultSession): void {
  s.webRequest.onHeadersReceived((details, callback) => {
    // electronegativity: CSP_GLOBAL_CHECK — built from the list above, which the scanner cannot
    // read; it is the policy of renderer/index.html's meta tag, which the scanner does check.
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  s.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  s.setPermissionCheckHandler(() => false);
}

/** The app's windows never navigate away and never open other windows; links go to the OS browser. */
export function lockNavigation(win: BrowserWindow, openExternal: (url: string) => void): void {
  // The renderer is a single page: any navigation at all is refused.
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.on('will-redirect', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https:\/\//i.test(url)) openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
}
