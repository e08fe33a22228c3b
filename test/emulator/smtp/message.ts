// Just enough RFC 5322 parsing to assert on accepted mail: From, To, Subject (with encoded words).
export interface StoredMessage {
  readonly from: string;
  readonly to: string[];
  readonly subject: string;
  readonly raw: string;
  /** The `user=` mailbox the session authenticated as. */
  readonly authUser: string;
}

export function headerBlock(raw: string): Map<string, string> {
  const end = raw.search(/\r?\n\r?\n/);
  const head = (end >= 0 ? raw.slice(0, end) : raw).replace(/\r?\n[ \t]+/g, ' ');
  const out = new Map<string, string>();
  for (const line of head.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) {
      const name = line.slice(0, i).trim().toLowerCase();
      if (!out.has(name)) out.set(name, line.slice(i + 1).trim());
    }
  }
  return out;
}

/** RFC 2047 encoded words (=?utf-8?B?..?= / Q) as nodemailer writes them. */
export function decodeWords(value: string): string {
  return value
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=\s*/g, (_m, _charset: string, enc: string, text: string) => {
      if (enc.toUpperCase() === 'B') return Buffer.from(text, 'base64').toString('utf8');
      const bytes = text
        .replace(/_/g, ' ')
        .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16)));
      return Buffer.from(bytes, 'latin1').toString('utf8');
    })
    .trim();
}

/** Bare addresses from an address header ("Name <a@b>, c@d"). */
export function addresses(value: string | undefined): string[] {
  if (!value) return [];
  const angle = [...value.matchAll(/<([^>]+)>/g)].map((m) => m[1]!.trim());
  if (angle.length > 0) return angle;
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.includes('@'));
}
