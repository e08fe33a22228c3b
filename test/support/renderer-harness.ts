import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { ProgressEvent } from '../../src/shared/ipc-contract';
import { API_GLOBAL } from '../../src/shared/ipc-api';
import type { HandlerMap } from '../../src/main/ipc/handler-map';
import { createSenderSessions, type IpcSender } from '../../src/main/ipc/sender-sessions';
import { ensureRendererBuilt, snapshotRenderer } from './renderer-build';
import { serveDirectory } from './static-server';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;

/**
 * Stands in for src/preload/index.ts: the same `WizardApi` object on the same global,
 * forwarding to a binding instead of ipcRenderer, so the renderer bundle under test is
 * byte for byte what Electron loads.
 */
const preloadStandIn = `(() => {
  const listeners = new Set();
  Object.defineProperty(window, '__sowEmitProgress', { value: (event) => { for (const l of [...listeners]) l(event); } });
  Object.defineProperty(window, ${JSON.stringify(API_GLOBAL)}, {
    value: Object.freeze({
      invoke: (channel, request) => window.__sowInvoke(channel, request),
      onProgress: (listener) => { listeners.add(listener); return () => listeners.delete(listener); },
    }),
  });
})();`;

export interface RendererPage {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Uncaught errors and console errors (CSP violations show up here). */
  readonly errors: readonly string[];
  /** Every progress event main pushed to this page. */
  readonly progress: readonly ProgressEvent[];
  close(): Promise<void>;
}

export interface OpenOptions {
  readonly colorScheme?: 'light' | 'dark';
  readonly viewport?: { readonly width: number; readonly height: number };
}

export interface RendererHarness {
  readonly browser: Browser;
  readonly url: string;
  /** A fresh page (own context) on the built renderer, talking to `handlers`. */
  open(handlers: HandlerMap, options?: OpenOptions): Promise<RendererPage>;
  close(): Promise<void>;
}

/**
 * One Debian Chromium and one static server per test file; pages are cheap. `dir` serves
 * another built renderer instead of out/renderer (the benchmark's before/after).
 */
export async function startRendererHarness(options: { readonly dir?: string } = {}): Promise<RendererHarness> {
  if (!options.dir) await ensureRendererBuilt();
  const files = options.dir ? { dir: options.dir, remove: () => undefined } : snapshotRenderer();
  const server = await serveDirectory(files.dir);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [...CHROMIUM_FLAGS],
    headless: true,
  });
  const pages: RendererPage[] = [];

  const open = async (handlers: HandlerMap, options: OpenOptions = {}): Promise<RendererPage> => {
    const context = await browser.newContext({
      viewport: { width: 900, height: 640, ...options.viewport },
      colorScheme: options.colorScheme ?? 'light',
      reducedMotion: 'reduce',
    });
    const errors: string[] = [];
    const progress: ProgressEvent[] = [];
    // Made first: the binding and the init script below apply to it from its first navigation.
    const page = await context.newPage();
    // The page as Electron's main process sees a window's webContents, so requests run
    // through the same per-window session code (sender-sessions.ts) as in the app.
    let closed = false;
    const onClosed: (() => void)[] = [];
    const sender: IpcSender = {
      once: (_event, listener) => onClosed.push(listener),
      isDestroyed: () => closed,
      send: (_channel, event) => {
        progress.push(event as ProgressEvent);
        // Same event the preload relays from ipcRenderer.
        void page.evaluate(`window.__sowEmitProgress(${JSON.stringify(event)})`).catch(() => undefined);
      },
    };
    const session = createSenderSessions(handlers).for(sender);
    await context.exposeBinding('__sowInvoke', (_source, channel: unknown, request: unknown) =>
      session.invoke(channel, request),
    );
    await context.addInitScript(preloadStandIn);
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(server.url);
    const handle: RendererPage = {
      page,
      context,
      errors,
      progress,
      close: async () => {
        closed = true;
        for (const l of onClosed.splice(0)) l();
        await context.close();
      },
    };
    pages.push(handle);
    return handle;
  };

  return {
    browser,
    url: server.url,
    open,
    close: async () => {
      await Promise.allSettled(pages.map((p) => p.close()));
      await browser.close();
      await server.close();
      files.remove();
    },
  };
}
