/**
 * A Graph answer other than 2xx, parsed from its envelope (reference §13.4.1). The directory
 * mostly answers generic codes, so the kinds below are keyed by (status, code) first and then
 * by the message texts every real tool matches on (§13.4.2, §13.5.2).
 */
export class GraphRequestError extends Error {
  readonly status: number;
  readonly code: string;
  /** `details[].code` values (e.g. NoBackingApplicationObject, InvalidKeyEndDate). */
  readonly detailCodes: readonly string[];
  readonly requestId: string | undefined;
  /** `METHOD /path` without the query, for the support detail. */
  readonly call: string;
  /** Set when the replication budget ran out while this kept coming back. */
  replicationTimedOut = false;

  constructor(o: {
    status: number;
    code: string;
    message: string;
    detailCodes?: readonly string[];
    requestId?: string;
    call: string;
  }) {
    super(o.message);
    this.name = 'GraphRequestError';
    this.status = o.status;
    this.code = o.code;
    this.detailCodes = o.detailCodes ?? [];
    this.requestId = o.requestId;
    this.call = o.call;
  }
}

export const isGraphError = (e: unknown): e is GraphRequestError => e instanceof GraphRequestError;

/** Parses Graph's error envelope; a body that is not one still gives a usable error. */
export function graphErrorFrom(status: number, body: string, headers: Readonly<Record<string, string>>, call: string) {
  let code = `HTTP_${status}`;
  let message = '';
  let detailCodes: string[] = [];
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
    const err = parsed.error;
    if (err && typeof err === 'object') {
      if (typeof err.code === 'string') code = err.code;
      if (typeof err.message === 'string') message = err.message;
      if (Array.isArray(err.details))
        detailCodes = err.details
          .map((d: unknown) => (d && typeof d === 'object' ? (d as { code?: unknown }).code : undefined))
          .filter((c): c is string => typeof c === 'string');
    }
  } catch {
    message = body.slice(0, 200);
  }
  return new GraphRequestError({
    status,
    code,
    message,
    detailCodes,
    ...(headers['request-id'] ? { requestId: headers['request-id'] } : {}),
    call,
  });
}

const REPLICATION_TEXTS = [
  'does not reference a valid application object',
  'does not exist or one of its queried reference-property objects are not present',
  'Not a valid reference update',
  'service principal being created must in the local tenant',
];

/** A just-created object not visible yet (§13.5.2): worth waiting for, with backoff. */
export function isReplicationLag(e: GraphRequestError): boolean {
  if (e.detailCodes.includes('NoBackingApplicationObject')) return true;
  if (![400, 403, 404].includes(e.status)) return false;
  return (
    (e.status === 404 && e.code === 'Request_ResourceNotFound') || REPLICATION_TEXTS.some((t) => e.message.includes(t))
  );
}

/** Creating what already exists (§13.3.6, §13.3.8, §13.3.9): the step is done, read it instead. */
export function isDuplicate(e: GraphRequestError): boolean {
  return (
    (e.status === 409 && e.code === 'Request_MultipleObjectsWithSameKeyValue') ||
    e.message.includes('Permission being assigned already exists on the object')
  );
}

/** The tenant's app management policy forbids client secrets (§13.3.3; CIPP matches this text). */
export const secretsBlocked = (e: GraphRequestError): boolean =>
  e.message.includes('Credential type not allowed as per assigned policy') ||
  e.code === 'CredentialTypeNotAllowedAsPerAppPolicy';

/** The policy caps secret lifetimes below what was asked (§13.3.3). */
export const secretLifetimeTooLong = (e: GraphRequestError): boolean =>
  e.code === 'CredentialInvalidLifetimeAsPerAppPolicy' || e.detailCodes.includes('InvalidKeyEndDate');

export const accessDenied = (e: GraphRequestError): boolean =>
  e.status === 403 && e.code === 'Authorization_RequestDenied';
