import { readFileSync } from 'node:fs';
import tls from 'node:tls';

/**
 * TLS settings for the SMTP connection. Exchange requires TLS 1.2+, so anything older is
 * refused here rather than negotiated. An extra CA (a TLS inspection appliance, the test
 * emulator) is added to the usual roots: setting `ca` replaces Node's trust store, so the
 * roots are passed along explicitly.
 */

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

export interface SmtpTlsOptions {
  readonly minVersion: 'TLSv1.2';
  readonly ca?: string[];
}

export function smtpTlsOptions(extraCaPem: string): SmtpTlsOptions {
  const extra = extraCaPem.trim();
  if (!extra) return { minVersion: 'TLSv1.2' };
  return { minVersion: 'TLSv1.2', ca: [...defaultRoots(), extra] };
}
