import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHandlers } from '../../src/main/handlers';
import { startEmulator, type Emulator } from '../emulator';
import { USERS } from '../emulator/fixtures/ids';
import { emulatorScheduler } from '../core/exchange-admin/emulator-admin';
import { createBrowserTestPorts, type TestPorts } from '../support/browser-ports';
import { testKeychain } from '../support/keychain';
import { createPlaywrightLoginWindow, type PlaywrightLoginWindow } from '../support/playwright-login-window';
import { startRendererHarness, type RendererHarness, type RendererPage } from '../support/renderer-harness';

/** What a "Create it for me" journey drives: the window, its ports, the emulator and the sign-in windows. */
export interface CreateJourneyWorld {
  readonly dir: string;
  readonly keychain: ReturnType<typeof testKeychain>;
  readonly emu: Emulator;
  /** Signs in as Alice (a Global Administrator) until a test says otherwise. */
  readonly login: PlaywrightLoginWindow;
  readonly ports: TestPorts;
  readonly view: RendererPage;
  close(): Promise<void>;
}

export interface CreateJourneyOptions {
  /**
   * Exchange applies admin changes to SMTP only after this many minutes of emulator time, and the
   * app's re-checks wait on the emulator's clock (issue 15's propagation).
   */
  readonly exchangePropagationMinutes?: number;
}

/**
 * The window against the emulator, with the settings pointing new set-ups at it once, as a
 * consultant's settings would at their cloud; the real keychain under a throwaway service.
 */
export async function openCreateJourney(label: string, opts: CreateJourneyOptions = {}): Promise<CreateJourneyWorld> {
  const dir = mkdtempSync(join(tmpdir(), `sow-${label}-`));
  const keychain = testKeychain(label);
  let emu: Emulator | undefined;
  let login: PlaywrightLoginWindow | undefined;
  let harness: RendererHarness | undefined;
  let view: RendererPage | undefined;
  const close = async () => {
    if (process.env.SOW_DEBUG) await view?.page.screenshot({ path: `/tmp/${label}-last.png`, fullPage: true });
    await harness?.close();
    await login?.close();
    await emu?.close();
    await keychain.wipe();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    emu = await startEmulator();
    if (opts.exchangePropagationMinutes !== undefined)
      emu.exchangeAdmin.switches.propagationMinutes = opts.exchangePropagationMinutes;
    login = await createPlaywrightLoginWindow(emu, { username: USERS.alice.upn, password: USERS.alice.password });
    harness = await startRendererHarness();
    const started = emu;
    const ports = createBrowserTestPorts({
      secrets: keychain.store,
      profilesFile: join(dir, 'profiles.json'),
      loginWindow: login,
      now: () => started.clock.now(),
      ...(opts.exchangePropagationMinutes !== undefined ? { exchangeScheduler: emulatorScheduler(started) } : {}),
    });
    await ports.settings.save({
      newSetup: {
        cloud: 'custom',
        customAuthorityHost: emu.authorityHost,
        customGraphHost: emu.graph.host,
        smtpHost: emu.smtp.host,
        smtpPort: emu.smtp.port,
        extraCaPem: emu.caPem,
        adminClientId: '',
      },
    });
    view = await harness.open(createHandlers(ports));
    return { dir, keychain, emu, login, ports, view, close };
  } catch (e) {
    await close();
    throw e;
  }
}
