import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestTls } from './test-tls';

/**
 * A real mail server that is not Exchange Online: Debian's Dovecot submission service on
 * 127.0.0.1, with STARTTLS and SASL XOAUTH2 (checked against a passwd-file: the one token it
 * accepts is `acceptedToken`). Dovecot refuses a bad XOAUTH2 login the RFC 7628 way (a 334
 * JSON challenge, then `535 5.7.8`), and greets as itself, which is what issue 11.15 needs.
 * Its log is read back to count AUTH attempts (issue 11.17).
 */
export interface Dovecot {
  readonly port: number;
  /** Lines of Dovecot's log (auth failures appear here). */
  log(): string;
  stop(): Promise<void>;
}

export const DOVECOT_BIN = '/usr/sbin/dovecot';
export const dovecotInstalled = (): boolean => spawnSync(DOVECOT_BIN, ['--version']).status === 0;

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

async function listening(port: number, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`dovecot exited with ${child.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      const c = net.connect(port, '127.0.0.1', () => {
        c.destroy();
        resolve(true);
      });
      c.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('dovecot did not start listening');
}

export async function startDovecot(o: {
  readonly tls: TestTls;
  readonly user: string;
  readonly acceptedToken: string;
}): Promise<Dovecot> {
  if (!dovecotInstalled()) {
    throw new Error('Dovecot is not installed: apt-get install dovecot-core dovecot-submissiond (.ci/run does)');
  }
  const dir = mkdtempSync(join(tmpdir(), 'sow-dovecot-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const file = (name: string, text: string): string => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const cert = file('cert.pem', o.tls.certPem);
  const key = file('key.pem', o.tls.keyPem);
  const users = file('users', `${o.user}:{PLAIN}${o.acceptedToken}\n`);
  chmodSync(users, 0o644);
  const log = join(dir, 'dovecot.log');
  const conf = file(
    'dovecot.conf',
    [
      `base_dir = ${join(dir, 'run')}`,
      `state_dir = ${join(dir, 'state')}`,
      `log_path = ${log}`,
      'protocols = submission',
      'listen = 127.0.0.1',
      'hostname = mail.example.org',
      'ssl = required',
      `ssl_cert = <${cert}`,
      `ssl_key = <${key}`,
      'auth_mechanisms = xoauth2',
      'auth_verbose = yes',
      'submission_relay_host = 127.0.0.1',
      'submission_relay_port = 9',
      `mail_location = maildir:${join(dir, 'mail')}`,
      'passdb {',
      '  driver = passwd-file',
      `  args = ${users}`,
      '}',
      'userdb {',
      '  driver = static',
      `  args = uid=nobody gid=nogroup home=${join(dir, 'home')}`,
      '}',
      'service submission-login {',
      '  inet_listener submission {',
      `    port = ${port}`,
      '  }',
      '}',
      'service imap-login {',
      '  inet_listener imap {',
      '    port = 0',
      '  }',
      '  inet_listener imaps {',
      '    port = 0',
      '  }',
      '}',
      '',
    ].join('\n'),
  );
  const child = spawn(DOVECOT_BIN, ['-F', '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  try {
    await listening(port, child);
  } catch (e) {
    child.kill('SIGKILL');
    throw new Error(`${(e as Error).message}: ${stderr}`);
  }
  return {
    port,
    log: () => {
      try {
        return readFileSync(log, 'utf8');
      } catch {
        return '';
      }
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise<void>((r) => child.once('exit', () => r()));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
