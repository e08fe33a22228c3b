import { useCallback, useEffect, useRef, useState } from 'react';
import type { Channel, ProgressEvent, RequestOf, ResponseOf } from '../../shared/ipc-contract';
import { useChannel } from './use-channel';
import { invoke, onProgress } from './wizard-client';

let counter = 0;
const newOperationId = (): string => `op-${Date.now().toString(36)}-${++counter}`;

/**
 * A long call (sign-in, verification) that reports progress and can be cancelled: the
 * request carries an operation id, progress events with that id are shown, and cancel
 * asks main to abort it.
 */
export function useOperation<C extends Channel>(channel: C) {
  const call = useChannel(channel);
  const [progress, setProgress] = useState<ProgressEvent | undefined>(undefined);
  const current = useRef<string | undefined>(undefined);

  useEffect(
    () =>
      onProgress((event) => {
        if (event.operationId === current.current) setProgress(event);
      }),
    [],
  );

  const { run: runCall } = call;
  const run = useCallback(
    async (request: Omit<RequestOf<C>, 'operationId'>): Promise<ResponseOf<C> | undefined> => {
      const operationId = newOperationId();
      current.current = operationId;
      setProgress(undefined);
      try {
        return await runCall({ ...request, operationId } as RequestOf<C>);
      } finally {
        if (current.current === operationId) current.current = undefined;
      }
    },
    [runCall],
  );

  const cancel = useCallback(() => {
    const id = current.current;
    if (id) void invoke('operation:cancel', { operationId: id });
  }, []);

  return { state: call.state, progress, run, cancel, reset: call.reset };
}
