import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

/**
 * A throw-away CA and a server certificate for 127.0.0.1, for tests that start their own
 * HTTPS server (keys from Node's crypto: forge's pure-JS key generation is slow).
 */
export interface TestTls {
  readonly caPem: string;
  readonly certPem: string;
  readonly keyPem: string;
}

function newKey(): { pub: forge.pki.PublicKey; priv: forge.pki.PrivateKey; pem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return {
    pub: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
    priv: forge.pki.privateKeyFromPem(pem),
    pem,
  };
}

function baseCert(pub: forge.pki.PublicKey, cn: string, days: number): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = pub;
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + days * 86_400_000);
  cert.setSubject([{ name: 'commonName', value: cn }]);
  return cert;
}

export function makeTestTls(): TestTls {
  const caKey = newKey();
  const ca = baseCert(caKey.pub, 'Test CA', 2);
  ca.setIssuer(ca.subject.attributes);
  ca.setExtensions([
    { name: 'basicConstraints', cA: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true },
  ]);
  ca.sign(caKey.priv as forge.pki.rsa.PrivateKey, forge.md.sha256.create());

  const leafKey = newKey();
  const leaf = baseCert(leafKey.pub, '127.0.0.1', 2);
  leaf.setIssuer(ca.subject.attributes);
  leaf.setExtensions([
    { name: 'basicConstraints', cA: false },
    {
      name: 'subjectAltName',
      altNames: [
        { type: 7, ip: '127.0.0.1' },
        { type: 2, value: 'localhost' },
      ],
    },
  ]);
  leaf.sign(caKey.priv as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
  return { caPem: forge.pki.certificateToPem(ca), certPem: forge.pki.certificateToPem(leaf), keyPem: leafKey.pem };
}

/** A self-signed certificate plus key, as a user would export from a certificate tool. */
export function makeSelfSignedCert(
  cn: string,
  days = 365,
): { certPem: string; keyPem: string; cert: forge.pki.Certificate; key: forge.pki.PrivateKey } {
  const k = newKey();
  const cert = baseCert(k.pub, cn, days);
  cert.setIssuer(cert.subject.attributes);
  cert.sign(k.priv as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: k.pem, cert, key: k.priv };
}
