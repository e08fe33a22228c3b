import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  scrypt,
  timingSafeEqual,
} from 'node:crypto';
import { problem } from '../../shared/problem';
import { MIN_PASSPHRASE_CHARS, type SealedSecrets } from '../../shared/profile-bundle';
import { ProblemError } from '../problem-error';

/**
 * Seals a bundle's secrets with a passphrase. scrypt at N=2^17, r=8, p=1 (OWASP's
 * recommendation: 128 MiB and a fraction of a second per guess) derives 64 bytes: an
 * AES-256-GCM key and a separate key for the passphrase check. The profiles go in as
 * additional authenticated data. The check lets a wrong passphrase be said as such; the
 * digest lets a damaged file be said as such; GCM catches everything else.
 */
export interface KdfParams {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

export const DEFAULT_KDF: KdfParams = { N: 2 ** 17, r: 8, p: 1 };

/** What a bundle may ask for: a hostile file must not make the app allocate gigabytes or spin for hours. */
const MAX_KDF_MEMORY = 512 * 1024 * 1024;
const CHECK_LABEL = 'smtp-oauth-wizard bundle passphrase check v1';

function kdfAcceptable({ N, r, p }: KdfParams): boolean {
  const powerOfTwo = Number.isInteger(Math.log2(N));
  return (
    powerOfTwo &&
    N >= 2 ** 14 &&
    N <= 2 ** 22 &&
    r >= 1 &&
    r <= 32 &&
    p >= 1 &&
    p <= 16 &&
    128 * N * r <= MAX_KDF_MEMORY
  );
}

function derive(passphrase: string, salt: Buffer, params: KdfParams): Promise<{ key: Buffer; checkKey: Buffer }> {
  return new Promise((resolve, reject) => {
    // NFC: the same passphrase typed on macOS and Windows gives the same bytes.
    scrypt(
      passphrase.normalize('NFC'),
      salt,
      64,
      { ...params, maxmem: 128 * params.N * params.r + 16 * 1024 * 1024 },
      (err, out) => (err ? reject(err) : resolve({ key: out.subarray(0, 32), checkKey: out.subarray(32) })),
    );
  });
}

const checkOf = (checkKey: Buffer): Buffer => createHmac('sha256', checkKey).update(CHECK_LABEL).digest();

/** Exported for the test that forges a checksum: the seal itself must still refuse. */
export function digestOf(s: Omit<SealedSecrets, 'digest'>, aad: string): string {
  const h = createHash('sha256');
  for (const part of [
    s.kdf.name,
    String(s.kdf.N),
    String(s.kdf.r),
    String(s.kdf.p),
    s.kdf.salt,
    s.cipher,
    s.iv,
    s.tag,
    s.check,
    s.data,
    aad,
  ])
    h.update(`${part.length}:${part}`);
  return h.digest('base64');
}

export function passphraseProblem(passphrase: string | undefined): ProblemError | undefined {
  if (passphrase === undefined || passphrase === '')
    return new ProblemError(
      problem({
        code: 'BUNDLE_PASSPHRASE_NEEDED',
        title: 'Enter a passphrase for the secrets',
        explanation: 'Secrets leave this computer only encrypted with a passphrase you choose.',
        fixSteps: ['Type a passphrase, or export without the secrets.'],
        field: 'passphrase',
      }),
    );
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_CHARS)
    return new ProblemError(
      problem({
        code: 'BUNDLE_PASSPHRASE_WEAK',
        title: `Passphrase: use at least ${MIN_PASSPHRASE_CHARS} characters`,
        explanation:
          'Anyone who gets the file can try passphrases on it at their leisure. A short one falls quickly; a few unrelated words are long and easy to remember.',
        fixSteps: [`Choose a passphrase of ${MIN_PASSPHRASE_CHARS} or more characters, for example four random words.`],
        field: 'passphrase',
      }),
    );
  return undefined;
}

export async function sealSecrets(
  plaintext: string,
  passphrase: string,
  aad: string,
  params: KdfParams = DEFAULT_KDF,
): Promise<SealedSecrets> {
  const weak = passphraseProblem(passphrase);
  if (weak) throw weak;
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const { key, checkKey } = await derive(passphrase, salt, params);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const sealed = {
    kdf: { name: 'scrypt' as const, ...params, salt: salt.toString('base64') },
    cipher: 'aes-256-gcm' as const,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    check: checkOf(checkKey).toString('base64'),
    data: data.toString('base64'),
  };
  return { ...sealed, digest: digestOf(sealed, aad) };
}

export function damagedBundle(why: string): ProblemError {
  return new ProblemError(
    problem({
      code: 'BUNDLE_DAMAGED',
      title: 'The profile bundle is damaged',
      explanation: `${why} Nothing was imported.`,
      fixSteps: [
        'Copy the file again from where it came from (a cut-off download or a synced copy is the usual cause), or export it again on the other computer.',
      ],
      field: 'file',
    }),
  );
}

export async function openSecrets(sealed: SealedSecrets, passphrase: string, aad: string): Promise<string> {
  const { digest, ...rest } = sealed;
  if (digestOf(rest, aad) !== digest)
    throw damagedBundle('Its content no longer matches the checksum written with it.');
  const params = { N: sealed.kdf.N, r: sealed.kdf.r, p: sealed.kdf.p };
  if (!kdfAcceptable(params)) throw damagedBundle('It asks for encryption settings this app does not use.');
  const salt = Buffer.from(sealed.kdf.salt, 'base64');
  const iv = Buffer.from(sealed.iv, 'base64');
  const tag = Buffer.from(sealed.tag, 'base64');
  if (salt.length < 16 || iv.length !== 12 || tag.length !== 16)
    throw damagedBundle('Its encryption header is incomplete.');
  const { key, checkKey } = await derive(passphrase, salt, params);
  const expected = Buffer.from(sealed.check, 'base64');
  const actual = checkOf(checkKey);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual))
    throw new ProblemError(
      problem({
        code: 'BUNDLE_PASSPHRASE_WRONG',
        title: 'Passphrase: this is not the passphrase the bundle was saved with',
        explanation: 'The secrets in this file are encrypted with another passphrase. Nothing was imported.',
        fixSteps: [
          'Type the passphrase chosen when the profiles were exported (capitals and spaces count).',
          'Without it, import the profiles without their secrets and enter the secrets again.',
        ],
        field: 'passphrase',
      }),
    );
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw damagedBundle('The passphrase is right, but the file was changed after it was saved.');
  }
}
