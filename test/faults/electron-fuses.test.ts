// Issue 11.18: the packaged binary's fuses. Electron cannot be packaged here, so the config
// is read and validated by electron-builder's own code (getConfig + its JSON schema, which
// refuses a misspelt fuse name) and each fuse is asserted as electron-builder will pass it
// to @electron/fuses.
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { describe, expect } from 'vitest';
import { faultScenario } from './fault-scenario';

describe('Electron fuses at packaging', () => {
  faultScenario(
    '11.18',
    'hostile',
    'the app cannot be run as Node, given NODE_OPTIONS or --inspect, or loaded from outside app.asar',
    async () => {
      const config = await getConfig(process.cwd(), 'electron-builder.yml', null);
      await validateConfiguration(config, new DebugLogger(false));
      expect(config.electronFuses).toMatchObject({
        runAsNode: false,
        enableNodeOptionsEnvironmentVariable: false,
        enableNodeCliInspectArguments: false,
        enableCookieEncryption: true,
        enableEmbeddedAsarIntegrityValidation: true,
        onlyLoadAppFromAsar: true,
        // On on purpose (electron-builder.yml says why): the window is a file:// page inside app.asar.
        grantFileProtocolExtraPrivileges: true,
      });
      // Integrity validation needs the hash embedded, and only-from-asar needs an asar.
      expect(config.asar).not.toBe(false);
      expect(config.disableAsarIntegrity ?? false).toBe(false);
    },
  );

  faultScenario(
    '11.18',
    'hostile',
    "a misspelt fuse is refused by electron-builder's schema, not silently ignored",
    async () => {
      const config = await getConfig(process.cwd(), 'electron-builder.yml', null);
      const misspelt = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } };
      await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/electronFuses/);
    },
  );
});
