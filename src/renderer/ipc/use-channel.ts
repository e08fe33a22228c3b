import { useCallback, useEffect, useRef, useState } from 'react';
import type { Channel, RequestOf, ResponseOf } from '../../shared/ipc-contract';
import type { Problem } from '../../shared/problem';
import { invoke } from './wizard-client';

export type CallState<T> =
  | { readonly status: 'idle' }
  | { readonly status: 'pending' }
  | { readonly status: 'ok'; readonly value: T }
  | { readonly status: 'error'; readonly problem: Problem };

/**
 * One channel call as React state. `run` starts it (a newer run makes older answers
 * stale, so a slow reply never overwrites a newer one); errors are Problems to render.
 */
export function useChannel<C extends Channel>(
  channel: C,
): {
  readonly state: CallState<ResponseOf<C>>;
  run(request: RequestOf<C>): Promise<ResponseOf<C> | undefined>;
  reset(): void;
} {
  const [state, setState] = useState<CallState<ResponseOf<C>>>({ status: 'idle' });
  const generation = useRef(0);
  const run = useCallback(
    async (request: RequestOf<C>) => {
      const mine = ++generation.current;
      setState({ status: 'pending' });
      const result = await invoke(channel, request);
      if (mine !== generation.current) return undefined;
      setState(result.ok ? { status: 'ok', value: result.value } : { status: 'error', problem: result.problem });
      return result.ok ? result.value : undefined;
    },
    [channel],
  );
  const reset = useCallback(() => {
    generation.current++;
    setState({ status: 'idle' });
  }, []);
  return { state, run, reset };
}

/**
 * Calls a channel when the component appears, again when `request` changes (pass a
 * stable or memoized value) and on `reload`.
 */
export function useChannelOnMount<C extends Channel>(
  channel: C,
  request: RequestOf<C>,
): CallState<ResponseOf<C>> & { reload(): void } {
  const { state, run } = useChannel(channel);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    void run(request);
  }, [run, request, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
