// The `smtp-oauth-wizard` command: bundled to out/cli/index.mjs and its per-command chunks; the
// package bin, out/cli/index.cjs, imports it.
import { main } from './main';

// The first Ctrl-C cancels what is running (a check stops and records nothing); a second one kills.
const interrupt = new AbortController();
process.once('SIGINT', () => interrupt.abort());

void main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  signal: interrupt.signal,
}).then((code) => {
  // Exit once stdout is flushed: keychain and socket handles must not keep a script waiting.
  process.stdout.write('', () => process.exit(code));
});
