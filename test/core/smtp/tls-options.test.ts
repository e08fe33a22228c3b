import { describe, expect, it } from 'vitest';
import { smtpTlsOptions } from '../../../src/core/smtp/tls-options';
import { loadKeyMaterial } from '../../emulator/key-material';

describe('smtpTlsOptions', () => {
  it('requires TLS 1.2 and keeps Node’s own trust store when no extra CA is set', () => {
    expect(smtpTlsOptions('')).toEqual({ minVersion: 'TLSv1.2' });
  });

  it('builds one context (roots + extra CA) per extra CA and reuses it', () => {
    const ca = loadKeyMaterial().caCertPem;
    const a = smtpTlsOptions(ca);
    const b = smtpTlsOptions(`${ca}\n`);
    expect(a.minVersion).toBe('TLSv1.2');
    expect(a.secureContext).toBeDefined();
    expect(b.secureContext).toBe(a.secureContext);
  });
});
