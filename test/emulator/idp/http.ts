// Small response helpers: handlers return a Reply; the server writes it (after faults and logging).
import { type IncomingMessage } from 'node:http';

export interface Reply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[]>>;
  readonly body: string;
  /** Set on JSON replies, so the malformed-JSON fault knows what to garble. */
  readonly json?: boolean;
  /** For the request log. */
  readonly grantType?: string;
}

const noStore = { 'Cache-Control': 'no-store, no-cache', Pragma: 'no-cache' };

/** JSON with the headers real token responses carry (§1.6). */
export function json(status: number, body: unknown, extra: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { ...noStore, 'Content-Type': 'application/json; charset=utf-8', ...extra },
    body: JSON.stringify(body),
    json: true,
  };
}

export function html(status: number, body: string, extra: Record<string, string | string[]> = {}): Reply {
  return { status, headers: { ...noStore, 'Content-Type': 'text/html; charset=utf-8', ...extra }, body };
}

export function redirect(location: string, extra: Record<string, string | string[]> = {}): Reply {
  return { status: 302, headers: { ...noStore, Location: location, ...extra }, body: '' };
}

export async function readBody(req: IncomingMessage, limit = 1_000_000): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) throw new Error('request body too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function formToRecord(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}

export function cookie(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}
