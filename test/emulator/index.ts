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
import { type StoredMessage } from './smtp/message';

export type { Directory } from './directory';
export type { Faults } from './faults';
export type { Behaviour } from './idp/context';
export type { StoredMessage } from './smtp/message';
export type { RequestLogEntry } from './request-log';

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
  const ctx: IdpContext = { directory, clock, keys, state, behaviour, authorityHost: '' };
  const idp = await startIdpServer(ctx, faults, log, { key: keys.serverKeyPem, cert: keys.serverCertPem });
  ctx.authorityHost = `https://127.0.0.1:${idp.port}`;
  const messages: StoredMessage[] = [];
  const smtp = await startSmtpServer({
    limits: {
      concurrentPerMailbox: behaviour.smtpConcurrentSessionsPerMailbox,
      recipientsPerDay: behaviour.smtpRecipientsPerDay,
    },
    directory: () => directory,
    clock,
    faults,
    signingCertPem: keys.signingCertPem,
    tls: { key: keys.serverKeyPem, cert: keys.serverCertPem },
    messages,
    sendAsDeniedReply: behaviour.sendAsDeniedReply,
    greetingDelay: behaviour.smtpGreetingDelay,
  });
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
    revokeRefreshTokens(upn) {
      state.tokensValidFrom.set(upn.toLowerCase(), clock.now());
    },
    async close() {
      idp.server.closeAllConnections();
      await Promise.all([
        new Promise<void>((r) => idp.server.close(() => r())),
        new Promise<void>((r) => smtp.server.close(() => r())),
      ]);
    },
  };
}

export { b64url };
