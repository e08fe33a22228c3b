import type { AppInfo } from '../../shared/ipc-contract';
import type { HandlerPorts } from './ports';

/** Versions plus whether the keychain answers; the start screen warns when it does not. */
export async function appInfo(ports: HandlerPorts): Promise<AppInfo> {
  const status = await ports.secrets.status();
  return {
    name: ports.app.name,
    version: ports.app.version,
    platform: ports.app.platform,
    versions: { ...ports.app.versions },
    keychain: status.available
      ? { available: true, backend: status.backend }
      : { available: false, backend: status.backend, message: status.message },
  };
}
