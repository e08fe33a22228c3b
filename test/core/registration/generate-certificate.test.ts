import { X509Certificate, createPrivateKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { importPemCertificate } from '../../../src/core/profiles/certificate';
import { generateCertificate } from '../../../src/core/registration/generate-certificate';

describe('generateCertificate', () => {
  it('makes a self-signed certificate whose key pairs with it, for the whole lifetime asked, with a non-ASCII name intact', () => {
    const now = new Date('2026-12-01T10:00:00.500Z');
    const c = generateCertificate({ commonName: 'SMTP OAuth – Müller GmbH', months: 12, now });
    const cert = new X509Certificate(c.certificatePem);
    expect(cert.subject).toBe('CN=SMTP OAuth – Müller GmbH');
    expect(cert.checkPrivateKey(createPrivateKey(c.privateKeyPem))).toBe(true);
    expect([new Date(cert.validFrom).toISOString(), new Date(cert.validTo).toISOString()]).toEqual([
      '2026-12-01T10:00:00.000Z',
      '2027-12-01T10:00:00.000Z',
    ]);
    expect(Buffer.from(c.derBase64, 'base64')).toEqual(cert.raw);
    // The profile store takes it as any PEM with key and certificate.
    const imported = importPemCertificate(`${c.privateKeyPem}${c.certificatePem}`, now.getTime());
    expect(imported.info.thumbprintSha1).toBe(cert.fingerprint.replace(/:/g, ''));
    expect(c.certificatePem).not.toContain('PRIVATE');
  });
});
