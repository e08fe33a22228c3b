// An MSAL INetworkModule over node:https that trusts the system roots plus extra CAs (the emulator's),
// because MSAL's default fetch only honours NODE_EXTRA_CA_CERTS read at process start (stack-notes).
import { request } from 'node:https';
import { rootCertificates } from 'node:tls';
import { type INetworkModule, type NetworkRequestOptions, type NetworkResponse } from '@azure/msal-node';

function send<T>(
  method: 'GET' | 'POST',
  url: string,
  ca: readonly string[],
  options?: NetworkRequestOptions,
  timeoutMs?: number,
): Promise<NetworkResponse<T>> {
  return new Promise((resolve, reject) => {
    const body = options?.body;
    const headers: Record<string, string | number> = { ...(options?.headers ?? {}) };
    if (body !== undefined) headers['Content-Length'] = Buffer.byteLength(body);
    const req = request(url, { method, headers, ca: [...ca], timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const outHeaders: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers))
          if (v !== undefined) outHeaders[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          // MSAL treats a non-JSON body as a network/parse failure; hand it the raw text.
          parsed = text;
        }
        resolve({ headers: outHeaders, body: parsed as T, status: res.statusCode ?? 0 });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** `system: { networkClient: msalNetworkClient([emu.caPem]) }` */
export function msalNetworkClient(extraCaPems: readonly string[]): INetworkModule {
  const ca = [...rootCertificates, ...extraCaPems];
  return {
    sendGetRequestAsync: <T>(url: string, options?: NetworkRequestOptions, timeout?: number) =>
      send<T>('GET', url, ca, options, timeout),
    sendPostRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => send<T>('POST', url, ca, options),
  };
}
