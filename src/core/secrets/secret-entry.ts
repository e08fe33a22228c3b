import { createHash } from 'node:crypto';
import { MAX_ENTRY_BYTES } from './credential-backend';

/**
 * How a value is laid out in keychain entries (Windows caps one entry at 2,560 bytes).
 * The entry under the key itself is one of:
 * - `sow1:t:<text>`: the value itself, when it is printable ASCII and fits (tokens, secrets,
 *   most PEM keys): one entry, one call to read or write;
 * - `sow1:b:<base64>`: the value base64-encoded, when it is other text that fits;
 * - `sow1:<gen>:<count>:<sum>`: a manifest for larger values, whose base64 is split into
 *   `count` chunk entries `<key>#<gen>.<i>` with a checksum, written chunks first and the
 *   manifest last so a reader never sees half a value.
 */
export type StoredForm =
  | { readonly kind: 'inline'; readonly value: string }
  | { readonly kind: 'chunked'; readonly gen: number; readonly count: number; readonly sum: string };

/** What a write needs to know about the entry it replaces (chunks to remove afterwards). */
export type Previous = { readonly kind: 'absent' | 'inline' } | Extract<StoredForm, { kind: 'chunked' }>;

const CHUNK_CHARS = 2048; // base64 is ASCII: 2,048 bytes per entry, well under the cap
const MANIFEST = /^sow1:(\d+):(\d+):([0-9a-f]{16})$/;
const TEXT = 'sow1:t:';
const B64 = 'sow1:b:';
const PRINTABLE = /^[\t\n\r\x20-\x7e]*$/;

export const chunkAccount = (key: string, gen: number, i: number): string => `${key}#${gen}.${i}`;
export const checksum = (b64: string): string => createHash('sha256').update(b64).digest('hex').slice(0, 16);

/** The stored form of one entry, or undefined when it is not one of ours (damaged). */
export function decodeEntry(raw: string): StoredForm | undefined {
  if (raw.startsWith(TEXT)) return { kind: 'inline', value: raw.slice(TEXT.length) };
  if (raw.startsWith(B64)) return { kind: 'inline', value: Buffer.from(raw.slice(B64.length), 'base64').toString() };
  const m = MANIFEST.exec(raw);
  return m ? { kind: 'chunked', gen: Number(m[1]), count: Number(m[2]), sum: m[3] ?? '' } : undefined;
}

/** The one entry for a value that fits inline, or undefined when it needs chunks. */
export function inlineEntry(value: string): string | undefined {
  if (PRINTABLE.test(value) && TEXT.length + value.length <= MAX_ENTRY_BYTES) return TEXT + value;
  const b64 = Buffer.from(value, 'utf8').toString('base64');
  return B64.length + b64.length <= MAX_ENTRY_BYTES ? B64 + b64 : undefined;
}

/** Chunk contents and manifest for a value too large for one entry. */
export function chunkedEntries(value: string, gen: number): { chunks: string[]; manifest: string } {
  const b64 = Buffer.from(value, 'utf8').toString('base64');
  const count = Math.max(1, Math.ceil(b64.length / CHUNK_CHARS));
  const chunks = Array.from({ length: count }, (_, i) => b64.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS));
  return { chunks, manifest: `sow1:${gen}:${count}:${checksum(b64)}` };
}
