import { readFile } from 'node:fs/promises';
import type { CliIo } from './cli-io';
import { UsageError } from './exit-codes';

/** Where a script puts the bundle passphrase (never on the command line, where `ps` shows it). */
export const PASSPHRASE_ENV = 'SMTP_OAUTH_WIZARD_PASSPHRASE';

export interface PassphraseSource {
  /** `--passphrase-file FILE`: its first line. */
  readonly file?: string;
  /** Ask twice (a new passphrase) or once (an existing one) when asking on the terminal. */
  readonly confirm: boolean;
  /** What the usage error says when there is no way to get one. */
  readonly missing: string;
}

/** The passphrase from --passphrase-file, the environment, or typed on the terminal (not echoed). */
export async function passphraseFrom(io: CliIo, source: PassphraseSource): Promise<string> {
  if (source.file !== undefined) {
    let text: string;
    try {
      text = await readFile(source.file, 'utf8');
    } catch {
      throw new UsageError('USAGE', `cannot read the passphrase file ${source.file}`);
    }
    return text.split(/\r?\n/)[0] ?? '';
  }
  const fromEnv = io.env[PASSPHRASE_ENV];
  if (fromEnv) return fromEnv;
  const first = await askHidden(io, 'Passphrase: ');
  if (first === undefined) throw new UsageError('USAGE', source.missing);
  if (source.confirm && (await askHidden(io, 'Passphrase again: ')) !== first)
    throw new UsageError('BUNDLE_PASSPHRASE_MISMATCH', 'the two passphrases differ; nothing was written');
  return first;
}

/** One line typed on a terminal without echo; undefined when stdin is not a terminal. */
export function askHidden(io: CliIo, question: string): Promise<string | undefined> {
  const input = io.stdin;
  if (!input?.isTTY) return Promise.resolve(undefined);
  io.stderr.write(question);
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (): void => {
      input.removeListener('data', onData);
      input.setRawMode(false);
      input.pause();
      io.stderr.write('\n');
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          finish();
          resolve(typed);
          return;
        }
        if (ch === '\u0003') {
          finish();
          reject(new UsageError('CANCELLED', 'cancelled; nothing was written'));
          return;
        }
        typed = ch === '\u007f' || ch === '\b' ? [...typed].slice(0, -1).join('') : typed + ch;
      }
    };
    input.on('data', onData);
  });
}
