// Graph's error envelope (reference §13.4.1): status + {"error":{code, message, details?, innerError}}
// with innerError.date, request-id and client-request-id (echoing the caller's), and the same ids as
// response headers.
import { randomUUID } from 'node:crypto';
import { type IncomingMessage } from 'node:http';
import { json, type Reply } from '../idp/http';

export interface ErrorDetail {
  readonly code: string;
  readonly message: string;
  readonly target?: string;
}

/** Thrown inside Graph handlers; the server turns it into the envelope. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: readonly ErrorDetail[],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

/** §13.4.2 texts, exact where the reference quotes them. */
export const graphErrors = {
  denied: () =>
    new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'),
  notFound: (id: string) =>
    new GraphError(
      404,
      'Request_ResourceNotFound',
      `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
    ),
  badRequest: (message = 'One or more properties are invalid.', details?: ErrorDetail[]) =>
    new GraphError(400, 'Request_BadRequest', message, details),
  unauthenticated: (message: string) => new GraphError(401, 'InvalidAuthenticationToken', message),
};

function requestIds(req: IncomingMessage): { requestId: string; clientRequestId: string } {
  const sent = req.headers['client-request-id'];
  const requestId = randomUUID();
  return { requestId, clientRequestId: typeof sent === 'string' && sent ? sent : requestId };
}

export function errorEnvelope(req: IncomingMessage, e: GraphError, now: number): Reply {
  const ids = requestIds(req);
  const body = {
    error: {
      code: e.code,
      message: e.message,
      ...(e.details ? { details: e.details } : {}),
      innerError: {
        date: new Date(now).toISOString().replace(/\.\d{3}Z$/, ''),
        'request-id': ids.requestId,
        'client-request-id': ids.clientRequestId,
      },
    },
  };
  return json(e.status, body, {
    'request-id': ids.requestId,
    'client-request-id': ids.clientRequestId,
    ...e.headers,
  });
}

/** Success replies carry the ids as headers too. */
export function graphJson(req: IncomingMessage, status: number, body: unknown): Reply {
  const ids = requestIds(req);
  if (status === 204)
    return {
      status,
      headers: { 'request-id': ids.requestId, 'client-request-id': ids.clientRequestId },
      body: '',
    };
  return json(status, body, { 'request-id': ids.requestId, 'client-request-id': ids.clientRequestId });
}
