import { createHash, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import { importPemCertificate, importPfxCertificate } from '../../../src/core/profiles/certificate';
import { ProblemError } from '../../../src/core/problem-error';
import { makeSelfSignedCert } from '../../support/test-tls';

const derHash = (pem: string, alg: string) =>
  createHash(alg).update(new X509Certificate(pem).raw).digest('hex').toUpperCase();
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ProblemError) return e.problem.code;
    throw e;
  }
  return 'none';
};

function toPfx(certPem: string, keyPem: string, password: string): string {
  const p12 = forge.pkcs12.toPkcs12Asn1(
    forge.pki.privateKeyFromPem(keyPem),
    [forge.pki.certificateFromPem(certPem)],
    password,
    { algorithm: '3des' },
  );
  return forge.util.encode64(forge.asn1.toDer(p12).getBytes());
}

describe('certificate import', () => {
  const c = makeSelfSignedCert('CN=wizard-test', 30);

  it('reads key + certificate from one PEM: SHA-1 and SHA-256 thumbprints of the DER, subject, notAfter', () => {
    const r = importPemCertificate(`${c.keyPem}\n${c.certPem}`);
    expect(r.info.thumbprintSha1).toBe(derHash(c.certPem, 'sha1'));
    expect(r.info.thumbprintSha256).toBe(derHash(c.certPem, 'sha256'));
    expect(r.info.subject).toContain('wizard-test');
    expect(Date.parse(r.info.notAfter)).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    expect(r.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });

  it('reads a PFX with its password to the same thumbprints and a PKCS#8 key', () => {
    const fromPem = importPemCertificate(`${c.certPem}${c.keyPem}`);
    const r = importPfxCertificate(toPfx(c.certPem, c.keyPem, 'pw-1'), 'pw-1');
    expect(r.info).toEqual({ ...fromPem.info, source: 'pfx' });
    expect(r.privateKeyPem).toBe(fromPem.privateKeyPem);
  });

  it('says plainly when the PFX password is wrong, the key is missing or belongs to another certificate', () => {
    expect(code(() => importPfxCertificate(toPfx(c.certPem, c.keyPem, 'right'), 'wrong'))).toBe('PFX_WRONG_PASSWORD');
    expect(code(() => importPemCertificate(c.certPem))).toBe('CERT_NO_PRIVATE_KEY');
    const other = makeSelfSignedCert('CN=other');
    expect(code(() => importPemCertificate(`${other.keyPem}${c.certPem}`))).toBe('CERT_KEY_MISMATCH');
  });

  it('refuses an expired certificate', () => {
    expect(code(() => importPemCertificate(`${c.keyPem}${c.certPem}`, Date.now() + 400 * 86_400_000))).toBe(
      'CERT_EXPIRED',
    );
  });
});
