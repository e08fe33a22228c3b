import { BrowserWindow, session } from 'electron';
import { randomUUID } from 'node:crypto';
import {
  errorPageText,
  LoginPageError,
  signInCancelled,
  signInTimedOut,
  type LoginWindowPort,
} from '../../core/oauth/login-ports';
import { denyAllPermissions, judgeLoginRequest } from '../login/login-window-policy';
import { secureWebPreferences } from './window-security';

/**
 * The embedded Microsoft sign-in window: a fresh in-memory session per attempt (no
 * cookies shared with anything), no preload, sandboxed, no permissions. The request to the
 * redirect URI is caught before it reaches the network, so any registered redirect URI works
 * and no local server is needed; anything else that is not https is refused
 * (`login-window-policy.ts` decides, this file only applies it). The title shows which host
 * the user is on.
 */
export function createElectronLoginWindow(parent: () => BrowserWindow | undefined): LoginWindowPort {
  return {
    open: (req) =>
      new Promise<string>((resolve, reject) => {
        // Cancel may come before the window opens (while the authorize URL is made): an
        // aborted signal fires no 'abort' event later, so it would wait for the timeout.
        if (req.signal?.aborted) return reject(signInCancelled());
        const registered = new URL(req.redirectUri);
        const ses = session.fromPartition(`login-${randomUUID()}`, { cache: false });
        denyAllPermissions(ses);
        const owner = parent();
        // electronegativity: AUXCLICK_JS_CHECK, CONTEXT_ISOLATION_JS_CHECK, SANDBOX_JS_CHECK — set by
        // secureWebPreferences() (contextIsolation and sandbox on, no preload, Auxclick disabled).
        const win = new BrowserWindow({
          width: 520,
          height: 680,
          ...(owner ? { parent: owner, modal: false } : {}),
          title: 'Sign in',
          autoHideMenuBar: true,
          webPreferences: { ...secureWebPreferences(undefined), session: ses },
        });
        let settled = false;
        const finish = (outcome: () => void): void => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          req.signal?.removeEventListener('abort', onAbort);
          outcome();
          if (!win.isDestroyed()) win.destroy();
          void ses.clearStorageData();
        };
        const timer = setTimeout(
          () => finish(() => reject(signInTimedOut(Math.round(req.timeoutMs / 60_000)))),
          req.timeoutMs,
        );
        const onAbort = (): void => finish(() => reject(signInCancelled()));
        req.signal?.addEventListener('abort', onAbort, { once: true });

        // Every request of the session, navigations and subresources alike.
        ses.webRequest.onBeforeRequest((details, callback) => {
          const verdict = judgeLoginRequest(details.url, registered);
          callback({ cancel: verdict !== 'allow' });
          if (verdict === 'capture') finish(() => resolve(details.url));
        });
        // Navigations to schemes that never reach webRequest (javascript:, file:, custom protocols).
        const guard = (event: { url: string; preventDefault(): void }): void => {
          if (judgeLoginRequest(event.url, registered) === 'deny') event.preventDefault();
        };
        win.webContents.on('will-frame-navigate', guard);
        win.webContents.on('will-redirect', guard);
        win.webContents.on('will-attach-webview', (event) => event.preventDefault());
        win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
        const showHost = (url: string): void => {
          try {
            if (!win.isDestroyed()) win.setTitle(`Sign in – ${new URL(url).host}`);
          } catch {
            // not a URL with a host (about:blank): keep the title
          }
        };
        win.webContents.on('did-navigate', (_e, url) => showHost(url));
        win.webContents.on('did-finish-load', () => {
          // Entra shows AADSTS errors (bad redirect URI, unknown app) on its own page instead of redirecting.
          void win.webContents
            .executeJavaScript('document.body ? document.body.innerText : ""', false)
            .then((text: unknown) => {
              const found = typeof text === 'string' ? errorPageText(text) : undefined;
              if (found) finish(() => reject(new LoginPageError(found)));
            })
            .catch(() => undefined);
        });
        win.on('closed', () => finish(() => reject(signInCancelled())));
        void win.loadURL(req.url).catch(() => undefined);
      }),
  };
}
