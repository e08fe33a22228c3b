import { createHash } from 'node:crypto';
import tls from 'node:tls';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  LoginPageError,
  signInCancelled,
  signInTimedOut,
  type LoginWindowPort,
  type LoginWindowRequest,
} from '../../src/core/oauth/login-ports';
import { judgeLoginRequest } from '../../src/main/login/login-window-policy';
import type { Emulator } from '../emulator';
import { CHROMIUM_FLAGS } from './renderer-harness';

/**
 * The test's login window: a real Chromium page on the emulator's sign-in form, playing
 * the user. Like the Electron window it uses a fresh browser context per attempt and puts
 * every request through the same policy (`judgeLoginRequest`): the redirect is caught
 * before it reaches the network, anything else that is not https is refused.
 * The emulator's certificate is trusted by its public-key hash after Node verified it
 * against the emulator's CA: no blanket ignoring of certificate errors.
 */
export interface ScriptedUser {
  readonly username: string;
  readonly password: string;
  /** On the consent page. Default accept. */
  readonly consent?: 'accept' | 'cancel';
  /** Close the window at the sign-in form instead of signing in. */
  readonly closeWindow?: boolean;
}

export interface PlaywrightLoginWindow extends LoginWindowPort {
  /** The next `open()` plays this user. */
  user: ScriptedUser;
  /** URLs the page tried to load on the redirect URI (all intercepted). */
  readonly intercepted: string[];
  /** Plays the mailbox owner on their own device: opens the device login page, enters the code, signs in. */
  deviceLogin(verificationUri: string, userCode: string): Promise<string>;
  close(): Promise<void>;
}

/** base64(SHA-256(SPKI)) of the emulator's server certificate, verified against its CA first. */
export async function emulatorSpkiHash(emu: Emulator): Promise<string> {
  const [host, port] = emu.host.split(':');
  const socket = tls.connect({ host, port: Number(port), ca: emu.caPem, servername: undefined });
  await new Promise<void>((resolve, reject) => {
    socket.once('secureConnect', () => resolve());
    socket.once('error', reject);
  });
  const cert = socket.getPeerX509Certificate();
  socket.destroy();
  if (!cert) throw new Error('emulator sent no certificate');
  return createHash('sha256')
    .update(cert.publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64');
}

/** Debian's Chromium with the test flags, trusting the emulator's certificate (and nothing else extra). */
export async function launchTrustingEmulator(emu: Emulator): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_FLAGS, `--ignore-certificate-errors-spki-list=${await emulatorSpkiHash(emu)}`],
  });
}

export async function createPlaywrightLoginWindow(emu: Emulator, user: ScriptedUser): Promise<PlaywrightLoginWindow> {
  const browser = await launchTrustingEmulator(emu);
  const intercepted: string[] = [];
  const port: PlaywrightLoginWindow = {
    user,
    intercepted,
    close: () => browser.close(),
    async deviceLogin(verificationUri, userCode) {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(verificationUri);
        await page.fill('input[name=otc]', userCode);
        await clickAndSettle(page, 'Next');
        await playUser(page, undefined, port.user);
        return (await page.locator('h1').textContent()) ?? '';
      } finally {
        await context.close();
      }
    },
    async open(req: LoginWindowRequest) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const registered = new URL(req.redirectUri);
      try {
        return await new Promise<string>((resolve, reject) => {
          const timer = setTimeout(() => reject(signInTimedOut(Math.round(req.timeoutMs / 60_000))), req.timeoutMs);
          const settle = (fn: () => void) => {
            clearTimeout(timer);
            fn();
          };
          // Like the Electron window: a cancel before the window opened ends it at once.
          if (req.signal?.aborted) return settle(() => reject(signInCancelled()));
          req.signal?.addEventListener('abort', () => settle(() => reject(signInCancelled())), { once: true });
          let caught = false;
          void applyLoginPolicy(page, registered, (url) => {
            caught = true;
            intercepted.push(url);
            settle(() => resolve(url));
          })
            .then(() => playUser(page, req.url, port.user, () => caught))
            .then((outcome) => {
              if (outcome.kind === 'closed') settle(() => reject(signInCancelled()));
              if (outcome.kind === 'error-page') settle(() => reject(new LoginPageError(outcome.text)));
            })
            .catch((e: unknown) => settle(() => reject(e)));
        });
      } finally {
        await context.close();
      }
    },
  };
  return port;
}

/**
 * What Electron's `webRequest.onBeforeRequest` does in the login window, for a Playwright
 * page: every request judged by the app's policy; denied ones never reach the network.
 */
export async function applyLoginPolicy(page: Page, registered: URL, onCapture: (url: string) => void): Promise<void> {
  await page.route(
    () => true,
    async (route) => {
      const url = route.request().url();
      const verdict = judgeLoginRequest(url, registered);
      if (verdict === 'allow') return route.continue();
      if (verdict === 'capture') onCapture(url);
      await route.abort('blockedbyclient');
    },
  );
}

type PlayOutcome = { kind: 'redirected' } | { kind: 'closed' } | { kind: 'error-page'; text: string };

/** Clicks through sign-in, MFA approval and consent the way a person would, until the redirect is caught. */
async function playUser(
  page: Page,
  url: string | undefined,
  user: ScriptedUser,
  done: () => boolean = () => false,
): Promise<PlayOutcome> {
  if (url) await page.goto(url).catch(() => undefined);
  // Each pass looks at what the page shows now; a page still loading is simply looked at again.
  // Bounded by time, not by passes: on a loaded 2-core CI machine a pass can take seconds.
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && !done() && !page.isClosed()) {
    const errorBox = page.locator('#error-message');
    if (await errorBox.count().catch(() => 0))
      return { kind: 'error-page', text: (await errorBox.textContent().catch(() => '')) ?? '' };
    if (
      await page
        .locator('input[name=username]')
        .count()
        .catch(() => 0)
    ) {
      if (user.closeWindow) return { kind: 'closed' };
      await page.fill('input[name=username]', user.username);
      await page.fill('input[name=password]', user.password);
      await clickAndSettle(page, 'Sign in');
    } else if (
      await page
        .getByRole('button', { name: 'Approve' })
        .count()
        .catch(() => 0)
    ) {
      await clickAndSettle(page, 'Approve');
    } else if (
      await page
        .getByRole('button', { name: 'Accept' })
        .count()
        .catch(() => 0)
    ) {
      await clickAndSettle(page, user.consent === 'cancel' ? 'Cancel' : 'Accept');
    } else if (
      await page
        .locator('#message')
        .count()
        .catch(() => 0)
    ) {
      return { kind: 'redirected' }; // the device login's final message page
    } else {
      await page.waitForTimeout(100).catch(() => undefined);
    }
  }
  return { kind: 'redirected' };
}

async function clickAndSettle(page: Page, name: string): Promise<void> {
  // The redirect is aborted by the route, so navigation may "fail": that is the success path.
  await Promise.all([
    page.waitForLoadState('domcontentloaded').catch(() => undefined),
    page.getByRole('button', { name }).click(),
  ]).catch(() => undefined);
  await page.waitForTimeout(50);
}
