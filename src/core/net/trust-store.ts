import { readFileSync } from 'node:fs';
import tls from 'node:tls';

/**
 * The certificates this app trusts, for sign-in and SMTP alike: Node's roots plus the file
 * NODE_EXTRA_CA_CERTS names (the system bundle on Linux), plus the profile's extra CA (a TLS
 * inspection appliance, the test emulator). Setting `ca` replaces Node's store, so the roots
 * are passed along; parsing ~150 of them costs ~30 ms, so one context is built per extra CA
 * and shared by every connection that uses it. Exchange and Entra both require TLS 1.2+.
 */

export const MIN_TLS_VERSION = 'TLSv1.2' as const;

let cachedRoots: readonly string[] | undefined;

function defaultRoots(): readonly string[] {
  if (cachedRoots) return cachedRoots;
  const roots = [...tls.rootCertificates];
  const extraFile = process.env.NODE_EXTRA_CA_CERTS;
  if (extraFile) {
    try {
      roots.push(readFileSync(extraFile, 'utf8'));
    } catch {
      // An unreadable file is Node's own warning to give; the bundled roots still apply.
    }
  }
  cachedRoots = roots;
  return roots;
}

/** A handful of profiles use a handful of extra CAs; the cap only guards against growth. */
const MAX_CONTEXTS = 8;
const contexts = new Map<string, tls.SecureContext>();

/** The shared context for `extraCaPem`, or undefined when there is none (Node's own store applies). */
export function secureContextFor(extraCaPem: string): tls.SecureContext | undefined {
  const extra = extraCaPem.trim();
  if (!extra) return undefined;
  const hit = contexts.get(extra);
  if (hit) return hit;
  const ctx = tls.createSecureContext({ ca: [...defaultRoots(), extra], minVersion: MIN_TLS_VERSION });
  if (contexts.size >= MAX_CONTEXTS) {
    const oldest = contexts.keys().next().value;
    if (oldest !== undefined) contexts.delete(oldest);
  }
  contexts.set(extra, ctx);
  return ctx;
}
