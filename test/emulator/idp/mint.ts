// Token minting: v1-style access tokens for Exchange/Graph (§6), v2 id tokens and client_info (§1.6, §11).
import { createHash, createPublicKey, randomUUID, randomBytes } from 'node:crypto';
import { b64url, signJwt } from '../jwt';
import { thumbprint, certDer } from '../make-keys';
import { type KeyMaterial } from '../make-keys';
import { type SignedInUser } from './state';

export function signingKid(keys: KeyMaterial): string {
  return b64url(thumbprint(keys.signingCertPem, 'sha1'));
}

/** One JWKS key (§4.3). */
export function jwk(keys: KeyMaterial, issuer: string): Record<string, unknown> {
  const pub = createPublicKey(keys.signingCertPem).export({ format: 'jwk' });
  const kid = signingKid(keys);
  return {
    kty: 'RSA',
    use: 'sig',
    kid,
    x5t: kid,
    n: pub.n,
    e: pub.e,
    x5c: [certDer(keys.signingCertPem).toString('base64')],
    issuer,
  };
}

/** `sub` is pairwise per app (§6). */
function pairwise(oid: string, clientId: string, salt: string): string {
  return b64url(createHash('sha256').update(`${salt}|${oid}|${clientId}`).digest()).slice(0, 43);
}

const seconds = (ms: number): number => Math.floor(ms / 1000);

export interface AccessTokenInput {
  readonly keys: KeyMaterial;
  readonly now: number;
  readonly lifetimeSeconds: number;
  readonly tenantId: string;
  readonly audience: string;
  readonly clientId: string;
  /** 0 public, 1 secret, 2 certificate (§6 appidacr). */
  readonly appidacr: '0' | '1' | '2';
  readonly user?: SignedInUser;
  readonly scp?: readonly string[];
  readonly roles?: readonly string[];
  readonly servicePrincipalOid?: string;
  readonly mfa?: boolean;
}

/** RS256 v1.0 access token: aud = resource asked for, iss sts.windows.net, scp or roles (§6). */
export function mintAccessToken(i: AccessTokenInput): string {
  const iat = seconds(i.now);
  const kid = signingKid(i.keys);
  const payload: Record<string, unknown> = {
    aud: i.audience,
    iss: `https://sts.windows.net/${i.tenantId}/`,
    iat,
    nbf: iat,
    exp: iat + i.lifetimeSeconds,
    appid: i.clientId,
    appidacr: i.appidacr,
    tid: i.tenantId,
    uti: b64url(randomBytes(16)),
    ver: '1.0',
  };
  if (i.user) {
    Object.assign(payload, {
      amr: i.mfa ? ['pwd', 'mfa'] : ['pwd'],
      idtyp: 'user',
      name: i.user.name,
      oid: i.user.oid,
      scp: (i.scp ?? []).join(' '),
      sub: pairwise(i.user.oid, i.clientId, 'at'),
      unique_name: i.user.upn,
      upn: i.user.upn,
    });
  } else {
    Object.assign(payload, {
      idtyp: 'app',
      oid: i.servicePrincipalOid,
      sub: i.servicePrincipalOid,
      ...(i.roles && i.roles.length > 0 ? { roles: [...i.roles] } : {}),
    });
  }
  return signJwt({ typ: 'JWT', kid, x5t: kid }, payload, i.keys.signingKeyPem);
}

/** Personal accounts get a non-JWT token for Outlook (§11: clients must treat tokens as opaque). */
export function mintOpaqueAccessToken(): string {
  return 'EwB' + randomBytes(180).toString('base64');
}

export function mintIdToken(
  keys: KeyMaterial,
  now: number,
  issuer: string,
  clientId: string,
  user: SignedInUser,
  nonce?: string,
): string {
  const iat = seconds(now);
  const payload: Record<string, unknown> = {
    aud: clientId,
    iss: issuer,
    iat,
    nbf: iat,
    exp: iat + 3600,
    name: user.name,
    oid: user.oid,
    preferred_username: user.upn,
    sub: pairwise(user.oid, clientId, 'id'),
    tid: user.tenantId,
    uti: b64url(randomBytes(16)),
    ver: '2.0',
    ...(nonce ? { nonce } : {}),
  };
  return signJwt({ typ: 'JWT', kid: signingKid(keys) }, payload, keys.signingKeyPem);
}

/** base64url JSON {uid, utid} (§1.6): MSAL's home account id is uid.utid. */
export function clientInfo(user: SignedInUser): string {
  return b64url(JSON.stringify({ uid: user.oid, utid: user.tenantId }));
}

export function newTraceId(): string {
  return randomUUID();
}
