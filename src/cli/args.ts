import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './exit-codes';

/** Options every command understands. */
export const globalOptions = {
  json: { type: 'boolean' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface Parsed {
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
}

/** Strict parsing: an unknown flag is a one-line usage error, not silently ignored. */
export function parseCommandArgs(args: readonly string[], options: OptionSpec): Parsed {
  try {
    const r = parseArgs({
      args: [...args],
      options: { ...globalOptions, ...options },
      allowPositionals: true,
      strict: true,
    });
    return { positionals: r.positionals, values: r.values as Record<string, string | boolean | undefined> };
  } catch (e) {
    const message = e instanceof Error ? (e.message.split('\n')[0] ?? 'bad arguments') : 'bad arguments';
    throw new UsageError('USAGE', message.replace(/\. To specify a positional argument.*$/, '').trim());
  }
}

export const stringOpt = (p: Parsed, name: string): string | undefined => {
  const v = p.values[name];
  return typeof v === 'string' ? v : undefined;
};

export const flag = (p: Parsed, name: string): boolean => p.values[name] === true;

export function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    throw new UsageError('USAGE', `--${name} must be a whole number from 1 to 1000 (got "${value}")`);
  return n;
}
