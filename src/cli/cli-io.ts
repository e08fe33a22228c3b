import { terminalText } from './terminal-text';

/**
 * Where the command writes: results to stdout (clean CSV or JSON for pipes), everything
 * for people (progress, summaries, errors) to stderr. Writes wait for a full pipe to
 * drain, so a 5,000-row report never piles up in memory. Every write goes through
 * `terminalText`: this is the one place where the CLI's output meets the terminal, so a
 * hostile CSV cell or server message cannot steer it.
 */
export interface CliIo {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** For the one question a command asks (`fix` before it changes Exchange); absent in tests. */
  readonly stdin?: NodeJS.ReadStream;
  /** The process's interrupt (Ctrl-C); absent when nothing can interrupt. */
  readonly signal?: AbortSignal;
}

export function write(stream: NodeJS.WritableStream, text: string): Promise<void> | void {
  if (stream.write(terminalText(text))) return;
  return new Promise((resolve) => stream.once('drain', () => resolve()));
}

export const line = (stream: NodeJS.WritableStream, text = ''): Promise<void> | void => write(stream, `${text}\n`);

export const json = (stream: NodeJS.WritableStream, value: unknown): Promise<void> | void =>
  write(stream, `${JSON.stringify(value, null, 2)}\n`);

/**
 * Redraws the current terminal line (a progress bar): carriage return and erase-line are
 * ours, the text between them goes through the same filter as every other write.
 */
export function redraw(stream: NodeJS.WritableStream, text: string): void {
  stream.write(`\r${terminalText(text)}\x1b[K`);
}
