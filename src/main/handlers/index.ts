import type { HandlerMap } from '../ipc/handler-map';
import { appInfo } from './app-info';
import type { HandlerPorts } from './ports';

/** The real handler map, built from ports; Electron and the test harness both use it. */
export function createHandlers(ports: HandlerPorts): HandlerMap {
  return {
    'app:info': () => appInfo(ports),
    'clipboard:write': async ({ text }) => {
      await ports.clipboard.writeText(text);
      return { copied: true };
    },
  };
}
