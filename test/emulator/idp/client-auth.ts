// Client authentication at /token: public vs confidential by platform (§8), secrets (§5.1),
// certificate assertions RS256+x5t and PS256+x5t#S256 (§2).
import { type IncomingMessage } from 'node:http';
import { type AppRegistration } from '../directory';
import { b64url, claimNumber, claimString, decodeJwt, verifyJwtSignature } from '../jwt';
import { thumbprint } from '../make-keys';
import { AadstsError } from './errors';

export type ClientAuthKind = 'public' | 'secret' | 'certificate';

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** client_secret from the body or HTTP Basic (§1.4, RFC 6749 §2.3.1). */
function presentedSecret(form: Record<string, string>, req: IncomingMessage): string | undefined {
  if (form.client_secret !== undefined) return form.client_secret;
  const auth = req.headers.authorization;
  if (auth?.toLowerCase().startsWith('basic ')) {
    const decoded = Buffer.from(auth.slice(6), 'base64').toString('utf8');
    const i = decoded.indexOf(':');
    if (i >= 0) return decodeURIComponent(decoded.slice(i + 1));
  }
  return undefined;
}

export interface ClientAuthInput {
  readonly app: AppRegistration;
  readonly form: Record<string, string>;
  readonly req: IncomingMessage;
  readonly now: number;
  /** Device code and ROPC may run without a credential when public client flows are allowed (§8). */
  readonly publicFlow: boolean;
  /** Accepted `aud` values for assertions (the token endpoint under its several tenant spellings). */
  readonly tokenEndpoints: readonly string[];
}

export function authenticateClient(i: ClientAuthInput): ClientAuthKind {
  const secret = presentedSecret(i.form, i.req);
  const assertion = i.form.client_assertion;
  const hasCredential = secret !== undefined || assertion !== undefined;
  const isPublic = i.app.platform !== 'web' || (i.publicFlow && i.app.allowPublicClient);
  if (isPublic && i.app.platform !== 'web') {
    if (hasCredential) throw new AadstsError(700025);
    return 'public';
  }
  if (!hasCredential) {
    if (isPublic) return 'public';
    throw new AadstsError(7000218);
  }
  if (assertion !== undefined) {
    if (i.form.client_assertion_type !== ASSERTION_TYPE)
      throw new AadstsError(900144, { name: 'client_assertion_type' });
    verifyAssertion(i, assertion);
    return 'certificate';
  }
  checkSecret(i.app, secret ?? '', i.now);
  return 'secret';
}

function checkSecret(app: AppRegistration, value: string, now: number): void {
  const match = app.secrets.find((s) => s.value === value);
  // A secret ID pasted as the value is simply a wrong secret (7000215, whose text says so).
  if (!match) throw new AadstsError(7000215, { appId: app.clientId });
  if (Date.parse(match.expiresOn) <= now) throw new AadstsError(7000222, { appId: app.clientId });
}

function verifyAssertion(i: ClientAuthInput, assertion: string): void {
  const jwt = decodeJwt(assertion);
  if (!jwt) throw new AadstsError(700027, { reason: 'The assertion is not a well-formed JWT.' });
  const x5t = claimString(jwt.header, 'x5t');
  const x5tS256 = claimString(jwt.header, 'x5t#S256');
  const cert = i.app.certificates.find(
    (c) =>
      (x5tS256 !== undefined && b64url(thumbprint(c.certPem, 'sha256')) === x5tS256) ||
      (x5t !== undefined && b64url(thumbprint(c.certPem, 'sha1')) === x5t),
  );
  if (!cert) {
    throw new AadstsError(700027, {
      reason: `[Reason - The key was not found., Thumbprint of key used by client: '${x5tS256 ?? x5t ?? ''}']`,
    });
  }
  if (!verifyJwtSignature(jwt, cert.certPem))
    throw new AadstsError(700027, { reason: '[Reason - The signature is invalid.]' });
  const p = jwt.payload;
  if (claimString(p, 'iss') !== i.app.clientId || claimString(p, 'sub') !== i.app.clientId) {
    throw new AadstsError(700027, { reason: '[Reason - iss and sub must be the client id.]' });
  }
  const aud = (claimString(p, 'aud') ?? '').toLowerCase();
  if (!i.tokenEndpoints.some((e) => e.toLowerCase() === aud)) {
    throw new AadstsError(700027, { reason: '[Reason - The audience must be the token endpoint.]' });
  }
  const exp = claimNumber(p, 'exp') ?? 0;
  const nbf = claimNumber(p, 'nbf') ?? 0;
  // The assertion carries the client's real clock, not the emulator's (which tests move for token ages).
  const nowS = Math.floor(Date.now() / 1000);
  // Entra allows a few minutes of clock skew.
  if (exp + 300 < nowS || nbf - 300 > nowS)
    throw new AadstsError(700027, { reason: '[Reason - The assertion is outside its validity period.]' });
}
