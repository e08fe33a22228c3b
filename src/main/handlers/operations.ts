/**
 * Long operations the window can cancel by id. Each gets its own AbortController, also
 * aborted when the window that asked goes away (the dispatch context's signal).
 */
export interface Operations {
  run<T>(id: string, parent: AbortSignal, work: (signal: AbortSignal) => Promise<T>): Promise<T>;
  cancel(id: string): boolean;
}

export function createOperations(): Operations {
  const running = new Map<string, AbortController>();
  return {
    async run(id, parent, work) {
      const controller = new AbortController();
      const onParentAbort = (): void => controller.abort();
      if (parent.aborted) controller.abort();
      parent.addEventListener('abort', onParentAbort, { once: true });
      running.set(id, controller);
      try {
        return await work(controller.signal);
      } finally {
        running.delete(id);
        parent.removeEventListener('abort', onParentAbort);
      }
    },
    cancel(id) {
      const controller = running.get(id);
      controller?.abort();
      return controller !== undefined;
    },
  };
}
