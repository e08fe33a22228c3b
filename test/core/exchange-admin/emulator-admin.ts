// The product's Exchange admin client pointed at the emulator: an admin token source (the password
// grant on the EXO module's client, held in memory like the real admin sign-in), and a scheduler
// that waits by moving the emulator's clock instead of real time.
import { exchangeAdminEndpoint } from '../../../src/shared/clouds';
import { createHttpClient } from '../../../src/core/net/http-client';
import type { AdminTokenSource } from '../../../src/core/exchange-admin/admin-token';
import { createExchangeAdminClient, type ExchangeAdminPort } from '../../../src/core/exchange-admin/rest-client';
import type { Scheduler } from '../../../src/core/exchange-admin/propagation-wait';
import type { AppAccessRequest } from '../../../src/core/exchange-admin/give-access';
import { MAILBOXES, UNREGISTERED_DAEMON_APP, UNREGISTERED_DAEMON_SP } from '../../emulator/fixtures/ids';
import type { Emulator } from '../../emulator';
import { exchangeAdminToken } from '../../emulator/exchange-admin-helpers';
import { claims } from '../../emulator/test-helpers';

export interface CountingTokenSource extends AdminTokenSource {
  /** How many times a token was really fetched (the rest came from memory). */
  readonly fetched: () => number;
  /** Every token handed out, for the secret scan. */
  readonly issued: string[];
}

export function emulatorAdminTokens(emu: Emulator, user: { upn: string; password: string }): CountingTokenSource {
  let cached: { accessToken: string; account: { upn: string; tenantId: string } } | undefined;
  let fetched = 0;
  const issued: string[] = [];
  return {
    fetched: () => fetched,
    issued,
    async tokenFor(resource) {
      if (resource !== 'https://outlook.office365.com') throw new Error(`unexpected resource ${resource}`);
      if (!cached) {
        fetched++;
        const accessToken = await exchangeAdminToken(emu, user);
        issued.push(accessToken);
        const c = claims(accessToken);
        cached = { accessToken, account: { upn: String(c.upn), tenantId: String(c.tid) } };
      }
      return cached;
    },
  };
}

export function emulatorAdminClient(emu: Emulator, tokens: AdminTokenSource): ExchangeAdminPort {
  const { baseUrl, resource } = exchangeAdminEndpoint('custom', emu.authorityHost);
  return createExchangeAdminClient({
    baseUrl,
    resource,
    tokens,
    http: createHttpClient({ extraCaPem: emu.caPem, timeoutMs: 10_000, sleep: async () => {} }),
  });
}

/** Waiting moves the emulator's clock; nothing sleeps for real. */
export function emulatorScheduler(emu: Emulator): Scheduler & { readonly slept: number[] } {
  const slept: number[] = [];
  return {
    slept,
    now: () => emu.clock.now(),
    async sleep(ms, signal) {
      signal?.throwIfAborted();
      slept.push(ms);
      emu.clock.advance(ms);
    },
  };
}

/** "Give the Unregistered Daemon access to unpermitted@" (Full Access; its token carries SMTP.SendAsApp). */
export const daemonAccessRequest = (over: Partial<AppAccessRequest> = {}): AppAccessRequest => ({
  cloud: 'custom',
  appId: UNREGISTERED_DAEMON_APP,
  servicePrincipalObjectId: UNREGISTERED_DAEMON_SP,
  displayName: 'Unregistered Daemon',
  mailbox: MAILBOXES.unpermitted,
  model: { kind: 'mailbox-permission' },
  tokenHasSendAsAppRole: true,
  ...over,
});
