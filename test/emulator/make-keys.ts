// Builds the emulator's key material: a CA, the HTTPS/SMTP server certificate (SAN IP 127.0.0.1 +
// DNS localhost), the token-signing certificate and the Daemon app's client certificate (+ PFX).
// Keys come from node:crypto (native, fast); certificates are assembled with node-forge.
import { generateKeyPairSync, createHash, randomBytes } from 'node:crypto';
import forge from 'node-forge';

export interface KeyMaterial {
  readonly caCertPem: string;
  readonly caKeyPem: string;
  readonly serverCertPem: string;
  readonly serverKeyPem: string;
  readonly signingCertPem: string;
  readonly signingKeyPem: string;
  readonly app2CertPem: string;
  readonly app2KeyPem: string;
  readonly app2PfxBase64: string;
  readonly app2PfxPassword: string;
}

function rsaKeyPem(): string {
  return generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
}

type Attr = { name: string; value: string };

function makeCert(opts: {
  subject: Attr[];
  issuer: Attr[];
  keyPem: string;
  signerKeyPem: string;
  extensions: object[];
}): string {
  const key = forge.pki.privateKeyFromPem(opts.keyPem) as forge.pki.rsa.PrivateKey;
  const signer = forge.pki.privateKeyFromPem(opts.signerKeyPem) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  // Positive serial: leading byte below 0x80.
  cert.serialNumber = '01' + randomBytes(15).toString('hex');
  cert.validity.notBefore = new Date(Date.UTC(2024, 0, 1));
  cert.validity.notAfter = new Date(Date.UTC(2124, 0, 1));
  cert.setSubject(opts.subject);
  cert.setIssuer(opts.issuer);
  cert.setExtensions(opts.extensions);
  cert.sign(signer, forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

export function makeKeyMaterial(): KeyMaterial {
  const caKeyPem = rsaKeyPem();
  const caName = [{ name: 'commonName', value: 'smtp-oauth-wizard Emulator Test CA' }];
  const caCertPem = makeCert({
    subject: caName,
    issuer: caName,
    keyPem: caKeyPem,
    signerKeyPem: caKeyPem,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const serverKeyPem = rsaKeyPem();
  const serverCertPem = makeCert({
    subject: [{ name: 'commonName', value: 'localhost' }],
    issuer: caName,
    keyPem: serverKeyPem,
    signerKeyPem: caKeyPem,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' },
        ],
      },
    ],
  });
  const signingKeyPem = rsaKeyPem();
  const signingName = [{ name: 'commonName', value: 'accounts.accesscontrol.windows.net (emulator)' }];
  const signingCertPem = makeCert({
    subject: signingName,
    issuer: signingName,
    keyPem: signingKeyPem,
    signerKeyPem: signingKeyPem,
    extensions: [{ name: 'basicConstraints', cA: false }],
  });
  const app2KeyPem = rsaKeyPem();
  const app2Name = [{ name: 'commonName', value: 'Daemon Mailer client certificate' }];
  const app2CertPem = makeCert({
    subject: app2Name,
    issuer: app2Name,
    keyPem: app2KeyPem,
    signerKeyPem: app2KeyPem,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true },
    ],
  });
  const app2PfxPassword = 'emulator-pfx-pw';
  const p12 = forge.pkcs12.toPkcs12Asn1(
    forge.pki.privateKeyFromPem(app2KeyPem),
    [forge.pki.certificateFromPem(app2CertPem)],
    app2PfxPassword,
    { algorithm: '3des' },
  );
  const app2PfxBase64 = forge.util.encode64(forge.asn1.toDer(p12).getBytes());
  return {
    caCertPem,
    caKeyPem,
    serverCertPem,
    serverKeyPem,
    signingCertPem,
    signingKeyPem,
    app2CertPem,
    app2KeyPem,
    app2PfxBase64,
    app2PfxPassword,
  };
}

/** DER bytes of a PEM certificate (for thumbprints and x5c). */
export function certDer(pem: string): Buffer {
  const body = pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  return Buffer.from(body, 'base64');
}

export function thumbprint(pem: string, alg: 'sha1' | 'sha256'): Buffer {
  return createHash(alg).update(certDer(pem)).digest();
}
