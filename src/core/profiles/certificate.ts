import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { problem } from '../../shared/problem';
import type { RegisteredCode } from '../../shared/problem-codes';
import type { CredentialInfo } from '../../shared/profile';
import { ProblemError } from '../problem-error';

/**
 * Certificate credentials as people have them: a PEM with key and certificate, or a
 * PFX with its password. Either way the result is a PKCS#8 PEM key (what MSAL signs
 * with, kept in the keychain) and the thumbprints the portal shows.
 */
export interface ImportedCertificate {
  readonly info: Extract<CredentialInfo, { kind: 'certificate' }>;
  /** PKCS#8 PEM private key: a secret, for the keychain only. */
  readonly privateKeyPem: string;
  readonly certificatePem: string;
}

const fail = (
  code: RegisteredCode,
  title: string,
  explanation: string,
  fixSteps: string[],
  field = 'certificate',
): ProblemError => new ProblemError(problem({ code, title, explanation, fixSteps, field }));

const KEY_BLOCK = /-----BEGIN ((?:RSA |EC |ENCRYPTED )?PRIVATE KEY)-----[\s\S]+?-----END \1-----/;
const CERT_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

export function importPemCertificate(pemText: string, now = Date.now()): ImportedCertificate {
  const keyMatch = KEY_BLOCK.exec(pemText);
  if (!keyMatch) {
    throw fail(
      'CERT_NO_PRIVATE_KEY',
      'The PEM has no private key',
      'Signing in with a certificate needs its private key. The text holds only a certificate (the public part you upload to the portal).',
      [
        'Paste a PEM that contains both “-----BEGIN PRIVATE KEY-----” and “-----BEGIN CERTIFICATE-----”, or import the PFX file instead.',
      ],
    );
  }
  if (keyMatch[1] === 'ENCRYPTED PRIVATE KEY') {
    throw fail(
      'CERT_KEY_ENCRYPTED',
      'The private key is password-protected',
      'The app needs the key unencrypted to store it in the keychain.',
      [
        'Import the PFX file with its password instead, or export the key without a password (openssl pkey -in key.pem -out plain.pem).',
      ],
    );
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(keyMatch[0]);
  } catch {
    throw fail('CERT_KEY_UNREADABLE', 'The private key cannot be read', 'The key block is damaged or incomplete.', [
      'Copy the whole PEM again, including the BEGIN and END lines.',
    ]);
  }
  const certs = pemText.match(CERT_BLOCK) ?? [];
  if (!certs.length) {
    throw fail(
      'CERT_NO_CERTIFICATE',
      'The PEM has no certificate',
      'The thumbprint Entra checks is computed from the certificate, which is missing.',
      ['Paste the certificate block (-----BEGIN CERTIFICATE-----) after the key.'],
    );
  }
  return fromKeyAndCerts(key, certs, 'pem', now);
}

export function importPfxCertificate(pfxBase64: string, password: string, now = Date.now()): ImportedCertificate {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const der = forge.util.decode64(pfxBase64.replace(/\s+/g, ''));
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der), password);
  } catch (e) {
    const wrongPassword = e instanceof Error && /password|MAC/i.test(e.message);
    throw wrongPassword
      ? fail(
          'PFX_WRONG_PASSWORD',
          'The PFX password is wrong',
          'The file could not be opened with this password.',
          ['Enter the password that was set when the PFX was exported.'],
          'pfxPassword',
        )
      : fail('PFX_UNREADABLE', 'The file is not a readable PFX', 'It is damaged or not a PKCS#12 (.pfx / .p12) file.', [
          'Export the certificate again as .pfx with its private key.',
        ]);
  }
  const keyBags = [...bags(p12, OID_SHROUDED_KEY_BAG), ...bags(p12, OID_KEY_BAG)];
  const forgeKey = keyBags.find((b) => b.key)?.key;
  if (!forgeKey)
    throw fail('CERT_NO_PRIVATE_KEY', 'The PFX has no private key', 'It was exported without the private key.', [
      'Export again and choose “Yes, export the private key”.',
    ]);
  const certs = bags(p12, OID_CERT_BAG).flatMap((b) => (b.cert ? [forge.pki.certificateToPem(b.cert)] : []));
  if (!certs.length)
    throw fail('CERT_NO_CERTIFICATE', 'The PFX has no certificate', 'Only a key was found.', [
      'Export the certificate together with its key.',
    ]);
  const key = createPrivateKey(forge.pki.privateKeyToPem(forgeKey as forge.pki.rsa.PrivateKey));
  return fromKeyAndCerts(key, certs, 'pfx', now);
}

// PKCS#12 bag types (RFC 7292 §4.2).
const OID_KEY_BAG = '1.2.840.113549.1.12.10.1.1';
const OID_SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2';
const OID_CERT_BAG = '1.2.840.113549.1.12.10.1.3';

function bags(p12: forge.pkcs12.Pkcs12Pfx, oid: string): forge.pkcs12.Bag[] {
  return p12.getBags({ bagType: oid })[oid] ?? [];
}

function fromKeyAndCerts(
  key: KeyObject,
  certPems: readonly string[],
  source: 'pem' | 'pfx',
  now: number,
): ImportedCertificate {
  // A chain may come along; the credential is the certificate whose public key pairs with the key.
  const cert = certPems.map((p) => new X509Certificate(p)).find((c) => c.checkPrivateKey(key));
  if (!cert) {
    throw fail(
      'CERT_KEY_MISMATCH',
      'The private key does not belong to the certificate',
      'The key and certificate are from different pairs, so Entra would reject every signature.',
      ['Use the key that was generated together with this certificate.'],
    );
  }
  const notAfter = new Date(cert.validTo);
  if (notAfter.getTime() < now) {
    throw fail(
      'CERT_EXPIRED',
      'The certificate has expired',
      `It was valid until ${notAfter.toISOString().slice(0, 10)}; Entra refuses expired certificates.`,
      [
        'Create a new certificate, upload its public part under Certificates & secrets → Certificates, and import it here.',
      ],
    );
  }
  const hex = (fp: string) => fp.replace(/:/g, '').toUpperCase();
  return {
    info: {
      kind: 'certificate',
      source,
      thumbprintSha1: hex(cert.fingerprint),
      thumbprintSha256: hex(cert.fingerprint256),
      subject: cert.subject.replace(/\n/g, ', '),
      notAfter: notAfter.toISOString(),
    },
    privateKeyPem: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
    certificatePem: cert.toString(),
  };
}
