import { app, clipboard } from 'electron';
import { createKeytarSecretStore } from '../../core/secrets/keytar-secret-store';
import type { HandlerPorts } from '../handlers/ports';

/** The real ports: OS keychain, Electron's app facts. */
export function createElectronPorts(): HandlerPorts {
  return {
    app: {
      name: app.getName(),
      version: app.getVersion(),
      platform: `${process.platform} ${process.arch}`,
      versions: { electron: process.versions.electron ?? '', chrome: process.versions.chrome ?? '', node: process.versions.node },
    },
    secrets: createKeytarSecretStore(),
    clipboard: { writeText: async (text) => clipboard.writeText(text) },
  };
}
