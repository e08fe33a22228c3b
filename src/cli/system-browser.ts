import { spawn } from 'node:child_process';
import type { SystemBrowserPort } from '../core/oauth/login-ports';
import { line, type CliIo } from './cli-io';

/**
 * The system browser from a terminal: the sign-in address is always printed (for a remote
 * shell, or to open it elsewhere), and opened with the OS's opener only when a person is at
 * the terminal. A pipe or CI run never starts a browser.
 */
export function terminalBrowser(io: CliIo, who: string): SystemBrowserPort {
  return {
    async openExternal(url) {
      await line(io.stderr, `Open this address in a web browser and sign in ${who}:`);
      await line(io.stderr, url);
      if (!io.stderr.isTTY) return;
      const opener =
        process.platform === 'win32'
          ? { cmd: 'cmd', args: ['/c', 'start', '', url] }
          : { cmd: process.platform === 'darwin' ? 'open' : 'xdg-open', args: [url] };
      const child = spawn(opener.cmd, opener.args, { stdio: 'ignore', detached: true });
      child.on('error', () => undefined);
      child.unref();
    },
  };
}
