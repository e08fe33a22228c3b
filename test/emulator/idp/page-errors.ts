// AADSTS errors as Entra's HTML page (§1.3) or as a redirect to the app (§1.3 failure via redirect).
import { type IncomingMessage } from 'node:http';
import { type IdpContext } from './context';
import { aadError, type AadstsError } from './errors';
import { html, redirect, type Reply } from './http';
import { errorPage, formPostPage } from './pages';

function correlation(req: IncomingMessage): string | undefined {
  const v = req.headers['client-request-id'];
  return typeof v === 'string' ? v : undefined;
}

export function aadErrorPage(ctx: IdpContext, req: IncomingMessage, e: AadstsError): Reply {
  const err = aadError(e.code, e.params, ctx.clock.now(), correlation(req), ctx.authorityHost);
  return html(
    err.status,
    errorPage({
      message: err.message,
      correlationId: err.body.correlation_id,
      traceId: err.body.trace_id,
      timestamp: err.body.timestamp,
    }),
  );
}

/** Sends fields back to the redirect URI with the requested response_mode (query default, §1.2). */
export function respondToApp(
  redirectUri: string,
  responseMode: string | undefined,
  fields: Readonly<Record<string, string>>,
  extra: Record<string, string | string[]> = {},
): Reply {
  if (responseMode === 'form_post') return html(200, formPostPage(redirectUri, fields), extra);
  const qs = new URLSearchParams(fields).toString();
  if (responseMode === 'fragment') return redirect(`${redirectUri}#${qs}`, extra);
  return redirect(`${redirectUri}${redirectUri.includes('?') ? '&' : '?'}${qs}`, extra);
}

/** Error redirect with the fields MSAL reads (error, error_description, suberror, trace ids; §1.3). */
export function redirectError(
  ctx: IdpContext,
  req: IncomingMessage,
  e: AadstsError,
  redirectUri: string,
  params: Readonly<Record<string, string>>,
  errorOverride?: string,
): Reply {
  const err = aadError(e.code, e.params, ctx.clock.now(), correlation(req), ctx.authorityHost);
  const fields: Record<string, string> = {
    error: errorOverride ?? err.body.error,
    error_description: err.body.error_description,
    error_uri: err.body.error_uri,
    ...(err.body.suberror ? { suberror: err.body.suberror } : {}),
    timestamp: err.body.timestamp,
    trace_id: err.body.trace_id,
    correlation_id: err.body.correlation_id,
    ...(params.state !== undefined ? { state: params.state } : {}),
  };
  return respondToApp(redirectUri, params.response_mode, fields);
}
