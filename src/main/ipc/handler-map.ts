import type { Channel, ParsedRequestOf, ResponseOf } from '../../shared/ipc-contract';
import type { ProgressEvent } from '../../shared/ipc-contract';

/** What every handler gets besides its request: a way to report progress and be cancelled. */
export interface HandlerContext {
  readonly signal: AbortSignal;
  progress(event: Omit<ProgressEvent, 'operationId'> & { operationId?: string }): void;
}

/** One async function per channel. Throw ProblemError for diagnosed failures. */
export type HandlerMap = {
  readonly [C in Channel]: (request: ParsedRequestOf<C>, ctx: HandlerContext) => Promise<ResponseOf<C>>;
};
