// Issue 11.8: the system-browser listener meets requests that are not the redirect (a tab's
// favicon or root request, a forged code, a DNS-rebinding page, a connection that never
// finishes). Real Chromium and real sockets; the sign-in must still finish with the real answer.
import http from 'node:http';
import net from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { signInDelegated } from '../../src/core/oauth/delegated';
import { startLoopbackListener } from '../../src/core/oauth/loopback-listener';
import { secretKeys } from '../../src/core/secrets/secret-keys';
import { startEmulator, type Emulator } from '../emulator';
import { AEM_SECRET, USERS } from '../emulator/fixtures/ids';
import { testKeychain } from '../support/keychain';
import { launchTrustingEmulator } from '../support/playwright-login-window';
import { emulatorProfile } from '../core/oauth/emulator-profile';
import { faultScenario } from './fault-scenario';

let emu: Emulator;
let browser: Browser;
const kc = testKeychain('faults-loopback');

beforeAll(async () => {
  emu = await startEmulator();
  browser = await launchTrustingEmulator(emu);
});
afterAll(async () => {
  await browser?.close();
  await emu?.close();
  await kc.wipe();
});

/** A raw request with whatever Host header we like (fetch would put the real one). */
const rawGet = (port: number, path: string, host: string): Promise<number> =>
  new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on('error', reject);
  });

describe('the loopback listener waits for the real redirect', () => {
  faultScenario('11.8', 'hostile', 'a stray GET / and a forged state before the real redirect', async () => {
    const profile = emulatorProfile(emu);
    await kc.store.set(secretKeys.clientSecret(profile.id), AEM_SECRET);
    const seen: { what: string; status: number | undefined }[] = [];
    let finalHeading: Promise<string> | undefined;
    const systemBrowser = {
      openExternal: async (authorizeUrl: string) => {
        const redirect = new URL(new URL(authorizeUrl).searchParams.get('redirect_uri') ?? '');
        const port = Number(redirect.port);
        const page = await browser.newPage();
        // What reaches the port first: the browser's own stray request, a forged code with a
        // made-up state, an error without our state, a request from a rebinding page.
        seen.push({ what: 'GET /', status: (await page.goto(redirect.href))?.status() });
        seen.push({
          what: 'forged state',
          status: (await page.goto(`${redirect.href}?code=forged&state=x`))?.status(),
        });
        seen.push({
          what: 'error, no state',
          status: (await page.goto(`${redirect.href}?error=access_denied`))?.status(),
        });
        seen.push({ what: 'rebinding host', status: await rawGet(port, '/?code=c&state=x', `evil.example:${port}`) });
        finalHeading = (async () => {
          await page.goto(authorizeUrl);
          await page.fill('input[name=username]', USERS.alice.upn);
          await page.fill('input[name=password]', USERS.alice.password);
          await page.getByRole('button', { name: 'Sign in' }).click();
          // The landing page drops its query from history at once, so wait for the page, not the URL.
          await page.waitForURL(/^http:\/\/localhost:\d+\//);
          const h = (await page.locator('h1', { hasText: /Signed in|did not finish/ }).textContent()) ?? '';
          await page.close();
          return h;
        })();
      },
    };
    const outcome = await signInDelegated(profile, {
      secrets: kc.store,
      systemBrowser,
      timeoutMs: 60_000,
      now: () => emu.clock.now(),
    });
    expect(seen).toEqual([
      { what: 'GET /', status: 404 },
      { what: 'forged state', status: 404 },
      { what: 'error, no state', status: 404 },
      { what: 'rebinding host', status: 421 },
    ]);
    expect(outcome).toMatchObject({ account: 'alice@contoso.com', refreshTokenStored: true });
    expect(await finalHeading).toBe('Signed in');
  });

  faultScenario(
    '11.8',
    'hostile',
    'a connection that never finishes its request is dropped, the redirect still lands',
    async () => {
      const l = await startLoopbackListener('/', { slowRequestMs: 300 });
      try {
        const waiting = l.waitForRedirect('st', { timeoutMs: 60_000 });
        // Slowloris: headers begun and never ended.
        const stalled = net.connect(l.port, '127.0.0.1');
        const closed = new Promise<void>((resolve) => stalled.on('close', () => resolve()));
        stalled.on('error', () => undefined);
        stalled.write(`GET /?code=c&state=st HTTP/1.1\r\nHost: localhost:${l.port}\r\nX-Slow: `);
        // The real browser's redirect is answered while that connection hangs...
        const res = await fetch(`http://localhost:${l.port}/?code=c1&state=st`);
        expect(res.status).toBe(200);
        expect(await waiting).toEqual({ url: `http://localhost:${l.port}/?code=c1&state=st` });
        // ...and the listener ends the stalled one itself.
        await closed;
        expect(stalled.destroyed).toBe(true);
      } finally {
        await l.close();
      }
    },
  );
});
