// POST /adminapi/beta/{tenant}/InvokeCommand (§14.1.2-§14.1.4): the CmdletInput body, the caller's token
// and role, `value` arrays paged by `Prefer: odata.maxpagesize` with `@odata.nextLink` (the client POSTs
// the same body there), `@adminapi.warnings`, and cmdlet errors in Exchange's envelope.
import { type IncomingMessage } from 'node:http';
import { json, readBody, type Reply } from '../idp/http';
import { authenticateAdmin } from './auth';
import { type CmdletOutput } from './cmdlet';
import { findCmdlet } from './cmdlets';
import { type ExchangeAdminContext } from './context';
import { CmdletError, cmdletErrorReply, cmdletErrors, HttpError, httpErrorReply } from './errors';
import { Params } from './params';

const PATH = /^\/adminapi\/beta\/([^/]+)\/InvokeCommand$/i;

interface CmdletInput {
  readonly name: string;
  readonly parameters: unknown;
}

function parseInput(text: string): CmdletInput {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'BadRequest', 'The request body is not valid JSON.');
  }
  const input = (body as { CmdletInput?: { CmdletName?: unknown; Parameters?: unknown } } | null)?.CmdletInput;
  if (!input || typeof input.CmdletName !== 'string' || input.CmdletName.trim() === '')
    throw new HttpError(400, 'BadRequest', 'CmdletInput.CmdletName is required.');
  return { name: input.CmdletName.trim(), parameters: input.Parameters ?? {} };
}

function pageSize(req: IncomingMessage, fallback: number, max: number): number {
  const m = /odata\.maxpagesize=(\d+)/i.exec(String(req.headers.prefer ?? ''));
  const n = m ? Number(m[1]) : fallback;
  return Math.min(n > 0 ? n : fallback, max);
}

function page(ctx: ExchangeAdminContext, req: IncomingMessage, url: URL, out: CmdletOutput): Reply {
  const size = pageSize(req, ctx.switches.defaultPageSize, ctx.switches.maxPageSize);
  const skip = Math.max(0, Number(url.searchParams.get('$skiptoken') ?? 0) || 0);
  const rows = out.rows.slice(skip, skip + size);
  const next = skip + size < out.rows.length ? skip + size : undefined;
  return json(200, {
    '@odata.context': `${ctx.host()}${url.pathname.replace(/InvokeCommand$/i, '$metadata')}#Collection(Exchange.GenericHashTable)`,
    ...(out.warnings && out.warnings.length > 0 ? { '@adminapi.warnings': out.warnings } : {}),
    value: rows,
    ...(next !== undefined ? { '@odata.nextLink': `${ctx.host()}${url.pathname}?$skiptoken=${next}` } : {}),
  });
}

async function invoke(ctx: ExchangeAdminContext, req: IncomingMessage, url: URL, segment: string): Promise<Reply> {
  const text = await readBody(req);
  const caller = authenticateAdmin(req, ctx.directory, ctx.signingCertPem, ctx.clock.now(), segment);
  const input = parseInput(text);
  const found = findCmdlet(input.name);
  if (!caller.isExchangeAdmin) {
    if (ctx.switches.nonAdminReply === 'http-403')
      throw new HttpError(403, 'Forbidden', 'The user is not assigned an Exchange management role.');
    throw cmdletErrors.notRecognized(found?.name ?? input.name);
  }
  if (!found) throw cmdletErrors.notRecognized(input.name);
  ctx.propagation.settle();
  const tenant = caller.tenant;
  const out = found.definition.run(new Params(input.parameters, found.definition.parameters), {
    view: ctx.propagation.configured(tenant),
    record: (apply) => ctx.propagation.record(tenant, apply),
  });
  return page(ctx, req, url, out);
}

/** Handles /adminapi/… on the IdP's host; undefined for any other path. */
export async function routeExchangeAdmin(
  ctx: ExchangeAdminContext,
  req: IncomingMessage,
  url: URL,
): Promise<Reply | undefined> {
  if (!url.pathname.toLowerCase().startsWith('/adminapi/')) return undefined;
  const m = PATH.exec(url.pathname);
  try {
    // The v2.0 Admin API (§14.3) covers none of the wizard's cmdlets; it is not modelled.
    if (!m) throw new HttpError(404, 'NotFound', 'emulator: only /adminapi/beta/{tenant}/InvokeCommand is modelled.');
    if (req.method !== 'POST') throw new HttpError(405, 'MethodNotAllowed', 'InvokeCommand takes POST.');
    return await invoke(ctx, req, url, decodeURIComponent(m[1]!));
  } catch (e) {
    if (e instanceof CmdletError) return cmdletErrorReply(e);
    if (e instanceof HttpError) return httpErrorReply(e);
    throw e;
  }
}
