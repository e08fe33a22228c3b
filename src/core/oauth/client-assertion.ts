import { constants, randomUUID, sign } from 'node:crypto';

/**
 * The assertion's base64url JWT header: PS256 and the certificate named by its SHA-256
 * thumbprint (`x5t#S256`). Exports hand it to the target's scripts, which sign it the same way.
 */
export function assertionHeader(thumbprintSha256Hex: string): string {
  const x5t = Buffer.from(thumbprintSha256Hex.replace(/[^0-9a-f]/gi, ''), 'hex').toString('base64url');
  return Buffer.from(JSON.stringify({ alg: 'PS256', typ: 'JWT', 'x5t#S256': x5t })).toString('base64url');
}

/**
 * The signed JWT a certificate credential sends instead of a secret (RFC 7523, as
 * Entra documents it: PS256 with the SHA-256 thumbprint in `x5t#S256`). Only for our
 * raw refresh redemption; MSAL builds its own for its flows.
 */
export function clientAssertion(opts: {
  clientId: string;
  tokenEndpoint: string;
  thumbprintSha256Hex: string;
  privateKeyPem: string;
  nowMs?: number;
}): string {
  const now = Math.floor((opts.nowMs ?? Date.now()) / 1000);
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const payload = {
    aud: opts.tokenEndpoint,
    iss: opts.clientId,
    sub: opts.clientId,
    jti: randomUUID(),
    nbf: now,
    iat: now,
    exp: now + 600,
  };
  const input = `${assertionHeader(opts.thumbprintSha256Hex)}.${b64(payload)}`;
  const sig = sign('sha256', Buffer.from(input), {
    key: opts.privateKeyPem,
    padding: constants.RSA_PKCS1_PSS_PADDING,
    saltLength: 32,
  });
  return `${input}.${sig.toString('base64url')}`;
}
