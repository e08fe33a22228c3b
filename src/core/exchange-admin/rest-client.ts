import { randomUUID } from 'node:crypto';
import type { HttpClient } from '../net/http-client';
import { isNetworkFailure } from '../net/network-failure';
import { ExchangeAdminError } from './admin-error';
import type { AdminAccount, AdminTokenSource } from './admin-token';
import type { ExchangeCmdlet } from './cmdlet';
import { readInvokeResponse } from './read-response';

/**
 * Exchange Online's admin REST as the ExchangeOnlineManagement module uses it (reference §14.1):
 * `POST <base>/adminapi/beta/<tenant GUID>/InvokeCommand` with the CmdletInput body. Microsoft does
 * not document it as an API, so it is opt-in and every failure ends in the PowerShell to run by hand.
 */

export interface CmdletResult {
  readonly rows: readonly Record<string, unknown>[];
  /** `@adminapi.warnings`: e.g. "no settings … have been modified", "already present". */
  readonly warnings: readonly string[];
}

/** The port use cases talk to; the emulator's stand-in and the real endpoint answer the same. */
export interface ExchangeAdminPort {
  invoke(cmdlet: ExchangeCmdlet, signal?: AbortSignal): Promise<CmdletResult>;
  /** The admin who signed in, once a call has been made. */
  account(): AdminAccount | undefined;
}

export interface ExchangeAdminClientOptions {
  /** `https://outlook.office365.com` (or the custom authority host standing in for it). */
  readonly baseUrl: string;
  /** What the token is for: `https://outlook.office365.com` in the global cloud. */
  readonly resource: string;
  readonly tokens: AdminTokenSource;
  readonly http: HttpClient;
}

/** Pages followed before giving up: a list of 1,000-row pages this long is not one the wizard asks for. */
const MAX_PAGES = 50;

export function createExchangeAdminClient(o: ExchangeAdminClientOptions): ExchangeAdminPort {
  let account: AdminAccount | undefined;

  async function post(url: string, cmdlet: ExchangeCmdlet, signal?: AbortSignal) {
    const token = await o.tokens.tokenFor(o.resource, signal);
    account = token.account;
    try {
      return await o.http.request({
        method: 'POST',
        url,
        headers: {
          authorization: `Bearer ${token.accessToken}`,
          'content-type': 'application/json; charset=utf-8',
          accept: 'application/json',
          'x-anchormailbox': `UPN:${token.account.upn}`,
          prefer: 'odata.maxpagesize=1000',
          'client-request-id': randomUUID(),
          'x-cmdletname': cmdlet.name,
          'x-responseformat': 'json',
        },
        body: JSON.stringify({ CmdletInput: { CmdletName: cmdlet.name, Parameters: cmdlet.parameters } }),
        ...(signal ? { signal } : {}),
      });
    } catch (e) {
      if (isNetworkFailure(e)) throw new ExchangeAdminError('network', cmdlet.name, e.message, { network: e });
      throw e;
    }
  }

  return {
    account: () => account,
    async invoke(cmdlet, signal) {
      const first = await o.tokens.tokenFor(o.resource, signal);
      const url = `${o.baseUrl}/adminapi/beta/${encodeURIComponent(first.account.tenantId)}/InvokeCommand`;
      const rows: Record<string, unknown>[] = [];
      const warnings: string[] = [];
      let next: string | undefined = url;
      for (let page = 0; next && page < MAX_PAGES; page++) {
        // §14.1.4: the next page is the same body POSTed to @odata.nextLink.
        const got = readInvokeResponse(cmdlet.name, await post(next, cmdlet, signal));
        rows.push(...got.rows);
        warnings.push(...got.warnings);
        next = got.nextLink;
        // The admin's token goes to Exchange's own host only, whatever a next link says.
        if (next && new URL(next).origin !== new URL(url).origin)
          throw new ExchangeAdminError('unavailable', cmdlet.name, 'Exchange pointed the next page at another host.');
      }
      return { rows, warnings };
    },
  };
}
