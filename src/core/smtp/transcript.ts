import { format } from 'node:util';
import type { Redactor } from '../redact';

/**
 * Collects nodemailer's log into a readable SMTP transcript. nodemailer calls a bunyan-style
 * logger (`logger.debug({ tnx }, fmt, ...args)`); with `debug: true` the `client` and
 * `server` entries are the protocol lines.
 *
 * Entries are kept as logged, in this object only, and formatted and redacted when `lines()`
 * is asked: a bulk check of thousands of mailboxes that pass never pays for either (each
 * line runs several redaction patterns). Nothing leaves unredacted: `lines()` is the only
 * way out, and the redactor is made only then.
 */

type LogEntry = { readonly tnx?: unknown } | undefined;
type LogMethod = (entry: LogEntry, message?: unknown, ...args: unknown[]) => void;

export interface TranscriptLogger {
  readonly trace: LogMethod;
  readonly debug: LogMethod;
  readonly info: LogMethod;
  readonly warn: LogMethod;
  readonly error: LogMethod;
  readonly fatal: LogMethod;
}

export interface Transcript {
  /** Pass as nodemailer's `logger` (together with `debug: true`). */
  readonly logger: TranscriptLogger;
  /** Adds a line of our own (attempt boundaries, back-off waits). */
  note(text: string): void;
  /** The transcript, formatted and redacted now. */
  lines(): readonly string[];
}

const PREFIX: Readonly<Record<string, string>> = { client: 'C: ', server: 'S: ' };
const SKIPPED_TNX: ReadonlySet<string> = new Set(['create', 'transport', 'proxy', 'OAUTH2']);

/** Message bodies are logged line by line by nodemailer; a cap keeps huge mails readable. */
const MAX_LINES = 2_000;
const MASKED = /^\/\* secret \*\/$/;

interface Entry {
  readonly prefix: string;
  readonly message: unknown;
  readonly args: readonly unknown[];
}

export function createTranscript(redactor: () => Redactor): Transcript {
  const entries: Entry[] = [];

  const log =
    (level: string): LogMethod =>
    (entry, message, ...args) => {
      const tnx = typeof entry?.tnx === 'string' ? entry.tnx : '';
      // The raw message is logged at debug level with tnx "message": keep only its size line.
      if (tnx === 'message' && level === 'debug') return;
      // Library bookkeeping, and the "proxied socket" line our own socket hook triggers.
      if (SKIPPED_TNX.has(tnx) || entries.length >= MAX_LINES) return;
      const prefix = PREFIX[tnx] ?? (level === 'warn' || level === 'error' || level === 'fatal' ? '! ' : '* ');
      entries.push({ prefix, message, args });
    };

  return {
    logger: {
      trace: log('trace'),
      debug: log('debug'),
      info: log('info'),
      warn: log('warn'),
      error: log('error'),
      fatal: log('fatal'),
    },
    note: (text) => void (entries.length < MAX_LINES && entries.push({ prefix: '* ', message: text, args: [] })),
    lines() {
      const redact = redactor();
      const lines: string[] = [];
      for (const { prefix, message, args } of entries) {
        const text = typeof message === 'string' ? format(message, ...args) : format(String(message ?? ''), ...args);
        for (const line of text.split(/\r?\n/)) {
          // nodemailer logs a custom auth handler's commands masked as `/* secret */` (the AUTH
          // line's payload, and the empty answer to a 334 challenge): keep one readable form.
          const raw =
            prefix === PREFIX.client
              ? line.replace(/^(AUTH \S+) \/\* secret \*\/$/i, '$1 *').replace(MASKED, '')
              : line;
          if (lines.length >= MAX_LINES) return lines;
          if (raw === '' && prefix !== PREFIX.client) continue;
          lines.push(redact(prefix + raw));
        }
      }
      return lines;
    },
  };
}
