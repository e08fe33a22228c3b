// Minimal JWS compact serialization: RS256 signing, RS256/PS256 verification (node:crypto).
import { createPublicKey, createPrivateKey, sign, verify, constants, type KeyObject } from 'node:crypto';

export type JsonObject = { [key: string]: unknown };

export function b64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

export function signJwt(header: JsonObject, payload: JsonObject, privateKeyPem: string): string {
  const input = `${b64url(JSON.stringify({ ...header, alg: 'RS256' }))}.${b64url(JSON.stringify(payload))}`;
  const signature = sign('sha256', Buffer.from(input), createPrivateKey(privateKeyPem));
  return `${input}.${b64url(signature)}`;
}

export interface DecodedJwt {
  readonly header: JsonObject;
  readonly payload: JsonObject;
  readonly signingInput: string;
  readonly signature: Buffer;
}

/** Parses without verifying; undefined when the text is not a JWS (e.g. an opaque token). */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [h, p, s] = parts as [string, string, string];
  try {
    const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as unknown;
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as unknown;
    if (!isObject(header) || !isObject(payload)) return undefined;
    return { header, payload, signingInput: `${h}.${p}`, signature: Buffer.from(s, 'base64url') };
  } catch {
    return undefined;
  }
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Verifies the signature with a certificate or public key PEM; RS256 and PS256 only. */
export function verifyJwtSignature(jwt: DecodedJwt, keyPem: string | KeyObject): boolean {
  const key = typeof keyPem === 'string' ? createPublicKey(keyPem) : keyPem;
  const data = Buffer.from(jwt.signingInput);
  try {
    if (jwt.header.alg === 'RS256') return verify('sha256', data, key, jwt.signature);
    if (jwt.header.alg === 'PS256') {
      return verify(
        'sha256',
        data,
        { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO },
        jwt.signature,
      );
    }
  } catch {
    return false;
  }
  return false;
}

export function claimString(payload: JsonObject, name: string): string | undefined {
  const v = payload[name];
  return typeof v === 'string' ? v : undefined;
}

export function claimNumber(payload: JsonObject, name: string): number | undefined {
  const v = payload[name];
  return typeof v === 'number' ? v : undefined;
}
