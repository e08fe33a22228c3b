// Reading the application properties of POST/PATCH /applications (reference §13.3.2, §13.3.4) into
// the directory's fields: platform and redirect URIs, requiredResourceAccess (which only registers
// permissions; grants are separate), keyCredentials (the uploaded public certificate).
import { randomUUID, X509Certificate } from 'node:crypto';
import {
  type AppCertificate,
  type AppRegistration,
  type Platform,
  type RequiredResourceAccess,
  type SignInAudience,
} from '../directory';
import { resourceApi, permissionUri } from './catalog';
import { graphErrors, GraphError } from './errors';
import { type JsonRecord } from './odata';

const AUDIENCES: readonly SignInAudience[] = [
  'AzureADMyOrg',
  'AzureADMultipleOrgs',
  'AzureADandPersonalMicrosoftAccount',
  'PersonalMicrosoftAccount',
];

const isRecord = (v: unknown): v is JsonRecord => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] | undefined =>
  Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;

/** §8: https anywhere, http only for localhost; at most 256 characters. */
function checkRedirectUri(uri: string): void {
  let u: URL;
  try {
    u = new URL(uri);
  } catch {
    throw graphErrors.badRequest();
  }
  const loopback = u.hostname === 'localhost' || u.hostname === '127.0.0.1';
  if (uri.length > 256 || (u.protocol !== 'https:' && !(u.protocol === 'http:' && loopback)))
    throw graphErrors.badRequest();
}

/** The one platform whose redirect URIs the body sets (the stand-in keeps one platform per app). */
export function platformOf(body: JsonRecord): { platform: Platform; uris: string[] } | undefined {
  const found = (['web', 'publicClient', 'spa'] as const)
    .map((platform) => {
      const section = body[platform];
      if (section === undefined) return undefined;
      const uris = isRecord(section) ? strings(section.redirectUris ?? []) : undefined;
      if (!uris) throw graphErrors.badRequest();
      return { platform, uris };
    })
    .filter((p): p is { platform: Platform; uris: string[] } => p !== undefined);
  const withUris = found.filter((p) => p.uris.length > 0);
  if (withUris.length > 1)
    throw new GraphError(400, 'Request_BadRequest', 'emulator: set redirect URIs on one platform per application.');
  const chosen = withUris[0] ?? found[0];
  chosen?.uris.forEach(checkRedirectUri);
  return chosen;
}

/** requiredResourceAccess -> the permissions the IdP registers (full URIs; Exchange roles bare). */
export function permissionsOf(rra: unknown): {
  raw: RequiredResourceAccess[];
  delegated: string[];
  application: string[];
} {
  if (!Array.isArray(rra)) throw graphErrors.badRequest();
  const raw: RequiredResourceAccess[] = [];
  const delegated: string[] = [];
  const application: string[] = [];
  for (const entry of rra) {
    if (!isRecord(entry) || typeof entry.resourceAppId !== 'string' || !Array.isArray(entry.resourceAccess))
      throw graphErrors.badRequest();
    const api = resourceApi(entry.resourceAppId);
    if (!api) throw graphErrors.badRequest(`emulator: unknown resource ${entry.resourceAppId}.`);
    const access: RequiredResourceAccess['resourceAccess'] = [];
    for (const a of entry.resourceAccess) {
      if (!isRecord(a) || typeof a.id !== 'string' || (a.type !== 'Scope' && a.type !== 'Role'))
        throw graphErrors.badRequest();
      // Ids are unique per resource: Graph's SMTP.Send id under Exchange is an error (§13.2.3 pitfalls).
      const published = (a.type === 'Scope' ? api.scopes : api.roles).find((p) => p.id === a.id);
      if (!published)
        throw graphErrors.badRequest(
          `Invalid value specified for property 'resourceAccess' of resource 'Application'.`,
        );
      access.push({ id: a.id, type: a.type });
      if (a.type === 'Scope') delegated.push(permissionUri(api, published.value));
      else application.push(api.family === 'exchange' ? published.value : permissionUri(api, published.value));
    }
    raw.push({ resourceAppId: api.appId, resourceAccess: access });
  }
  return { raw, delegated, application };
}

const pem = (der: Buffer): string =>
  `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`.replace(
    /\n\n/g,
    '\n',
  );

/** keyCredentials: base64 DER of the public certificate; dates inside its validity (§13.3.2). */
export function certificatesOf(keys: unknown, existing: readonly AppCertificate[]): AppCertificate[] {
  if (!Array.isArray(keys)) throw graphErrors.badRequest();
  return keys.map((k) => {
    if (!isRecord(k) || k.type !== 'AsymmetricX509Cert' || k.usage !== 'Verify') throw graphErrors.badRequest();
    // A PATCH that keeps a key sends it back by keyId without the key bytes.
    if ((k.key === undefined || k.key === null) && typeof k.keyId === 'string') {
      const kept = existing.find((c) => c.keyId === k.keyId);
      if (kept) return kept;
    }
    if (typeof k.key !== 'string') throw graphErrors.badRequest();
    let cert: X509Certificate;
    try {
      cert = new X509Certificate(Buffer.from(k.key, 'base64'));
    } catch {
      throw graphErrors.badRequest('Key credential key is invalid.');
    }
    const validFrom = Date.parse(cert.validFrom);
    const validTo = Date.parse(cert.validTo);
    const start = typeof k.startDateTime === 'string' ? Date.parse(k.startDateTime) : validFrom;
    const end = typeof k.endDateTime === 'string' ? Date.parse(k.endDateTime) : validTo;
    if (Number.isNaN(start) || Number.isNaN(end) || start < validFrom - 1000 || end > validTo + 1000 || end <= start)
      throw graphErrors.badRequest('Key credential end date is invalid.');
    return {
      certPem: pem(Buffer.from(k.key, 'base64')),
      keyId: typeof k.keyId === 'string' ? k.keyId : randomUUID(),
      displayName: typeof k.displayName === 'string' ? k.displayName.slice(0, 90) : cert.subject,
      startDateTime: new Date(start).toISOString(),
      expiresOn: new Date(end).toISOString(),
    };
  });
}

/** Applies the writable properties of a POST or PATCH body to the app. */
export function applyApplicationBody(app: AppRegistration, body: JsonRecord): void {
  if ('passwordCredentials' in body && Array.isArray(body.passwordCredentials) && body.passwordCredentials.length > 0)
    throw graphErrors.badRequest('Property passwordCredentials cannot be set; use addPassword.');
  if (body.displayName !== undefined) {
    if (typeof body.displayName !== 'string' || !body.displayName.trim()) throw graphErrors.badRequest();
    app.displayName = body.displayName;
  }
  if (body.signInAudience !== undefined) {
    if (!AUDIENCES.includes(body.signInAudience as SignInAudience)) throw graphErrors.badRequest();
    app.signInAudience = body.signInAudience as SignInAudience;
  }
  if (body.isFallbackPublicClient !== undefined) app.allowPublicClient = body.isFallbackPublicClient === true;
  const platform = platformOf(body);
  if (platform) {
    app.platform = platform.platform;
    app.redirectUris = platform.uris;
  }
  if (body.requiredResourceAccess !== undefined) {
    const p = permissionsOf(body.requiredResourceAccess);
    app.requiredResourceAccess = p.raw;
    app.delegatedPermissions = p.delegated;
    app.applicationPermissions = p.application;
  }
  if (body.keyCredentials !== undefined) app.certificates = certificatesOf(body.keyCredentials, app.certificates);
  if (body.tags !== undefined) app.tags = strings(body.tags) ?? [];
  if (body.notes !== undefined) app.notes = typeof body.notes === 'string' ? body.notes : null;
}
