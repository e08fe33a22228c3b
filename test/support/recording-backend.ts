import type { CredentialBackend } from '../../src/core/secrets/credential-backend';

/** Wraps a backend and remembers the size of every entry written, to check per-entry limits. */
export function recording(
  backend: CredentialBackend,
): CredentialBackend & { readonly writes: { account: string; bytes: number }[] } {
  const writes: { account: string; bytes: number }[] = [];
  return {
    name: backend.name,
    writes,
    get: (a) => backend.get(a),
    set: (a, v) => {
      writes.push({ account: a, bytes: Buffer.byteLength(v, 'utf8') });
      return backend.set(a, v);
    },
    delete: (a) => backend.delete(a),
    accounts: () => backend.accounts(),
  };
}

/** A plain Map backend for tests of the chunking logic itself. */
export function mapBackend(): CredentialBackend & { readonly map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    name: 'map',
    map,
    get: async (a) => map.get(a) ?? null,
    set: async (a, v) => void map.set(a, v),
    delete: async (a) => map.delete(a),
    accounts: async () => [...map.keys()],
  };
}
