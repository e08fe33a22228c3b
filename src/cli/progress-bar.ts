import { redraw } from './cli-io';

/**
 * A one-line progress bar for terminals (stderr, so stdout stays clean for CSV or JSON).
 * Redraws at most every 100 ms; does nothing when stderr is not a TTY (CI logs, pipes).
 */
export interface ProgressBar {
  update(done: number, failed: number): void;
  /** Empties the bar's line so a message can be printed; the next update draws it again. */
  clear(): void;
  finish(): void;
}

const SILENT: ProgressBar = { update: () => undefined, clear: () => undefined, finish: () => undefined };

export function progressBar(total: number, label: string, stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  if (!stream.isTTY || total <= 0) return SILENT;
  const started = Date.now();
  let lastDraw = 0;
  let drawn = false;
  const draw = (done: number, failed: number): void => {
    const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 50));
    const filled = Math.round((Math.min(done, total) / total) * width);
    const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
    redraw(
      stream,
      `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${failed} failed ${rate.toFixed(0)}/s`,
    );
    drawn = true;
  };
  return {
    update(done, failed) {
      const now = Date.now();
      if (now - lastDraw < 100 && done < total) return;
      lastDraw = now;
      draw(done, failed);
    },
    clear() {
      if (drawn) redraw(stream, '');
      drawn = false;
      lastDraw = 0;
    },
    finish() {
      if (drawn) stream.write('\n');
    },
  };
}
