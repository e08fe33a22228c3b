import type { HandlerMap } from '../ipc/handler-map';
import { createAdminSessions } from './admin-sessions';
import { appInfo } from './app-info';
import { checkCertificate, pickCertificate } from './certificate-pick';
import { createExchangeHandlers } from './exchange';
import { copySecret, saveReminder } from './export-extras';
import { listExports, saveExports } from './exports';
import { createBulkHandlers } from './bulk-check';
import { createOperations } from './operations';
import { createTransferHandlers } from './profile-transfer';
import type { HandlerPorts } from './ports';
import { saveProfile, viewOf } from './profiles';
import { supportReport } from './support-report';
import { createTokenHandlers } from './tokens';
import { createRegistrationHandlers } from './registration';

/** The real handler map, built from ports; Electron and the test harness both use it. */
export function createHandlers(ports: HandlerPorts): HandlerMap {
  const operations = createOperations();
  const tokens = createTokenHandlers(ports, operations);
  const transfer = createTransferHandlers(ports);
  const bulk = createBulkHandlers(ports, operations);
  // "Create it for me"'s admin sign-ins, which Exchange's part asks first for its token.
  const adminSessions = createAdminSessions();
  const exchange = createExchangeHandlers(ports, operations, adminSessions);
  const registration = createRegistrationHandlers(ports, operations, adminSessions);
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
    'drafts:list': () => ports.drafts.list(),
    'drafts:get': ({ id }) => ports.drafts.get(id),
    'drafts:save': (req) => ports.drafts.save(req),
    'drafts:delete': async ({ id }) => {
      await ports.drafts.remove(id);
      return { deleted: true };
    },
    'profiles:export': transfer.exportProfiles,
    'profiles:import-open': () => transfer.openImport(),
    'profiles:import': transfer.runImport,
    'token:acquire': tokens.acquire,
    'token:verify': tokens.verify,
    'operation:cancel': async ({ operationId }) => ({ cancelled: operations.cancel(operationId) }),
    'exchange:plan': exchange.plan,
    'exchange:apply': exchange.apply,
    'export:list': (req) => listExports(ports, req),
    'export:save': (req) => saveExports(ports, req),
    'export:copy-secret': (req) => copySecret(ports, req),
    'export:save-reminder': (req) => saveReminder(ports, req),
    'support:report': (req) => supportReport(ports, req, tokens.lastInspection),
    'certificate:pick': () => pickCertificate(ports),
    'certificate:check': async (req) => checkCertificate(req, ports.now ? ports.now() : Date.now()),
    'clipboard:write': async ({ text }) => {
      await ports.clipboard.writeText(text);
      return { copied: true };
    },
    'bulk:open-list': () => bulk.openList(),
    'bulk:run': bulk.run,
    'bulk:save-report': bulk.saveReport,
    // electronegativity: OPEN_EXTERNAL_JS_CHECK — the contract's schema admits https URLs only,
    // and the Electron port checks again.
    'external:open': async ({ url }) => {
      await ports.openExternal(url);
      return { opened: true };
    },
    'settings:get': () => ports.settings.get(),
    'settings:save': (req) => ports.settings.save(req),
    'registration:start': registration.start,
    'registration:run': registration.run,
    'registration:remove': registration.remove,
    'registration:end': registration.end,
  };
}
