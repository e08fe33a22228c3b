// The little OData the wizard's calls use: `$select`, `$filter` with `eq` joined by `and` (plus
// `tags/any(t:t eq '…')`), and alternate keys such as `(appId='…')` (reference §13.3.5).
import { graphErrors, GraphError } from './errors';

export type JsonRecord = Record<string, unknown>;

/** `$select=id,appId`: only those properties (Graph also keeps `id` out unless asked). */
export function select(obj: JsonRecord, query: URLSearchParams): JsonRecord {
  const raw = query.get('$select');
  if (!raw) return obj;
  const wanted = raw.split(',').map((s) => s.trim().toLowerCase());
  return Object.fromEntries(Object.entries(obj).filter(([k]) => wanted.includes(k.toLowerCase())));
}

type Clause =
  | { readonly kind: 'eq'; readonly field: string; readonly value: string | null }
  | { readonly kind: 'tag'; readonly value: string };

function parseClause(text: string): Clause {
  const tag = /^tags\/any\((\w+):\s*\1\s+eq\s+'((?:[^']|'')*)'\)$/i.exec(text);
  if (tag) return { kind: 'tag', value: tag[2]!.replace(/''/g, "'") };
  const eq = /^(\w+)\s+eq\s+(?:'((?:[^']|'')*)'|(null))$/i.exec(text);
  if (!eq) throw new GraphError(400, 'Request_UnsupportedQuery', 'Unsupported Query.');
  return { kind: 'eq', field: eq[1]!, value: eq[3] ? null : eq[2]!.replace(/''/g, "'") };
}

/** A predicate for `$filter`; everything passes without one. */
export function filter(query: URLSearchParams): (obj: JsonRecord) => boolean {
  const raw = query.get('$filter');
  if (!raw) return () => true;
  const clauses = raw.split(/\s+and\s+/i).map((c) => parseClause(c.trim()));
  return (obj) =>
    clauses.every((c) => {
      if (c.kind === 'tag') return Array.isArray(obj.tags) && obj.tags.includes(c.value);
      const key = Object.keys(obj).find((k) => k.toLowerCase() === c.field.toLowerCase());
      const v = key === undefined ? undefined : obj[key];
      if (c.value === null) return v === null || v === undefined;
      return typeof v === 'string' && v.toLowerCase() === c.value.toLowerCase();
    });
}

export function collection(items: readonly JsonRecord[], query: URLSearchParams, context: string): JsonRecord {
  const keep = filter(query);
  return { '@odata.context': context, value: items.filter(keep).map((i) => select(i, query)) };
}

/** `(appId='…')` alternate key, key name matched case-insensitively as CIPP relies on. */
export function alternateKey(segment: string): { readonly key: string; readonly value: string } | undefined {
  const m = /^\((\w+)='([^']*)'\)$/.exec(segment);
  return m ? { key: m[1]!.toLowerCase(), value: m[2]! } : undefined;
}

export function parseJsonBody(text: string): JsonRecord {
  if (!text.trim()) return {};
  try {
    const v = JSON.parse(text) as unknown;
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as JsonRecord;
  } catch {
    // falls through
  }
  throw graphErrors.badRequest(
    'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
  );
}
