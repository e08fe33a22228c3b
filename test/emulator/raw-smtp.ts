// A bare SMTP client over node:net/node:tls, to check the emulator's exact wire replies (§7.2).
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';

export class RawSmtp {
  private buffer = '';
  private waiters: Array<() => void> = [];
  private closed = false;

  private constructor(
    private socket: Socket | TLSSocket,
    private readonly ca: string,
  ) {
    this.attach(socket);
  }

  static async open(port: number, ca: string): Promise<{ client: RawSmtp; greeting: string }> {
    const socket = netConnect(port, '127.0.0.1');
    const client = new RawSmtp(socket, ca);
    const greeting = await client.reply();
    return { client, greeting };
  }

  /** Opened, EHLO, STARTTLS and EHLO again: ready for AUTH, as every login test needs it. */
  static async openSecured(port: number, ca: string, ehloName = 'client.example'): Promise<RawSmtp> {
    const { client } = await RawSmtp.open(port, ca);
    await client.command(`EHLO ${ehloName}`);
    await client.startTls();
    await client.command(`EHLO ${ehloName}`);
    return client;
  }

  private attach(socket: Socket | TLSSocket): void {
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => {
      this.buffer += d;
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    socket.on('error', () => {
      this.closed = true;
      this.wake();
    });
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    w.forEach((f) => f());
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** One complete (possibly multi-line) reply, lines joined with \n; '' when the server hung up. */
  async reply(): Promise<string> {
    for (;;) {
      const lines = this.buffer.split('\r\n');
      for (let i = 0; i < lines.length - 1; i++) {
        if (/^\d{3} /.test(lines[i]!) || /^\d{3}$/.test(lines[i]!)) {
          const out = lines.slice(0, i + 1).join('\n');
          this.buffer = lines.slice(i + 1).join('\r\n');
          return out;
        }
      }
      if (this.closed) return '';
      await new Promise<void>((r) => this.waiters.push(r));
    }
  }

  async command(line: string): Promise<string> {
    this.socket.write(line + '\r\n');
    return this.reply();
  }

  /** STARTTLS then TLS with the emulator's CA; returns the 220 reply. */
  async startTls(): Promise<string> {
    const answer = await this.command('STARTTLS');
    const plain = this.socket;
    plain.removeAllListeners('data');
    const secure = tlsConnect({ socket: plain, ca: this.ca, servername: 'localhost' });
    await new Promise<void>((resolve, reject) => {
      secure.once('secureConnect', resolve);
      secure.once('error', reject);
    });
    this.socket = secure;
    this.attach(secure);
    return answer;
  }

  close(): void {
    this.socket.destroy();
  }
}

export function xoauth2(user: string, token: string): string {
  return Buffer.from(`user=${user}\x01auth=Bearer ${token}\x01\x01`).toString('base64');
}
