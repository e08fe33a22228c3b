import { useCallback, useEffect, useRef, useState } from 'react';
import type { BulkCounts, BulkRow, BulkRunSummary } from '../../shared/bulk-check';
import type { RequestOf } from '../../shared/ipc-contract';
import type { Problem } from '../../shared/problem';
import { invoke, onProgress } from '../ipc/wizard-client';

export type BulkRunState =
  | { readonly status: 'idle' }
  | { readonly status: 'running' }
  | { readonly status: 'done'; readonly summary: BulkRunSummary }
  | { readonly status: 'error'; readonly problem: Problem };

let counter = 0;

/**
 * One bulk run seen from the window: the rows main streams (one progress event each) are
 * collected outside React state and copied into it at most once a frame, so thousands of rows do
 * not mean thousands of renders. Rows keep arriving for the last run until the next one
 * starts, whatever order the final answer and the last events come in.
 */
export function useBulkRun() {
  const rows = useRef<BulkRow[]>([]);
  const latest = useRef<BulkCounts | undefined>(undefined);
  const current = useRef<string | undefined>(undefined);
  const frame = useRef<number | undefined>(undefined);
  const [counts, setCounts] = useState<BulkCounts | undefined>(undefined);
  const [shown, setShown] = useState<readonly BulkRow[]>([]);
  const [state, setState] = useState<BulkRunState>({ status: 'idle' });

  const flush = useCallback(() => {
    frame.current = undefined;
    setCounts(latest.current);
    setShown(rows.current.slice());
  }, []);

  useEffect(
    () =>
      onProgress((event) => {
        if (event.operationId !== current.current || !event.bulk) return;
        if (event.bulk.row) rows.current.push(event.bulk.row);
        if (!latest.current || event.bulk.counts.done >= latest.current.done) latest.current = event.bulk.counts;
        frame.current ??= requestAnimationFrame(flush);
      }),
    [flush],
  );
  useEffect(() => () => (frame.current !== undefined ? cancelAnimationFrame(frame.current) : undefined), []);

  const start = useCallback(
    async (request: Omit<RequestOf<'bulk:run'>, 'operationId'>) => {
      const operationId = `bulk-${Date.now().toString(36)}-${++counter}`;
      current.current = operationId;
      rows.current = [];
      latest.current = undefined;
      setCounts(undefined);
      setShown([]);
      setState({ status: 'running' });
      const result = await invoke('bulk:run', { ...request, operationId });
      if (current.current !== operationId) return;
      flush();
      setState(result.ok ? { status: 'done', summary: result.value } : { status: 'error', problem: result.problem });
    },
    [flush],
  );

  const cancel = useCallback(() => {
    if (current.current) void invoke('operation:cancel', { operationId: current.current });
  }, []);

  return { state, counts, rows: shown, start, cancel };
}
