import type { HandlerMap } from '../ipc/handler-map';
import { appInfo } from './app-info';
import { pickCertificate } from './certificate-pick';
import { listExports, saveExports } from './exports';
import { createOperations } from './operations';
import type { HandlerPorts } from './ports';
import { saveProfile, viewOf } from './profiles';
import { supportReport } from './support-report';
import { createTokenHandlers } from './tokens';

/** The real handler map, built from ports; Electron and the test harness both use it. */
export function createHandlers(ports: HandlerPorts): HandlerMap {
  const operations = createOperations();
  const tokens = createTokenHandlers(ports, operations);
  return {
    'app:info': () => appInfo(ports),
    'profiles:list': () => ports.profiles.list(),
    'profiles:get': ({ id }) => viewOf(ports, id),
    'profiles:save': (req) => saveProfile(ports, req),
    'profiles:duplicate': ({ id }) => ports.profiles.duplicate(id),
    'profiles:delete': async ({ id }) => {
      await ports.profiles.remove(id);
      return { deleted: true };
    },
    'profiles:file-health': () => ports.profiles.health(),
    'profiles:recover': ({ action }) => ports.profiles.recover(action),
    'token:acquire': tokens.acquire,
    'token:verify': tokens.verify,
    'operation:cancel': async ({ operationId }) => ({ cancelled: operations.cancel(operationId) }),
    'export:list': (req) => listExports(ports, req),
    'export:save': (req) => saveExports(ports, req),
    'support:report': (req) => supportReport(ports, req, tokens.lastInspection),
    'certificate:pick': () => pickCertificate(ports),
    'clipboard:write': async ({ text }) => {
      await ports.clipboard.writeText(text);
      return { copied: true };
    },
    // electronegativity: OPEN_EXTERNAL_JS_CHECK — the contract's schema admits https URLs only,
    // and the Electron port checks again.
    'external:open': async ({ url }) => {
      await ports.openExternal(url);
      return { opened: true };
    },
  };
}
