import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startEmulator, type Emulator, type StartOptions } from '../emulator';
import { testKeychain } from './keychain';

/**
 * The set-up most integration test files share: the emulator started before the file's
 * tests, a keychain service of its own, a temporary folder, and all three gone afterwards
 * (so no `sow-*` folder or keychain entry outlives the run). `emu` may be used anywhere in
 * the file: it forwards to the emulator once `beforeAll` has started it.
 */
export interface EmulatorWorld {
  readonly emu: Emulator;
  readonly keychain: ReturnType<typeof testKeychain>;
  /** A fresh temporary folder for profile files and exports. */
  readonly dir: string;
  /** Runs `fn` at teardown, before the emulator closes (login windows, browser harnesses), last added first. */
  onTeardown(fn: () => unknown): void;
}

export function useEmulatorWorld(label: string, options: StartOptions = {}): EmulatorWorld {
  // Made on first use: a file that never touches the keychain runs without one.
  let keychain: ReturnType<typeof testKeychain> | undefined;
  const dir = mkdtempSync(join(tmpdir(), `sow-${label}-`));
  const teardown: Array<() => unknown> = [];
  let started: Emulator | undefined;
  const emu = new Proxy({} as Emulator, {
    get(_target, key) {
      if (!started) throw new Error(`the emulator of "${label}" is used before beforeAll started it`);
      return Reflect.get(started, key) as unknown;
    },
  });

  beforeAll(async () => {
    started = await startEmulator(options);
  });
  afterAll(async () => {
    try {
      for (const fn of teardown.reverse()) await fn();
      await started?.close();
      await keychain?.wipe();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  return {
    emu,
    get keychain() {
      keychain ??= testKeychain(label);
      return keychain;
    },
    dir,
    onTeardown: (fn) => void teardown.push(fn),
  };
}
