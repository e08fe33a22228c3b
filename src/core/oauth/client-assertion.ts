import { constants, randomUUID, sign } from 'node:crypto';

/**
 * The signed JWT a certificate credential sends instead of a secret (RFC 7523, as
 * Entra documents it: PS256 with the SHA-256 thumbprint in `x5t#S256`). Only for our
 * raw refresh redemption; MSAL builds its own for its flows.
 */
export function clientAssertion(opts: { clientId: string; tokenEndpoint: string; thumbprintSha256Hex: string; privateKeyPem: string; nowMs?: number }): string {
  const now = Math.floor((opts.nowMs ?? Date.now()) / 1000);
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const header = { alg: 'PS256', typ: 'JWT', 'x5t#S256': Buffer.from(opts.thumbprintSha256Hex, 'hex').toString('base64url') };
  const payload = { aud: opts.tokenEndpoint, iss: opts.clientId, sub: opts.clientId, jti: randomUUID(), nbf: now, iat: now, exp: now + 600 };
  const input = `${b64(header)}.${b64(payload)}`;
  const sig = sign('sha256', Buffer.from(input), { key: opts.privateKeyPem, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
  return `${input}.${sig.toString('base64url')}`;
}
