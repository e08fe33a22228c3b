// The identity provider's HTTPS server: routing, fault injection, request log, JSON error shape.
import { createServer, type Server } from 'node:https';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type FaultSwitch } from '../faults';
import { type RequestLog } from '../request-log';
import { type IdpContext } from './context';
import { instanceDiscovery, jwks, openIdConfiguration } from './discovery';
import { AadstsError, aadError } from './errors';
import { formToRecord, json, readBody, type Reply } from './http';
import { resolveTenant } from './tenants';
import { token } from './token';
import { routeInteractive } from './interactive-routes';

/** Another service answering on the IdP's host:port (the Exchange admin REST stand-in); undefined = not its path. */
export type MountedRoute = (req: IncomingMessage, url: URL) => Promise<Reply | undefined>;

export interface IdpServer {
  readonly server: Server;
  readonly port: number;
}

async function route(ctx: IdpContext, req: IncomingMessage, url: URL, mounted?: MountedRoute): Promise<Reply> {
  const method = req.method ?? 'GET';
  const path = url.pathname;
  const other = await mounted?.(req, url);
  if (other) return other;
  if (path === '/common/discovery/instance') return instanceDiscovery(ctx);
  const form = method === 'POST' ? formToRecord(await readBody(req)) : {};
  const interactive = routeInteractive(ctx, req, url, form);
  if (interactive) return interactive;
  const m = /^\/([^/]+)(\/.*)$/.exec(path);
  if (!m) return json(404, { error: 'not_found' });
  const ref = resolveTenant(ctx.directory, decodeURIComponent(m[1]!));
  const rest = m[2]!;
  if (
    method === 'GET' &&
    (rest === '/v2.0/.well-known/openid-configuration' || rest === '/.well-known/openid-configuration')
  ) {
    return openIdConfiguration(ctx, ref);
  }
  if (method === 'GET' && (rest === '/discovery/v2.0/keys' || rest === '/discovery/keys')) return jwks(ctx, ref);
  if (method === 'POST' && rest === '/oauth2/v2.0/token') {
    try {
      return { ...(await token({ ctx, ref, form, req })), grantType: form.grant_type };
    } catch (e) {
      if (e instanceof AadstsError) return { ...errorReply(ctx, req, e), grantType: form.grant_type };
      throw e;
    }
  }
  return json(404, { error: 'not_found' });
}

export function errorReply(ctx: IdpContext, req: IncomingMessage, e: AadstsError): Reply {
  const correlation = req.headers['client-request-id'];
  const err = aadError(
    e.code,
    e.params,
    ctx.clock.now(),
    typeof correlation === 'string' ? correlation : undefined,
    ctx.authorityHost,
  );
  return json(err.status, err.body);
}

function faultReply(f: ReturnType<FaultSwitch['forRequest']>): Reply | undefined {
  const retry: Record<string, string> = f.retryAfter !== null ? { 'Retry-After': String(f.retryAfter) } : {};
  if (f.http429) return json(429, { error: 'temporarily_unavailable', error_description: 'Too many requests.' }, retry);
  if (f.http503)
    return json(
      503,
      { error: 'temporarily_unavailable', error_description: 'The service is temporarily unavailable.' },
      retry,
    );
  if (f.http500) return json(500, { error: 'server_error', error_description: 'An internal server error occurred.' });
  return undefined;
}

function write(res: ServerResponse, reply: Reply, malformed: boolean): void {
  const body =
    malformed && reply.json ? reply.body.slice(0, Math.max(1, Math.floor(reply.body.length / 2))) : reply.body;
  res.writeHead(reply.status, { ...reply.headers, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

export async function startIdpServer(
  ctx: IdpContext,
  faults: FaultSwitch,
  log: RequestLog,
  tls: { key: string; cert: string },
  mounted?: MountedRoute,
): Promise<IdpServer> {
  const server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', ctx.authorityHost);
      const f = faults.forRequest(url.pathname);
      let reply: Reply;
      try {
        // unref: a long delay still pending must not keep a closed emulator's process alive.
        if (f.slowMs > 0) await new Promise((r) => setTimeout(r, f.slowMs).unref());
        reply = faultReply(f) ?? (await route(ctx, req, url, mounted));
      } catch (e) {
        reply =
          e instanceof AadstsError
            ? errorReply(ctx, req, e)
            : json(500, { error: 'server_error', error_description: `emulator: ${(e as Error).message}` });
      }
      log.add({
        method: req.method ?? 'GET',
        path: url.pathname,
        ...(reply.grantType ? { grantType: reply.grantType } : {}),
        status: reply.status,
        at: ctx.clock.now(),
      });
      write(res, reply, f.malformedJson);
    })();
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  if (addr === null || typeof addr === 'string') throw new Error('emulator: no port');
  return { server, port: addr.port };
}
