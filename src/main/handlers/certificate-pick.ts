import type { CertificateCheck, PickedCertificateFile } from '../../shared/ipc-contract';
import { importPemCertificate, importPfxCertificate } from '../../core/profiles/certificate';
import { problem } from '../../shared/problem';
import { ProblemError } from '../../core/problem-error';
import { MAX_SECRET_BYTES } from '../../core/secrets/secret-store';
import type { HandlerPorts } from './ports';

const notACertificate = (fileName: string, why: string) =>
  new ProblemError(
    problem({
      code: 'CERTIFICATE_FILE_UNUSABLE',
      title: 'This file cannot be used as the certificate',
      explanation: `${fileName}: ${why}`,
      fixSteps: [
        'Choose the file that holds the private key: a .pem with both "BEGIN CERTIFICATE" and "BEGIN PRIVATE KEY", or a .pfx/.p12 file.',
        'The .cer file you uploaded to the app registration holds only the public part; it is not enough here.',
      ],
      field: 'certificate',
    }),
  );

/**
 * Reads the file the user picks. The private key goes back to the window only so it can
 * be saved to the keychain with the profile; it is never written anywhere else.
 */
export async function pickCertificate(ports: HandlerPorts): Promise<PickedCertificateFile> {
  const file = await ports.dialogs.openCertificateFile();
  if (!file) return { cancelled: true };
  if (file.bytes.byteLength > MAX_SECRET_BYTES)
    throw notACertificate(file.fileName, 'it is larger than 64 KB, far more than a certificate and key.');
  const text = new TextDecoder('utf-8', { fatal: false }).decode(file.bytes).replace(/^\uFEFF/, '');
  if (/-----BEGIN [A-Z ]+-----/.test(text)) {
    if (!/-----BEGIN (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----/.test(text))
      throw notACertificate(file.fileName, 'it holds no private key.');
    return { cancelled: false, fileName: file.fileName, source: 'pem', content: text };
  }
  // PKCS#12 is DER: an ASN.1 SEQUENCE (0x30) at the start.
  if (file.bytes[0] !== 0x30) throw notACertificate(file.fileName, 'it is neither PEM text nor a PFX (PKCS#12) file.');
  return {
    cancelled: false,
    fileName: file.fileName,
    source: 'pfx',
    content: Buffer.from(file.bytes).toString('base64'),
  };
}

/**
 * Opens the picked file as the save will (a PFX with the password typed so far), so a wrong
 * password or a key without its certificate is said under the field at once, not at Save.
 * Only the certificate's public facts come back; the key stays in this process.
 */
export function checkCertificate(
  req: { readonly source: 'pem' | 'pfx'; readonly content: string; readonly password?: string },
  now: number = Date.now(),
): CertificateCheck {
  const imported =
    req.source === 'pem'
      ? importPemCertificate(req.content, now)
      : importPfxCertificate(req.content, req.password ?? '', now);
  const { subject, notAfter, thumbprintSha1 } = imported.info;
  return { subject, notAfter, thumbprintSha1 };
}
