// The AADSTS table: code -> OAuth `error`, HTTP status, optional `suberror` and wire text.
// Texts are the exact server strings of reference §5.1 / §4.1 where known; codes the reference
// marks [UNCONFIRMED] or does not list carry the wording of Microsoft's error-code page (D7)
// and say so in the comment.
import { randomUUID } from 'node:crypto';

type P = Readonly<Record<string, string>>;

export interface AadstsEntry {
  readonly error: string;
  readonly status: number;
  readonly suberror?: string;
  readonly text: (p: P) => string;
}

export const AADSTS: Readonly<Record<number, AadstsEntry>> = {
  // §5.1 — shown as an error page at /authorize, never redirected (§1.3)
  50011: {
    error: 'invalid_request',
    status: 400,
    text: (p) =>
      `The redirect URI '${p.uri}' specified in the request does not match the redirect URIs configured for the application '${p.appId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this.`,
  },
  500113: { error: 'invalid_request', status: 400, text: () => 'No reply address is registered for the application.' },
  700016: {
    error: 'unauthorized_client',
    status: 400,
    text: (p) =>
      `Application with identifier '${p.appId}' was not found in the directory '${p.tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
  },
  // §5.1 client authentication (401 for invalid_client, §1.7)
  7000215: {
    error: 'invalid_client',
    status: 401,
    text: (p) =>
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${p.appId}'.`,
  },
  7000222: {
    error: 'invalid_client',
    status: 401,
    text: (p) =>
      `The provided client secret keys for app '${p.appId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`,
  },
  7000218: {
    error: 'invalid_client',
    status: 401,
    text: () => "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
  },
  700025: {
    error: 'invalid_client',
    status: 401,
    text: () => "Client is public so neither 'client_assertion' nor 'client_secret' should be presented.",
  },
  // §2 / §5.1 [UNCONFIRMED wording beyond D7's sentence]
  700027: {
    error: 'invalid_client',
    status: 401,
    text: (p) => `Client assertion failed signature validation. ${p.reason ?? ''}`.trim(),
  },
  // §5.1 consent
  65001: {
    error: 'invalid_grant',
    status: 400,
    suberror: 'consent_required',
    text: (p) =>
      `The user or administrator has not consented to use the application with ID '${p.appId}' named '${p.appName}'. Send an interactive authorization request for this user and resource.`,
  },
  65004: { error: 'access_denied', status: 400, text: () => 'User declined to consent to access the app.' },
  // §5.1 / §2 scopes and resources
  70011: {
    error: 'invalid_scope',
    status: 400,
    text: (p) => `The provided value for the input parameter 'scope' is not valid. The scope ${p.scope} is not valid.`,
  },
  700022: {
    error: 'invalid_scope',
    status: 400,
    text: (p) =>
      `The provided value for the input parameter scope is not valid because it contains more than one resource. Scope ${p.scope} is not valid.`,
  },
  1002012: {
    error: 'invalid_scope',
    status: 400,
    text: (p) =>
      `The provided value for scope ${p.scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
  },
  500011: {
    error: 'invalid_resource',
    status: 400,
    text: (p) =>
      `The resource principal named ${p.resource} was not found in the tenant named ${p.tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
  },
  // §4.1 tenants
  90002: {
    error: 'invalid_tenant',
    status: 400,
    text: (p) =>
      `Tenant '${p.tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
  },
  900023: {
    error: 'invalid_request',
    status: 400,
    text: (p) => `Specified tenant identifier '${p.tenant}' is neither a valid DNS name, nor a valid external domain.`,
  },
  50059: {
    error: 'invalid_request',
    status: 400,
    text: () => 'No tenant-identifying information found in either the request or implied by any provided credentials.',
  }, // D7 wording
  // §5.1 / §5.3 user-side blocks
  50076: {
    error: 'invalid_grant',
    status: 400,
    suberror: 'basic_action',
    text: (p) =>
      `Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '${p.resourceAppId}'.`,
  },
  53003: {
    error: 'interaction_required',
    status: 400,
    suberror: 'message_only',
    text: () =>
      'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.',
  },
  50126: {
    error: 'invalid_grant',
    status: 400,
    text: () => 'Error validating credentials due to invalid username or password.',
  },
  50034: {
    error: 'invalid_grant',
    status: 400,
    text: (p) =>
      `The user account {EmailHidden} does not exist in the ${p.tenant} directory. To sign into this application, the account must be added to the directory.`,
  },
  50020: {
    error: 'invalid_request',
    status: 400,
    text: (p) =>
      `User account '${p.email}' from identity provider '${p.idp}' does not exist in tenant '${p.tenant}' and cannot access the application '${p.appId}'(${p.appName}) in that tenant. The account needs to be added as an external user in the tenant first. Sign out and sign in again with a different Azure Active Directory user account.`,
  },
  50058: {
    error: 'login_required',
    status: 400,
    text: () => 'A silent sign-in request was sent but no user is signed in.',
  }, // D7 wording
  90094: { error: 'access_denied', status: 400, text: () => 'The grant requires admin permission.' }, // D7 wording
  // D7 AdminConsentRequiredRequestAccess: the admin consent workflow's interrupt [wire text UNCONFIRMED]
  90095: {
    error: 'access_denied',
    status: 400,
    text: () =>
      'Admin consent is required for the permissions requested by this application. An admin consent request may be submitted.',
  },
  // D7 EntitlementGrantsNotFound; the wire text as users report it [OBS]
  50105: {
    error: 'access_denied',
    status: 400,
    text: (p) =>
      `Your administrator has configured the application ${p.appName} ('${p.appId}') to block users unless they are specifically granted ('assigned') access to the application. The signed in user '{EmailHidden}' is blocked because they are not a direct member of a group with access, nor had access directly assigned by an administrator. Please contact your administrator to assign access to this application.`,
  },
  // D7 UnauthorizedClientApplicationDisabled [wire text beyond D7's sentence UNCONFIRMED]
  7000112: {
    error: 'unauthorized_client',
    status: 400,
    text: (p) => `Application '${p.appId}'(${p.appName}) is disabled.`,
  },
  // D7 (first-party preauthorization) [error field UNCONFIRMED]
  65002: {
    error: 'invalid_request',
    status: 400,
    text: (p) =>
      `Consent between first party application '${p.appId}' and first party resource '${p.resource}' must be configured via preauthorization - applications owned and operated by Microsoft must get approval from the API owner before requesting tokens for that API.`,
  },
  // §5.1 / §6 codes and refresh tokens
  70000: {
    error: 'invalid_grant',
    status: 400,
    text: () => "The provided value for the 'code' parameter is not valid. The code has expired.",
  },
  70008: {
    error: 'invalid_grant',
    status: 400,
    text: () =>
      'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
  },
  54005: {
    error: 'invalid_grant',
    status: 400,
    text: () =>
      'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
  },
  501481: {
    error: 'invalid_grant',
    status: 400,
    text: () => "The Code_Verifier doesn't match the code_challenge supplied in the authorization request.",
  },
  500112: {
    error: 'invalid_grant',
    status: 400,
    text: () => 'The reply address does not match the reply address provided when requesting Authorization code.',
  }, // D7 wording
  9002313: { error: 'invalid_grant', status: 400, text: () => 'Invalid request. Request is malformed or invalid.' },
  700082: {
    error: 'invalid_grant',
    status: 400,
    suberror: 'bad_token',
    text: (p) =>
      `The refresh token has expired due to inactivity. The token was issued on ${p.issued} and was inactive for 90.00:00:00.`,
  },
  700084: {
    error: 'invalid_grant',
    status: 400,
    suberror: 'bad_token',
    text: (p) =>
      `The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of 1.00:00:00, which cannot be extended. It is now expired and a new sign in request must be sent by the SPA to the sign in page. The token was issued on ${p.issued}.`,
  }, // §6 24 h SPA lifetime; D7 wording
  70043: {
    error: 'invalid_grant',
    status: 400,
    suberror: 'bad_token',
    text: (p) =>
      `The refresh token has expired or is invalid due to sign-in frequency checks by conditional access. The token was issued on ${p.issued} and the maximum allowed lifetime for this request is ${p.maxSeconds}.`,
  }, // §6 [text: observed form, UNCONFIRMED]
  50173: {
    error: 'invalid_grant',
    status: 400,
    suberror: 'bad_token',
    text: (p) =>
      `The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '${p.issued}' and the TokensValidFrom date (before which tokens are not valid) for this user is '${p.validFrom}'.`,
  }, // §6 revocation; D7
  // §1.4 / §8 request shape and platforms
  900144: {
    error: 'invalid_request',
    status: 400,
    text: (p) => `The request body must contain the following parameter: '${p.name}'.`,
  },
  70003: { error: 'unsupported_grant_type', status: 400, text: () => 'The app requested an unsupported grant type.' }, // D7 wording
  700054: {
    error: 'unsupported_response_type',
    status: 400,
    text: () => "response_type 'id_token' is not enabled for the application.",
  }, // §1.2
  9002326: {
    error: 'invalid_request',
    status: 400,
    text: () => "Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type.",
  }, // §5.1 [UNCONFIRMED text]
  9002327: {
    error: 'invalid_request',
    status: 400,
    text: () =>
      "Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests.",
  }, // §8 [UNCONFIRMED text]
  // §3 device code polling [wording UNCONFIRMED]
  70016: {
    error: 'authorization_pending',
    status: 400,
    text: () => 'OAuth 2.0 device flow error. Authorization is pending. Continue polling.',
  },
  70019: { error: 'expired_token', status: 400, text: () => 'Verification code expired.' },
  70020: {
    error: 'authorization_declined',
    status: 400,
    text: () => 'The user declined the device code authorization request.',
  },
  70021: { error: 'bad_verification_code', status: 400, text: () => 'The device code was not recognized.' },
};

export interface AadError {
  readonly code: number;
  readonly status: number;
  readonly body: {
    error: string;
    error_description: string;
    error_codes: number[];
    timestamp: string;
    trace_id: string;
    correlation_id: string;
    error_uri: string;
    suberror?: string;
  };
  /** "AADSTSnnnn: text" without the trace block (for pages and redirects). */
  readonly message: string;
}

/** `YYYY-MM-DD HH:MM:SSZ` (§1.7). */
export function aadTimestamp(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, 'Z');
}

/** Microsoft's JSON error shape (§1.7) for one AADSTS code. */
export function aadError(
  code: number,
  params: P,
  nowMs: number,
  correlationId?: string,
  authorityHost = 'https://login.microsoftonline.com',
): AadError {
  const entry = AADSTS[code];
  if (!entry) throw new Error(`emulator bug: AADSTS${code} is not in the table`);
  const message = `AADSTS${code}: ${entry.text(params)}`;
  const timestamp = aadTimestamp(nowMs);
  const traceId = randomUUID();
  const correlation = correlationId && /^[0-9a-f-]{36}$/i.test(correlationId) ? correlationId : randomUUID();
  const body: AadError['body'] = {
    error: entry.error,
    error_description: `${message}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlation}\r\nTimestamp: ${timestamp}`,
    error_codes: [code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlation,
    error_uri: `${authorityHost}/error?code=${code}`,
    ...(entry.suberror ? { suberror: entry.suberror } : {}),
  };
  return { code, status: entry.status, body, message };
}

/** Thrown inside request handlers; the server turns it into the JSON error response. */
export class AadstsError extends Error {
  constructor(
    readonly code: number,
    readonly params: P = {},
  ) {
    super(`AADSTS${code}`);
  }
}
