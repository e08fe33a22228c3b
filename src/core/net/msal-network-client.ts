import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import type { HttpClient } from './http-client';
import { NetworkFailure, isNetworkFailure } from './network-failure';

/**
 * MSAL's `system.networkClient` over our HTTP client, so MSAL gets the same CA, proxy,
 * timeout and retry as everything else. MSAL swallows a network module's own errors
 * into a bare `network_error`, so the last failure is kept here for the diagnosis.
 */
export class MsalNetworkClient implements INetworkModule {
  /** The most recent failure, classified; read it when MSAL reports a network error. */
  lastFailure: NetworkFailure | undefined;

  /** `signal` cancels every request MSAL makes through this client (MSAL's own calls take none). */
  constructor(
    private readonly http: HttpClient,
    private readonly signal?: AbortSignal,
  ) {}

  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> {
    return this.send<T>('GET', url, options, timeout);
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('POST', url, options);
  }

  private async send<T>(
    method: 'GET' | 'POST',
    url: string,
    options?: NetworkRequestOptions,
    timeout?: number,
  ): Promise<NetworkResponse<T>> {
    try {
      const res = await this.http.request({
        method,
        url,
        headers: options?.headers,
        body: method === 'POST' ? (options?.body ?? '') : undefined,
        ...(timeout ? { timeoutMs: timeout } : {}),
        ...(this.signal ? { signal: this.signal } : {}),
      });
      let body: T;
      try {
        body = JSON.parse(res.body) as T;
      } catch (e) {
        throw new NetworkFailure('bad-response', new URL(url).host, { code: 'NOT_JSON', status: res.status, cause: e });
      }
      return { status: res.status, headers: { ...res.headers }, body };
    } catch (e) {
      this.lastFailure = isNetworkFailure(e) ? e : new NetworkFailure('reset', new URL(url).host, { cause: e });
      throw this.lastFailure;
    }
  }
}
