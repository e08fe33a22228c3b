import { describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { signInDelegated } from '../../../src/core/oauth/delegated';
import { startLoopbackListener } from '../../../src/core/oauth/loopback-listener';
import { secretKeys } from '../../../src/core/secrets/secret-keys';
import { AEM_SECRET, USERS } from '../../emulator/fixtures/ids';
import { useEmulatorWorld } from '../../support/emulator-world';
import { emulatorSpkiHash } from '../../support/playwright-login-window';
import { emulatorProfile } from './emulator-profile';

const { emu, keychain: kc } = useEmulatorWorld('loopback');

describe('system browser with a loopback listener', () => {
  it('signs in through a real browser that is redirected to the listener on 127.0.0.1', async () => {
    const profile = emulatorProfile(emu);
    await kc.store.set(secretKeys.clientSecret(profile.id), AEM_SECRET);
    const pages: string[] = [];
    // The "system browser": a Chromium page that really loads the redirect (no interception here).
    const systemBrowser = {
      openExternal: async (url: string) => {
        void (async () => {
          const b: Browser = await chromium.launch({
            executablePath: '/usr/bin/chromium',
            headless: true,
            args: [
              '--no-sandbox',
              '--disable-gpu',
              `--ignore-certificate-errors-spki-list=${await emulatorSpkiHash(emu)}`,
            ],
          });
          const page = await b.newPage();
          await page.goto(url);
          await page.fill('input[name=username]', USERS.alice.upn);
          await page.fill('input[name=password]', USERS.alice.password);
          await page.getByRole('button', { name: 'Sign in' }).click();
          await page.waitForURL(/^http:\/\/localhost:\d+\//);
          pages.push((await page.locator('h1').textContent()) ?? '');
          await b.close();
        })();
      },
    };
    const outcome = await signInDelegated(profile, {
      secrets: kc.store,
      systemBrowser,
      timeoutMs: 30_000,
      now: () => emu.clock.now(),
    });
    expect(outcome).toMatchObject({ account: 'alice@contoso.com', refreshTokenStored: true });
    await expect.poll(() => pages[0]).toBe('Signed in');
  });

  it('binds 127.0.0.1 only, answers form_post, and ignores unrelated requests', async () => {
    const l = await startLoopbackListener('/');
    try {
      expect(l.redirectUri).toBe(`http://localhost:${l.port}/`);
      const waiting = l.waitForRedirect('st', { timeoutMs: 20_000 });
      expect((await fetch(`http://127.0.0.1:${l.port}/favicon.ico`)).status).toBe(404);
      const res = await fetch(`http://127.0.0.1:${l.port}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'code=c1&state=st',
      });
      expect(await res.text()).toContain('You can close this tab');
      expect(await waiting).toEqual({ url: `http://localhost:${l.port}/`, formBody: 'code=c1&state=st' });
    } finally {
      await l.close();
    }
  });

  it('times out and cancels plainly', async () => {
    const l = await startLoopbackListener('/');
    try {
      await expect(l.waitForRedirect('s', { timeoutMs: 50 })).rejects.toMatchObject({
        problem: { code: 'SIGN_IN_TIMEOUT' },
      });
      const ac = new AbortController();
      const w = l.waitForRedirect('s', { timeoutMs: 5000, signal: ac.signal });
      ac.abort();
      await expect(w).rejects.toMatchObject({ problem: { code: 'SIGN_IN_CANCELLED' } });
    } finally {
      await l.close();
    }
  });
});
