// What a Graph handler gets: the shared world, the caller and the request's parts.
import { type IncomingMessage } from 'node:http';
import { type Clock } from '../clock';
import { type Directory } from '../directory';
import { type Reply } from '../idp/http';
import { type Caller } from './auth';
import { type JsonRecord } from './odata';
import { type GraphSwitches } from './switches';

export interface GraphContext {
  readonly directory: Directory;
  readonly clock: Clock;
  readonly switches: GraphSwitches;
  readonly signingCertPem: string;
  /** 'https://127.0.0.1:PORT' once listening. */
  graphHost: string;
}

export interface GraphRequest {
  readonly ctx: GraphContext;
  readonly req: IncomingMessage;
  readonly method: string;
  /** Path segments after /v1.0 (and /myorganization), alternate keys kept with their segment. */
  readonly segments: readonly string[];
  readonly query: URLSearchParams;
  readonly body: JsonRecord;
  readonly caller: Caller;
}

export type GraphHandler = (g: GraphRequest) => Reply | undefined;

export const odataContext = (g: GraphRequest, entity: string): string => `${g.ctx.graphHost}/v1.0/$metadata#${entity}`;
