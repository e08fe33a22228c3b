// startEmulator(): the local stand-in for Entra ID (HTTPS IdP) + Exchange Online SMTP, for tests.
// API pinned in docs/team-contracts.md ("Emulator API").
import { createClock, type Clock } from './clock';
import { findApp, loadDefaultDirectory, type Directory } from './directory';
import { createFaults, type Faults } from './faults';
import { loadKeyMaterial } from './key-material';
import { b64url } from './jwt';
import { thumbprint } from './make-keys';
import { RequestLog, type RequestLogEntry } from './request-log';
import { defaultBehaviour, type Behaviour, type IdpContext } from './idp/context';
import { startIdpServer } from './idp/server';
import { IdpState } from './idp/state';
import { startSmtpServer } from './smtp/server';
import { startGraphServer } from './graph/server';
import { type GraphContext } from './graph/context';
import { defaultGraphSwitches, type GraphSwitches } from './graph/switches';
import { type StoredMessage } from './smtp/message';
import { routeExchangeAdmin } from './exchange-admin/invoke';
import { Propagation } from './exchange-admin/propagation';
import { defaultExchangeAdminSwitches, type ExchangeAdminSwitches } from './exchange-admin/switches';

export type { Directory } from './directory';
export type { Faults } from './faults';
export type { Behaviour } from './idp/context';
export type { StoredMessage } from './smtp/message';
export type { RequestLogEntry } from './request-log';
export type { ExchangeAdminSwitches } from './exchange-admin/switches';
export type { GraphSwitches } from './graph/switches';

export const CONTOSO_TENANT_ID = '11111111-1111-4111-8111-111111111111';
export const DAEMON_APP_ID = 'aaaaaaaa-0000-4000-8000-000000000002';

export interface StartOptions {
  /** Default: a fresh copy of fixtures/directory.json. */
  readonly directory?: Directory;
  /** Knobs for behaviour the reference leaves open (see idp/context.ts). */
  readonly behaviour?: Partial<Behaviour>;
}

export interface AppCertificateMaterial {
  readonly certPem: string;
  readonly keyPem: string;
  readonly pfxBase64: string;
  readonly pfxPassword: string;
  readonly thumbprintSha1Hex: string;
  readonly thumbprintSha256Hex: string;
}

export interface Emulator {
  readonly caPem: string;
  readonly host: string;
  readonly authorityHost: string;
  authority(tenant?: string): string;
  tokenEndpoint(tenant?: string): string;
  /** sessionsFor: authenticated sessions the server counts for a mailbox now (Exchange allows 3). */
  readonly smtp: {
    readonly host: '127.0.0.1';
    readonly port: number;
    sessionsFor(mailbox: string): number;
    /** AUTH commands answered since the emulator started (login attempts, failed or not). */
    authCommands(): number;
  };
  readonly requestLog: readonly RequestLogEntry[];
  messages(address?: string): readonly StoredMessage[];
  readonly clock: Clock;
  readonly faults: { set(f: Partial<Faults>): void; clear(): void };
  readonly directory: Directory;
  readonly certificates: { readonly app2: AppCertificateMaterial };
  /**
   * The Exchange admin REST stand-in (reference §14), served on the IdP's own host:port, which stands
   * in for https://outlook.office365.com (README "Exchange admin REST").
   */
  readonly exchangeAdmin: {
    /** Equals authorityHost: `${baseUrl}/adminapi/beta/{tenant}/InvokeCommand`. */
    readonly baseUrl: string;
    invokeUrl(tenant?: string): string;
    /** Live: propagationMinutes, nonAdminReply, defaultPageSize, maxPageSize, firstPartyExchange. */
    readonly switches: ExchangeAdminSwitches;
    /** Emulator-clock time when the last change still propagating reaches SMTP; undefined when none. */
    settledAt(): number | undefined;
  };
  /** The Microsoft Graph v1.0 stand-in over the same directory (its own port; README "Graph"). */
  readonly graph: {
    /** 'https://127.0.0.1:PORT' (no trailing slash); requests go to `${host}/v1.0/...`. */
    readonly host: string;
    /** Live: replication delay, app management policy, duplicate-assignment status. */
    readonly switches: GraphSwitches;
    readonly faults: { set(f: Partial<Faults>): void; clear(): void };
    readonly requestLog: readonly RequestLogEntry[];
  };
  revokeRefreshTokens(upn: string): void;
  close(): Promise<void>;
}

export async function startEmulator(options: StartOptions = {}): Promise<Emulator> {
  const keys = loadKeyMaterial();
  const directory = options.directory ?? loadDefaultDirectory();
  const clock = createClock();
  const faults = createFaults();
  const log = new RequestLog();
  const state = new IdpState();
  // The Daemon Mailer's client certificate is registered at start (fixture comment).
  const daemon = findApp(directory, DAEMON_APP_ID);
  if (daemon && !daemon.app.certificates.some((c) => c.certPem === keys.app2CertPem)) {
    daemon.app.certificates.push({ certPem: keys.app2CertPem });
  }
  const behaviour: Behaviour = { ...defaultBehaviour, ...options.behaviour };
  const switches = defaultGraphSwitches();
  const exchangeSwitches = defaultExchangeAdminSwitches();
  const ctx: IdpContext = {
    directory,
    clock,
    keys,
    state,
    behaviour,
    graph: switches,
    exchange: exchangeSwitches,
    authorityHost: '',
  };
  const propagation = new Propagation(directory, clock, () => exchangeSwitches.propagationMinutes);
  const exchangeCtx = {
    directory,
    clock,
    signingCertPem: keys.signingCertPem,
    switches: exchangeSwitches,
    propagation,
    host: () => ctx.authorityHost,
  };
  const idp = await startIdpServer(ctx, faults, log, { key: keys.serverKeyPem, cert: keys.serverCertPem }, (req, url) =>
    routeExchangeAdmin(exchangeCtx, req, url),
  );
  ctx.authorityHost = `https://127.0.0.1:${idp.port}`;
  const messages: StoredMessage[] = [];
  const smtp = await startSmtpServer({
    limits: {
      concurrentPerMailbox: behaviour.smtpConcurrentSessionsPerMailbox,
      recipientsPerDay: behaviour.smtpRecipientsPerDay,
    },
    // Changes made through the admin REST reach SMTP once their propagation time has passed.
    directory: () => {
      propagation.settle();
      return directory;
    },
    clock,
    faults,
    signingCertPem: keys.signingCertPem,
    tls: { key: keys.serverKeyPem, cert: keys.serverCertPem },
    messages,
    sendAsDeniedReply: behaviour.sendAsDeniedReply,
    greetingDelay: behaviour.smtpGreetingDelay,
  });
  const graphFaults = createFaults();
  const graphLog = new RequestLog();
  const graphCtx: GraphContext = { directory, clock, switches, signingCertPem: keys.signingCertPem, graphHost: '' };
  const graph = await startGraphServer(graphCtx, graphFaults, graphLog, {
    key: keys.serverKeyPem,
    cert: keys.serverCertPem,
  });
  graphCtx.graphHost = `https://127.0.0.1:${graph.port}`;
  const host = `127.0.0.1:${idp.port}`;
  const authority = (tenant = CONTOSO_TENANT_ID): string => `${ctx.authorityHost}/${tenant}`;
  return {
    caPem: keys.caCertPem,
    host,
    authorityHost: ctx.authorityHost,
    authority,
    tokenEndpoint: (tenant) => `${authority(tenant)}/oauth2/v2.0/token`,
    smtp: { host: '127.0.0.1', port: smtp.port, sessionsFor: smtp.sessionsFor, authCommands: smtp.authCommands },
    requestLog: log.entries,
    messages(address) {
      if (!address) return [...messages];
      const a = address.toLowerCase();
      // "The messages a mailbox received": envelope recipients (To, Cc and Bcc alike).
      return messages.filter((m) => m.to.some((t) => t.toLowerCase() === a));
    },
    clock,
    faults: { set: (f) => faults.set(f), clear: () => faults.clear() },
    directory,
    certificates: {
      app2: {
        certPem: keys.app2CertPem,
        keyPem: keys.app2KeyPem,
        pfxBase64: keys.app2PfxBase64,
        pfxPassword: keys.app2PfxPassword,
        thumbprintSha1Hex: thumbprint(keys.app2CertPem, 'sha1').toString('hex').toUpperCase(),
        thumbprintSha256Hex: thumbprint(keys.app2CertPem, 'sha256').toString('hex').toUpperCase(),
      },
    },
    exchangeAdmin: {
      baseUrl: ctx.authorityHost,
      invokeUrl: (tenant = CONTOSO_TENANT_ID) => `${ctx.authorityHost}/adminapi/beta/${tenant}/InvokeCommand`,
      switches: exchangeSwitches,
      settledAt: () => propagation.settledAt(),
    },
    graph: {
      host: graphCtx.graphHost,
      switches,
      faults: { set: (f) => graphFaults.set(f), clear: () => graphFaults.clear() },
      requestLog: graphLog.entries,
    },
    revokeRefreshTokens(upn) {
      state.tokensValidFrom.set(upn.toLowerCase(), clock.now());
    },
    async close() {
      idp.server.closeAllConnections();
      graph.server.closeAllConnections();
      await Promise.all([
        new Promise<void>((r) => graph.server.close(() => r())),
        new Promise<void>((r) => idp.server.close(() => r())),
        new Promise<void>((r) => smtp.server.close(() => r())),
      ]);
    },
  };
}

export { b64url };
