import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

/**
 * A self-signed certificate for an app's client credential, made on this computer: the key pair
 * comes from node:crypto (RSA 2048), node-forge only assembles and signs the X.509 structure.
 * The private key goes to the keychain; only the certificate (public) is uploaded to Entra.
 */
export interface GeneratedCertificate {
  /** PKCS#8 PEM: a secret, for the keychain only. */
  readonly privateKeyPem: string;
  readonly certificatePem: string;
  /** Base64 of the DER certificate: Graph's keyCredential `key` (reference §13.3.2). */
  readonly derBase64: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
}

export function generateCertificate(o: { commonName: string; months: number; now?: Date }): GeneratedCertificate {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const key = forge.pki.privateKeyFromPem(privateKeyPem) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  // A positive serial: leading byte below 0x80.
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  // Whole seconds: X.509 times have no milliseconds, and Graph compares dates against them.
  const notBefore = new Date(Math.floor((o.now ?? new Date()).getTime() / 1000) * 1000);
  const notAfter = new Date(notBefore);
  notAfter.setUTCMonth(notAfter.getUTCMonth() + o.months);
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = notAfter;
  // A UTF8String: as a PrintableString forge would write the JS string's code units, and a name
  // with "–" or "é" would make a certificate no parser accepts.
  const name = [
    {
      name: 'commonName',
      value: o.commonName.slice(0, 64),
      // @types/node-forge types this as a tag class; forge reads it as the value's ASN.1 type.
      valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class,
    },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes();
  return {
    privateKeyPem,
    certificatePem: forge.pki.certificateToPem(cert),
    derBase64: forge.util.encode64(der),
    notBefore,
    notAfter,
  };
}
