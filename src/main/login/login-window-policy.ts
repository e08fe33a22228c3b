import { sameRedirectTarget } from '../../core/oauth/redirect-match';

/**
 * What the embedded Microsoft sign-in window may do, as plain decisions the Electron glue
 * (`electron/login-window.ts`) applies and tests run. Microsoft's sign-in is https from start
 * to end; the one http URL it ever goes to is our own redirect (`http://localhost…`), which is
 * caught before it reaches the network. Anything else that is not https (an http page a
 * federation server or an injected link points to, `file:`, `javascript:`, a custom scheme
 * that would start another program) would show the user's password form or code over a
 * channel we cannot vouch for, so it is refused.
 */
export type LoginRequestVerdict = 'capture' | 'allow' | 'deny';

export function judgeLoginRequest(url: string, registeredRedirect: URL): LoginRequestVerdict {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return 'deny';
  }
  if (sameRedirectTarget(target, registeredRedirect)) return 'capture';
  return target.protocol === 'https:' ? 'allow' : 'deny';
}

/**
 * The permission side of a session (Electron's `Session` fits it). The sign-in page needs
 * no camera, location, notifications, clipboard or devices: every request is refused, and
 * so is every check, which is how pages ask "may I?" without a prompt (and how a page could
 * otherwise learn what the user allowed elsewhere).
 */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
}

export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
