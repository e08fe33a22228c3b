// The Microsoft Graph v1.0 stand-in's HTTPS server (its own port): /v1.0 and the /v1.0/myorganization
// alias cli-microsoft365 uses (reference §13.3), faults (429 + Retry-After, §13.4.3), request log.
import { createServer, type Server } from 'node:https';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type FaultSwitch } from '../faults';
import { readBody, type Reply } from '../idp/http';
import { type RequestLog } from '../request-log';
import { routeApplications } from './applications';
import { authenticate } from './auth';
import { type GraphContext, type GraphRequest } from './context';
import { errorEnvelope, GraphError } from './errors';
import { parseJsonBody } from './odata';
import { routeOrganization } from './organization';
import { routePermissionGrants } from './permission-grants';
import { routeServicePrincipals } from './service-principals';

export interface GraphServer {
  readonly server: Server;
  readonly port: number;
}

const ROUTES = [routeOrganization, routeApplications, routeServicePrincipals, routePermissionGrants];

async function route(ctx: GraphContext, req: IncomingMessage, url: URL): Promise<Reply> {
  const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] !== 'v1.0') throw new GraphError(400, 'BadRequest', 'Invalid version.');
  const segments = parts[1]?.toLowerCase() === 'myorganization' ? parts.slice(2) : parts.slice(1);
  const method = req.method ?? 'GET';
  const text = method === 'GET' || method === 'DELETE' ? '' : await readBody(req);
  const g: GraphRequest = {
    ctx,
    req,
    method,
    segments,
    query: url.searchParams,
    body: parseJsonBody(text),
    caller: authenticate(req, ctx.directory, ctx.signingCertPem, ctx.clock.now()),
  };
  for (const r of ROUTES) {
    const reply = r(g);
    if (reply) return reply;
  }
  throw new GraphError(400, 'BadRequest', `Resource not found for the segment '${segments[0] ?? ''}'.`);
}

function faultReply(f: ReturnType<FaultSwitch['forRequest']>): GraphError | undefined {
  const retry: Record<string, string> = f.retryAfter !== null ? { 'Retry-After': String(f.retryAfter) } : {};
  if (f.http429)
    return new GraphError(
      429,
      'TooManyRequests',
      'Too many requests from Identifier:emulator under category:throttle.aad.ctp.graph.applications.',
      undefined,
      retry,
    );
  if (f.http503) return new GraphError(503, 'serviceNotAvailable', 'Service unavailable.', undefined, retry);
  if (f.http500) return new GraphError(500, 'generalException', 'General exception while processing.');
  return undefined;
}

export async function startGraphServer(
  ctx: GraphContext,
  faults: FaultSwitch,
  log: RequestLog,
  tls: { key: string; cert: string },
): Promise<GraphServer> {
  const server = createServer({ key: tls.key, cert: tls.cert }, (req, res: ServerResponse) => {
    void (async () => {
      const url = new URL(req.url ?? '/', ctx.graphHost);
      const f = faults.forRequest(url.pathname);
      let reply: Reply;
      try {
        if (f.slowMs > 0) await new Promise((r) => setTimeout(r, f.slowMs).unref());
        const fault = faultReply(f);
        if (fault) throw fault;
        reply = await route(ctx, req, url);
      } catch (e) {
        const err =
          e instanceof GraphError ? e : new GraphError(500, 'generalException', `emulator: ${(e as Error).message}`);
        reply = errorEnvelope(req, err, ctx.clock.now());
      }
      log.add({ method: req.method ?? 'GET', path: url.pathname, status: reply.status, at: ctx.clock.now() });
      res.writeHead(reply.status, { ...reply.headers, 'Content-Length': Buffer.byteLength(reply.body) });
      res.end(reply.body);
    })();
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  if (addr === null || typeof addr === 'string') throw new Error('emulator: no port for Graph');
  return { server, port: addr.port };
}
