import type { HttpResponse } from '../net/http-client';
import { ExchangeAdminError } from './admin-error';

/** One page of a successful InvokeCommand answer (reference §14.1.4). */
export interface InvokePage {
  readonly rows: readonly Record<string, unknown>[];
  readonly warnings: readonly string[];
  readonly nextLink?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parse(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/** Exchange's readable text: `details[0].message` (`id|type|text`), else innererror, else `message`. */
function cmdletFailure(json: unknown): { errorId?: string; exceptionType?: string; text: string } | undefined {
  const error = isObject(json) && isObject(json.error) ? json.error : undefined;
  if (!error) return undefined;
  const details = Array.isArray(error.details) ? error.details : [];
  const first = details.find(isObject);
  const inner =
    isObject(error.innererror) && isObject(error.innererror.internalException) ? error.innererror : undefined;
  const raw =
    (typeof first?.message === 'string' && first.message) ||
    (inner && isObject(inner.internalException) && typeof inner.internalException.message === 'string'
      ? inner.internalException.message
      : '') ||
    (typeof error.message === 'string' ? error.message : '');
  const parts = raw.split('|');
  if (parts.length >= 3) return { errorId: parts[0]!, exceptionType: parts[1]!, text: parts.slice(2).join('|') };
  return { text: raw };
}

const NOT_RECOGNIZED = /is not recognized as (?:the |a )?name of a cmdlet/i;
const THROTTLED = /maximum number of concurrent requests/i;

/** A page, or the ExchangeAdminError that says what went wrong. */
export function readInvokeResponse(cmdlet: string, res: HttpResponse): InvokePage {
  const json = parse(res.body);
  if (res.status === 200) {
    // Exchange sometimes answers non-JSON on success (ExoHelper); a proxy's page looks the same,
    // so it is not taken as success: the steps are idempotent and can simply run again.
    if (!isObject(json) || (json.value !== undefined && json.value !== null && !Array.isArray(json.value)))
      throw new ExchangeAdminError('unavailable', cmdlet, 'Exchange answered something other than JSON.', {
        status: 200,
      });
    const rows = Array.isArray(json.value) ? json.value.filter(isObject) : [];
    const warnings = Array.isArray(json['@adminapi.warnings'])
      ? json['@adminapi.warnings'].filter((w): w is string => typeof w === 'string')
      : [];
    const next = json['@odata.nextLink'];
    return { rows, warnings, ...(typeof next === 'string' && next ? { nextLink: next } : {}) };
  }
  const failure = cmdletFailure(json);
  const text = failure?.text || res.body.slice(0, 300) || `HTTP ${res.status}`;
  const o = {
    status: res.status,
    ...(failure?.errorId ? { errorId: failure.errorId } : {}),
    ...(failure?.exceptionType ? { exceptionType: failure.exceptionType } : {}),
  };
  const type = failure?.exceptionType ?? res.headers['x-exceptiontype'] ?? '';
  if (res.status === 401) throw new ExchangeAdminError('auth', cmdlet, text, o);
  if (res.status === 403 || /CommandNotFoundException/.test(type) || NOT_RECOGNIZED.test(text))
    throw new ExchangeAdminError('not-admin', cmdlet, text, o);
  if (res.status === 429 || THROTTLED.test(text)) throw new ExchangeAdminError('throttled', cmdlet, text, o);
  // Without Exchange's envelope, a 404 or 5xx is the endpoint itself (moved, down, or a proxy).
  if (!failure || res.status >= 500) throw new ExchangeAdminError('unavailable', cmdlet, text, o);
  if (/ManagementObjectNotFoundException/.test(type) || res.status === 404)
    throw new ExchangeAdminError('not-found', cmdlet, text, o);
  // CIPP matches "already exist" for a duplicate New-ServicePrincipal (reference §14.2.1).
  if (/already exist/i.test(text)) throw new ExchangeAdminError('already-exists', cmdlet, text, o);
  throw new ExchangeAdminError('cmdlet', cmdlet, text, o);
}
