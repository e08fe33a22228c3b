/**
 * Hands results on in input order although checks finish in any order. Only results
 * that finished ahead of a slower earlier one wait here, and `waitForRoom` stops new work
 * from starting more than `window` rows ahead of the oldest unfinished one, so memory
 * stays bounded however long the list is.
 */
export interface OrderedResults<T> {
  /** Stores result number `index` and passes on every result now in order. */
  put(index: number, value: T): Promise<void>;
  /** Resolves once row `index` may start without exceeding the window. */
  waitForRoom(index: number): Promise<void>;
  /** Resolves when everything put so far has been passed on. */
  drained(): Promise<void>;
}

export function orderedResults<T>(window: number, emit: (value: T) => void | Promise<void>): OrderedResults<T> {
  const held = new Map<number, T>();
  let nextToEmit = 0;
  let chain: Promise<void> = Promise.resolve();
  let waiters: Array<() => void> = [];

  const wakeWaiters = (): void => {
    const ready = waiters;
    waiters = [];
    ready.forEach((w) => w());
  };

  const flush = async (): Promise<void> => {
    while (held.has(nextToEmit)) {
      const value = held.get(nextToEmit) as T;
      held.delete(nextToEmit);
      nextToEmit += 1;
      await emit(value);
    }
    wakeWaiters();
  };

  return {
    put(index, value) {
      held.set(index, value);
      // Emission is serialised: a slow consumer (a full stdout pipe) holds back the rest in order.
      chain = chain.then(flush);
      return chain;
    },
    async waitForRoom(index) {
      while (index - nextToEmit >= window) await new Promise<void>((resolve) => waiters.push(resolve));
    },
    drained: () => chain,
  };
}
