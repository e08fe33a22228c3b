import type { CredentialBackend } from '../../src/core/secrets/credential-backend';

/** Wraps a backend and remembers every call and the size of every entry written. */
export function recording(backend: CredentialBackend): CredentialBackend & {
  readonly writes: { account: string; bytes: number }[];
  /** Every call in order, e.g. `get profile/1/refresh-token`. */
  readonly calls: string[];
} {
  const writes: { account: string; bytes: number }[] = [];
  const calls: string[] = [];
  return {
    name: backend.name,
    writes,
    calls,
    get: (a) => (calls.push(`get ${a}`), backend.get(a)),
    set: (a, v) => {
      calls.push(`set ${a}`);
      writes.push({ account: a, bytes: Buffer.byteLength(v, 'utf8') });
      return backend.set(a, v);
    },
    delete: (a) => (calls.push(`delete ${a}`), backend.delete(a)),
  };
}

/** A plain Map backend for tests of the entry logic itself. */
export function mapBackend(): CredentialBackend & { readonly map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    name: 'map',
    map,
    get: async (a) => map.get(a) ?? null,
    set: async (a, v) => void map.set(a, v),
    delete: async (a) => map.delete(a),
  };
}
