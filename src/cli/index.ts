// The `smtp-oauth-wizard` command (package bin, bundled to out/cli/index.cjs).
import { main } from './main';

void main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
}).then((code) => {
  // Exit once stdout is flushed: keychain and socket handles must not keep a script waiting.
  process.stdout.write('', () => process.exit(code));
});
