// Issue 11.19: the embedded sign-in window may go only to https and to our captured
// redirect, and its session grants no permission, asked for or checked. The decisions are
// src/main/login/login-window-policy.ts (what electron/login-window.ts applies); here a real
// Chromium page runs them the way Electron's webRequest hook does.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import {
  denyAllPermissions,
  judgeLoginRequest,
  type PermissionSession,
} from '../../src/main/login/login-window-policy';
import { startEmulator, type Emulator } from '../emulator';
import { AEM_APP, USERS } from '../emulator/fixtures/ids';
import { authorizeUrl } from '../emulator/test-helpers';
import { applyLoginPolicy, launchTrustingEmulator } from '../support/playwright-login-window';
import { faultScenario } from './fault-scenario';

let emu: Emulator;
let browser: Browser;
let plain: http.Server;
let plainUrl: string;
const plainHits: string[] = [];

beforeAll(async () => {
  emu = await startEmulator();
  browser = await launchTrustingEmulator(emu);
  // A plain-http page on this machine: where a hostile link or federation hop would send the user.
  plain = http.createServer((req, res) => {
    plainHits.push(req.url ?? '');
    res.end('<form><input name=password></form>');
  });
  await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', () => resolve()));
  plainUrl = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => plain?.close(() => resolve()));
  await emu?.close();
});

describe('the login window keeps to https and our redirect', () => {
  faultScenario(
    '11.19',
    'hostile',
    'http navigations and requests are refused; the redirect is still captured',
    async () => {
      const registered = new URL('http://localhost');
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        const captured: string[] = [];
        await applyLoginPolicy(page, registered, (url) => captured.push(url));
        await page.goto(
          authorizeUrl(emu, { clientId: AEM_APP, redirectUri: 'http://localhost', scope: 'openid offline_access' }),
        );
        const signInUrl = page.url();
        // The sign-in page sends the user to plain http three ways: an image, a form, a link.
        // A refused navigation ends on the browser's error page, so each try starts on the form.
        const attempts = [
          `new Promise((r) => { const i = new Image(); i.onload = i.onerror = r; i.src = ${JSON.stringify(`${plainUrl}/pixel`)}; })`,
          `(() => { const f = document.createElement('form'); f.method = 'POST'; f.action = ${JSON.stringify(`${plainUrl}/post`)}; document.body.append(f); f.submit(); })()`,
          `location.href = ${JSON.stringify(`${plainUrl}/phish`)}`,
        ];
        for (const attempt of attempts) {
          await page.evaluate(attempt).catch(() => undefined);
          await page.waitForLoadState().catch(() => undefined);
          expect(page.url()).not.toContain(plainUrl);
          await page.goto(signInUrl);
        }
        expect(plainHits).toEqual([]);
        // The real sign-in still works, and its redirect is caught before it reaches the network.
        await page.fill('input[name=username]', USERS.alice.upn);
        await page.fill('input[name=password]', USERS.alice.password);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await expect.poll(() => captured.length).toBe(1);
        expect(new URL(captured[0] as string).searchParams.get('code')).toBeTruthy();
      } finally {
        await context.close();
      }
    },
  );

  faultScenario('11.19', 'hostile', 'only https and the redirect pass the policy, whatever the scheme', () => {
    const registered = new URL('http://localhost');
    const cases: [string, string][] = [
      ['https://login.microsoftonline.com/common/oauth2/v2.0/authorize', 'allow'],
      ['http://localhost/?code=x&state=y', 'capture'],
      ['http://localhost:5000/?code=x', 'capture'],
      ['http://login.microsoftonline.com/', 'deny'],
      ['http://127.0.0.1/phish', 'deny'],
      ['javascript:alert(1)', 'deny'],
      ['file:///etc/passwd', 'deny'],
      ['ms-outlook://open', 'deny'],
      ['data:text/html,<h1>x</h1>', 'deny'],
      ['not a url', 'deny'],
    ];
    for (const [url, verdict] of cases) expect(judgeLoginRequest(url, registered), url).toBe(verdict);
  });

  faultScenario('11.19', 'hostile', 'the login session denies permission requests and permission checks', () => {
    const asked: boolean[] = [];
    let request: Parameters<PermissionSession['setPermissionRequestHandler']>[0] | undefined;
    let check: (() => boolean) | undefined;
    let device: (() => boolean) | undefined;
    denyAllPermissions({
      setPermissionRequestHandler: (h) => (request = h),
      setPermissionCheckHandler: (h) => (check = h),
      setDevicePermissionHandler: (h) => (device = h),
    });
    for (const permission of ['geolocation', 'media', 'notifications', 'clipboard-read', 'openExternal'])
      request?.(undefined, permission, (granted) => asked.push(granted));
    expect(asked).toEqual([false, false, false, false, false]);
    expect(check?.()).toBe(false);
    expect(device?.()).toBe(false);
  });
});
