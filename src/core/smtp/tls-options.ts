import type tls from 'node:tls';
import { MIN_TLS_VERSION, secureContextFor } from '../net/trust-store';

/**
 * TLS settings for the SMTP connection's STARTTLS. Exchange requires TLS 1.2+, so anything
 * older is refused here rather than negotiated; the trust store is the one sign-in uses.
 */
export interface SmtpTlsOptions {
  readonly minVersion: typeof MIN_TLS_VERSION;
  readonly secureContext?: tls.SecureContext;
}

export function smtpTlsOptions(extraCaPem: string): SmtpTlsOptions {
  const secureContext = secureContextFor(extraCaPem);
  return secureContext ? { minVersion: MIN_TLS_VERSION, secureContext } : { minVersion: MIN_TLS_VERSION };
}
