import { clouds } from './clouds';
import { BOUNDS, extraCaProblem, timeoutProblem, tooLong } from './field-bounds';
import { isPlausibleMailbox } from './mailbox-address';
import type { CloudId, Flow, ProfileDraft, ProfileSecretsInput } from './profile';
import { proxyFieldIssues } from './proxy-address';

/**
 * Validation that runs as the user types (renderer) and again before any network call
 * (core). Pure: no Node, no DOM. Every message names the field it is about, in the
 * words the Entra portal uses, because people copy values from there.
 */

export interface FieldIssue {
  readonly field: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** A value the field probably meant ("contoso.onmicrosoft.com" for "Contoso"), offered as one click. */
  readonly suggestion?: string;
}

export interface ValidationContext {
  /** Tenant ids the app has seen (other profiles): a client id equal to one is a swap. */
  readonly knownTenantIds?: readonly string[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Hex and dashes of about GUID length: meant as a GUID but mistyped or truncated. */
const GUID_ISH = /^[0-9a-f{}-]{20,40}$/i;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const TENANT_KEYWORDS = ['organizations', 'common', 'consumers'];
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);
const FORBIDDEN_REDIRECT_CHARS = ['!', '$', "'", '(', ')', ',', ';'];

export const isGuid = (s: string): boolean => GUID.test(s.trim());
export const looksLikeEmail = (s: string): boolean => isPlausibleMailbox(s.trim());
/** A client secret that is really the secret's ID (a GUID, or the ID the profile recorded): the portal shows both. */
export const secretLooksLikeId = (secret: string, secretId?: string): boolean =>
  isGuid(secret) || (secretId !== undefined && secretId.trim() !== '' && secret.trim() === secretId.trim());

type DraftInput = Partial<ProfileDraft>;

export function validateProfileDraft(
  draft: DraftInput,
  secrets: ProfileSecretsInput = {},
  ctx: ValidationContext = {},
): FieldIssue[] {
  return [
    ...validateTenant(draft.tenant),
    ...validateClientId(draft.clientId, draft.tenant, ctx),
    ...validateSecrets(draft, secrets),
    ...(draft.flow !== 'app-only' && draft.redirectUri !== undefined ? validateRedirectUri(draft.redirectUri) : []),
    ...(draft.scopes ? validateScopes(draft.scopes, draft.flow ?? 'delegated', draft.cloud ?? 'global') : []),
    ...validateAddresses(draft),
    ...validateCustomAuthority(draft),
    ...proxyFieldIssues(draft.network?.proxyUrl),
    ...validateBounds(draft),
    ...validateServicePrincipal(draft),
  ];
}

/** The limits the saved file enforces (field-bounds.ts), told while typing instead of at Save. */
function validateBounds(draft: DraftInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const long = (field: string, label: string, value: string | undefined, max: number) => {
    if (value !== undefined && value.length > max) issues.push(err(field, tooLong(label, max)));
  };
  long('name', 'Profile name', draft.name, BOUNDS.name);
  long('smtpHost', 'SMTP host', draft.smtpHost, BOUNDS.host);
  long('mailbox', 'Mailbox', draft.mailbox, BOUNDS.address);
  long('fromAddress', 'From address', draft.fromAddress, BOUNDS.address);
  if (draft.scopes && draft.scopes.length > BOUNDS.scopes)
    issues.push(err('scopes', `Scopes: at most ${BOUNDS.scopes}; a token for SMTP needs one or two.`));
  const longScope = draft.scopes?.find((s) => s.length > BOUNDS.scope);
  if (longScope !== undefined) issues.push(err('scopes', tooLong('Scopes', BOUNDS.scope)));
  const net = draft.network;
  if (net) {
    const ca = extraCaProblem(net.extraCaPem);
    if (ca) issues.push(err('extraCaPem', ca));
    const timeout = timeoutProblem(net.timeoutMs);
    if (timeout) issues.push(err('timeoutSeconds', timeout));
  }
  return issues;
}

/** The Enterprise application's object id (optional): a GUID, and not one of the other two IDs people confuse it with. */
export function validateServicePrincipal(draft: DraftInput): FieldIssue[] {
  const v = (draft.servicePrincipalObjectId ?? '').trim();
  if (!v) return [];
  const where =
    'Copy it from Entra ID > Enterprise applications > your app > Overview > Object ID (not the App registration’s Object ID).';
  if (!isGuid(v)) return [err('servicePrincipalObjectId', `Enterprise application object ID: enter a GUID. ${where}`)];
  const same = (other: string | undefined) => other !== undefined && other.trim().toLowerCase() === v.toLowerCase();
  if (same(draft.clientId))
    return [
      err(
        'servicePrincipalObjectId',
        `Enterprise application object ID: this is the Application (client) ID. ${where}`,
      ),
    ];
  if (same(draft.tenant))
    return [err('servicePrincipalObjectId', `Enterprise application object ID: this is the tenant ID. ${where}`)];
  return [];
}

const err = (field: string, message: string): FieldIssue => ({ field, severity: 'error', message });
const warn = (field: string, message: string): FieldIssue => ({ field, severity: 'warning', message });

export function validateTenant(value: string | undefined): FieldIssue[] {
  const t = (value ?? '').trim();
  if (!t)
    return [
      err(
        'tenant',
        'Tenant: enter the Directory (tenant) ID from the app’s Overview page, or your domain such as contoso.com.',
      ),
    ];
  if (isGuid(t) || TENANT_KEYWORDS.includes(t.toLowerCase())) return [];
  if (looksLikeEmail(t))
    return [
      err(
        'tenant',
        `Tenant: "${t}" is an email address; enter only the domain after the @ (${t.split('@')[1] ?? ''}) or the tenant ID.`,
      ),
    ];
  if (/^https?:\/\//i.test(t)) return [err('tenant', 'Tenant: enter the tenant ID or domain, not a URL.')];
  if (GUID_ISH.test(t))
    return [
      err('tenant', 'Tenant: this is not a complete ID. A tenant ID has 32 hexadecimal digits in groups 8-4-4-4-12.'),
    ];
  if (DOMAIN.test(t)) return [];
  // A bare organization name ("Contoso"): every tenant has <name>.onmicrosoft.com, often the meant one.
  if (/^[a-z0-9][a-z0-9-]{0,62}$/i.test(t)) {
    const guess = `${t.toLowerCase()}.onmicrosoft.com`;
    return [
      {
        ...err('tenant', `Tenant: "${t}" is a name, not a domain or an ID. Did you mean ${guess}? ${WHERE_TENANT_ID}`),
        suggestion: guess,
      },
    ];
  }
  return [
    err(
      'tenant',
      `Tenant: enter the Directory (tenant) ID or a domain of the tenant, such as contoso.com. ${WHERE_TENANT_ID}`,
    ),
  ];
}

const WHERE_TENANT_ID =
  'The Directory (tenant) ID is on the app registration’s Overview page (Entra admin center > App registrations > your app), next to the Application (client) ID.';

export function validateClientId(
  value: string | undefined,
  tenant: string | undefined,
  ctx: ValidationContext,
): FieldIssue[] {
  const c = (value ?? '').trim();
  const t = (tenant ?? '').trim();
  if (!c)
    return [err('clientId', 'Client ID: enter the Application (client) ID from the app registration’s Overview page.')];
  if (looksLikeEmail(c))
    return [
      err(
        'clientId',
        'Client ID: this is an email address. Enter the Application (client) ID, a GUID from the app registration’s Overview page.',
      ),
    ];
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(c))
    return [
      err(
        'clientId',
        'Client ID: this is a URL. Enter the Application (client) ID, a GUID from the app registration’s Overview page.',
      ),
    ];
  if (DOMAIN.test(c)) {
    return [
      err(
        'clientId',
        isGuid(t)
          ? 'Client ID: this is a domain; it looks like tenant and client ID are swapped. The domain or Directory (tenant) ID goes in Tenant, the Application (client) ID here.'
          : 'Client ID: this is a domain. Enter the Application (client) ID, a GUID from the app registration’s Overview page.',
      ),
    ];
  }
  if (!isGuid(c)) {
    return [
      err(
        'clientId',
        GUID_ISH.test(c)
          ? 'Client ID: this is not a complete ID. The Application (client) ID has 32 hexadecimal digits in groups 8-4-4-4-12.'
          : 'Client ID: enter the Application (client) ID, a GUID such as 1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d.',
      ),
    ];
  }
  if (t && c.toLowerCase() === t.toLowerCase()) {
    return [
      err(
        'clientId',
        'Client ID: it is the same GUID as the tenant. On the Overview page, Application (client) ID and Directory (tenant) ID are two different values.',
      ),
    ];
  }
  if (ctx.knownTenantIds?.some((k) => k.toLowerCase() === c.toLowerCase())) {
    return [err('clientId', 'Client ID: this is a tenant ID you used before; tenant and client ID look swapped.')];
  }
  return [];
}

function validateSecrets(draft: DraftInput, secrets: ProfileSecretsInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const cred = draft.credential;
  const secret = secrets.clientSecret;
  if (secret !== undefined) {
    const s = secret.trim();
    const secretId = cred?.kind === 'secret' ? cred.secretId : undefined;
    if (secretLooksLikeId(s, secretId)) {
      issues.push(
        err(
          'clientSecret',
          'Client secret: this looks like the secret’s ID; paste its Value. In Certificates & secrets the Value is shown only once, right after you create the secret; if it is hidden now, create a new secret.',
        ),
      );
    } else if (s !== secret) {
      issues.push(warn('clientSecret', 'Client secret: it has spaces at the start or end; they will be removed.'));
    } else if (s.length > 0 && s.length < 16) {
      issues.push(
        warn(
          'clientSecret',
          'Client secret: this is shorter than secret values the portal creates (about 40 characters); check it was copied whole.',
        ),
      );
    }
  }
  if (cred?.kind === 'secret' && !secret && secrets.clientSecret !== undefined) {
    issues.push(err('clientSecret', 'Client secret: paste the secret’s Value from Certificates & secrets.'));
  }
  if (cred?.kind === 'secret' && cred.expiresOn && Date.parse(cred.expiresOn) < Date.now()) {
    issues.push(
      err(
        'clientSecret',
        `Client secret: it expired on ${cred.expiresOn.slice(0, 10)}. Create a new one under Certificates & secrets.`,
      ),
    );
  }
  if (draft.flow === 'app-only' && cred?.kind === 'none') {
    issues.push(err('credential', 'Credential: app-only sign-in needs a client secret or a certificate.'));
  }
  if (secrets.pfxBase64 !== undefined && !secrets.pfxPassword) {
    issues.push(
      warn('pfxPassword', 'PFX password: most PFX files are protected by a password; enter it if the file has one.'),
    );
  }
  return issues;
}

export function validateRedirectUri(value: string): FieldIssue[] {
  const raw = value.trim();
  if (!raw)
    return [
      err(
        'redirectUri',
        'Redirect URI: enter the redirect URI registered under Authentication, for example http://localhost.',
      ),
    ];
  const issues: FieldIssue[] = [];
  if (raw.length > 256)
    issues.push(err('redirectUri', `Redirect URI: it has ${raw.length} characters; Entra accepts at most 256.`));
  const bad = FORBIDDEN_REDIRECT_CHARS.filter((ch) => raw.includes(ch));
  if (bad.length)
    issues.push(
      err('redirectUri', `Redirect URI: Entra does not support the characters ${bad.join(' ')} in redirect URIs.`),
    );
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return [
      ...issues,
      err(
        'redirectUri',
        'Redirect URI: this is not a complete URL; it should look like http://localhost or https://example.com/callback.',
      ),
    ];
  }
  const host = url.hostname.toLowerCase();
  if (host === '[::1]')
    issues.push(
      err('redirectUri', 'Redirect URI: the IPv6 loopback [::1] is not supported by Entra; use http://localhost.'),
    );
  if (url.protocol === 'http:' && host !== 'localhost' && host !== '127.0.0.1' && host !== '[::1]') {
    issues.push(err('redirectUri', 'Redirect URI: http is allowed only for localhost; use https for any other host.'));
  }
  if (url.protocol === 'http:' && host === '127.0.0.1') {
    issues.push(
      warn(
        'redirectUri',
        'Redirect URI: the portal does not accept http://127.0.0.1 (only the manifest does), and it does not match a registered http://localhost.',
      ),
    );
  }
  if (raw.includes('*'))
    issues.push(
      err('redirectUri', 'Redirect URI: wildcards are not allowed here; use the exact URI registered on the app.'),
    );
  if (url.hash) issues.push(err('redirectUri', 'Redirect URI: remove the #fragment; Entra does not allow one.'));
  return issues;
}

/** The resource a scope belongs to: `https://outlook.office.com/SMTP.Send` -> `https://outlook.office.com`; bare names are Graph's. */
export function scopeResource(scope: string): string | null {
  const s = scope.trim();
  if (!s || OIDC_SCOPES.has(s.toLowerCase())) return null;
  const m = /^(https?:\/\/[^/]+)(\/.*)?$/i.exec(s);
  if (m?.[1]) return m[1].toLowerCase();
  if (/^[0-9a-f-]{36}\//i.test(s)) return s.slice(0, 36).toLowerCase();
  return 'https://graph.microsoft.com';
}

/** Which resource the token will be for: Entra issues it for the first non-OIDC scope's resource. */
export function tokenResourceFor(scopes: readonly string[]): string | null {
  for (const s of scopes) {
    const r = scopeResource(s);
    if (r) return r;
  }
  return null;
}

export function validateScopes(scopes: readonly string[], flow: Flow, cloud: CloudId): FieldIssue[] {
  const facts = clouds[cloud];
  const list = scopes.map((s) => s.trim()).filter(Boolean);
  if (!list.length)
    return [err('scopes', 'Scopes: at least one scope is needed, for example https://outlook.office.com/SMTP.Send.')];
  const resource = tokenResourceFor(list);
  const exchange = facts.exchangeAudiences.map((a) => a.toLowerCase());
  if (flow === 'app-only') {
    const want = `${facts.appOnlyResource}/.default`;
    if (list.length !== 1 || list[0]?.toLowerCase() !== want.toLowerCase()) {
      return [
        err(
          'scopes',
          `Scopes: app-only (client credentials) takes exactly one scope, ${want}; permissions such as SMTP.SendAsApp are granted on the app, not requested.`,
        ),
      ];
    }
    return [];
  }
  const issues: FieldIssue[] = [];
  if (list.some((s) => /\/SMTP\.SendAsApp$/i.test(s))) {
    issues.push(
      err(
        'scopes',
        'Scopes: SMTP.SendAsApp is an application permission and cannot be requested when a user signs in; use …/SMTP.Send.',
      ),
    );
  }
  if (resource === null) {
    issues.push(
      err(
        'scopes',
        `Scopes: only sign-in scopes are listed, so the token would not be for Exchange; add ${facts.delegatedResource}/SMTP.Send.`,
      ),
    );
  } else if (!exchange.includes(resource)) {
    const first = list.find((s) => scopeResource(s) === resource) ?? '';
    issues.push(
      err(
        'scopes',
        `Scopes: the first scope "${first}" belongs to ${resource}, so Entra would issue a token for that resource and SMTP would refuse it (535 5.7.3). Put ${facts.delegatedResource}/SMTP.Send first, or remove the other scopes.`,
      ),
    );
  } else if (
    list.some((s) => {
      const r = scopeResource(s);
      return r !== null && r !== resource;
    })
  ) {
    issues.push(
      warn(
        'scopes',
        'Scopes: they name more than one resource; the token is for the first one only. The others are consented but not in this token.',
      ),
    );
  }
  if (!list.some((s) => s.toLowerCase() === 'offline_access')) {
    issues.push(
      warn(
        'scopes',
        'Scopes: without offline_access no refresh token comes back, and the mail system cannot renew its token.',
      ),
    );
  }
  return issues;
}

function validateAddresses(draft: DraftInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (draft.mailbox !== undefined && !looksLikeEmail(draft.mailbox))
    issues.push(
      err('mailbox', 'Mailbox: enter the mailbox address that signs in to SMTP, such as noreply@contoso.com.'),
    );
  if (draft.fromAddress !== undefined && draft.fromAddress.trim() && !looksLikeEmail(draft.fromAddress))
    issues.push(err('fromAddress', 'From address: enter an email address.'));
  if (draft.smtpPort === 465)
    issues.push(err('smtpPort', 'SMTP port: Exchange Online does not offer SMTPS on 465; use 587 (STARTTLS).'));
  else if (draft.smtpPort !== undefined && draft.smtpPort !== 587 && draft.smtpPort !== 25)
    issues.push(warn('smtpPort', 'SMTP port: Exchange Online listens on 587 (recommended) and 25.'));
  if (
    draft.tenant?.trim().toLowerCase() === 'consumers' &&
    draft.smtpHost &&
    draft.smtpHost !== 'smtp-mail.outlook.com'
  ) {
    issues.push(
      warn(
        'smtpHost',
        'SMTP host: personal Microsoft accounts (outlook.com, hotmail.com) send through smtp-mail.outlook.com.',
      ),
    );
  }
  if (draft.flow === 'app-only' && draft.tenant && TENANT_KEYWORDS.includes(draft.tenant.trim().toLowerCase())) {
    issues.push(
      err(
        'tenant',
        'Tenant: app-only tokens need a specific tenant (its ID or domain), not organizations, common or consumers.',
      ),
    );
  }
  return issues;
}

function validateCustomAuthority(draft: DraftInput): FieldIssue[] {
  if (draft.cloud !== 'custom') return [];
  const v = (draft.customAuthorityHost ?? '').trim();
  try {
    const u = new URL(v);
    if (u.protocol !== 'https:')
      return [
        err('customAuthorityHost', 'Authority host: it must use https; sign-in libraries refuse http authorities.'),
      ];
    return [];
  } catch {
    return [
      err(
        'customAuthorityHost',
        'Authority host: enter the https address of the sign-in service, such as https://login.example.com.',
      ),
    ];
  }
}
