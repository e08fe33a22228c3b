import { readFileSync } from 'node:fs';
import tls from 'node:tls';

/**
 * TLS settings for the SMTP connection. Exchange requires TLS 1.2+, so anything older is
 * refused here rather than negotiated. An extra CA (a TLS inspection appliance, the test
 * emulator) is added to the usual roots: setting `ca` replaces Node's trust store, so the
 * roots are passed along explicitly. Parsing ~150 roots costs ~30 ms, so the resulting
 * context is built once per extra CA and reused.
 */

const MIN_VERSION = 'TLSv1.2';

let cachedRoots: readonly string[] | undefined;

/** Node's bundled roots plus the file NODE_EXTRA_CA_CERTS names (the system bundle on Linux). */
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

function contextFor(extraPem: string): tls.SecureContext {
  const hit = contexts.get(extraPem);
  if (hit) return hit;
  const ctx = tls.createSecureContext({ ca: [...defaultRoots(), extraPem], minVersion: MIN_VERSION });
  if (contexts.size >= MAX_CONTEXTS) {
    const oldest = contexts.keys().next().value;
    if (oldest !== undefined) contexts.delete(oldest);
  }
  contexts.set(extraPem, ctx);
  return ctx;
}

export interface SmtpTlsOptions {
  readonly minVersion: 'TLSv1.2';
  readonly secureContext?: tls.SecureContext;
}

export function smtpTlsOptions(extraCaPem: string): SmtpTlsOptions {
  const extra = extraCaPem.trim();
  if (!extra) return { minVersion: MIN_VERSION };
  return { minVersion: MIN_VERSION, secureContext: contextFor(extra) };
}
