/**
 * THE registry of problem codes. Each code a Problem can carry is listed once, with the
 * category consumers branch on (the CLI's exit code, the window's colour, the bulk
 * checker's retry) instead of guessing from the code's spelling. Adding a code is one
 * line here; `problem()` does not compile with a code that is neither listed here nor
 * one of the server-numbered families below (whose rule rows give their own category).
 *
 * - setup: the Microsoft set-up or the profile is wrong; something must be changed.
 * - environment: this computer or its network (keychain, disk, proxy, firewall, TLS inspection).
 * - transient: nothing needs changing; the same action later will likely work.
 * - cancelled: the user stopped it.
 */
export const PROBLEM_CATEGORIES = ['setup', 'environment', 'transient', 'cancelled'] as const;
export type ProblemCategory = (typeof PROBLEM_CATEGORIES)[number];

export const problemCodes = {
  // The app itself and its window
  UNEXPECTED: 'environment',
  NO_BRIDGE: 'environment',
  IPC_FAILED: 'environment',
  IPC_UNKNOWN_CHANNEL: 'environment',
  IPC_BAD_REQUEST: 'setup',
  IPC_UNTRUSTED_SENDER: 'environment',
  // Profiles, files and the keychain
  PROFILE_FILE_CORRUPT: 'environment',
  // A token or check worked but its dates could not be written (read-only folder, full disk): a warning.
  TOKEN_STATE_NOT_SAVED: 'environment',
  PROFILE_FILE_NEWER: 'environment',
  PROFILE_FILE_BUSY: 'environment',
  PROFILE_BACKUP_MISSING: 'environment',
  PROFILE_FILE_NOT_DAMAGED: 'setup',
  DISK_READ_ONLY: 'environment',
  DISK_FULL: 'environment',
  DISK_NO_ACCESS: 'environment',
  DISK_NOT_A_FILE: 'environment',
  DISK_ERROR: 'environment',
  PROFILE_NOT_FOUND: 'setup',
  PROFILE_INVALID: 'setup',
  DRAFT_NOT_FOUND: 'setup',
  CHECK_MAILBOX_NEEDS_APP_ONLY: 'setup',
  SECRET_NOT_STORED: 'setup',
  KEYCHAIN_UNAVAILABLE: 'environment',
  KEYCHAIN_LOCKED: 'environment',
  KEYCHAIN_DENIED: 'environment',
  KEYCHAIN_TOO_LARGE: 'environment',
  KEYCHAIN_CORRUPT: 'environment',
  CERTIFICATE_FILE_UNUSABLE: 'setup',
  CERT_NO_PRIVATE_KEY: 'setup',
  CERT_KEY_ENCRYPTED: 'setup',
  CERT_KEY_UNREADABLE: 'setup',
  CERT_NO_CERTIFICATE: 'setup',
  CERT_KEY_MISMATCH: 'setup',
  CERT_EXPIRED: 'setup',
  PFX_WRONG_PASSWORD: 'setup',
  PFX_UNREADABLE: 'setup',
  // Profile bundles (export and import between computers)
  BUNDLE_PASSPHRASE_NEEDED: 'setup',
  BUNDLE_PASSPHRASE_WEAK: 'setup',
  BUNDLE_PASSPHRASE_WRONG: 'setup',
  BUNDLE_DAMAGED: 'setup',
  BUNDLE_NOT_A_BUNDLE: 'setup',
  BUNDLE_NEWER_VERSION: 'setup',
  BUNDLE_NO_PROFILES: 'setup',
  IMPORT_NOT_OPEN: 'setup',
  // Sign-in, tokens and the authority
  AUTHORITY_INSECURE: 'setup',
  AUTHORITY_INVALID: 'setup',
  AUTHORITY_UNKNOWN: 'setup',
  CREDENTIAL_MISSING: 'setup',
  APP_ONLY_NEEDS_CREDENTIAL: 'setup',
  DEVICE_CODE_PUBLIC_ONLY: 'setup',
  LOOPBACK_NEEDS_LOCALHOST: 'setup',
  NO_REFRESH_TOKEN: 'setup',
  SIGN_IN_CANCELLED: 'cancelled',
  SIGN_IN_TIMEOUT: 'transient',
  STATE_MISMATCH: 'transient',
  NONCE_MISMATCH: 'transient',
  CANCELLED: 'cancelled',
  // Reaching the identity provider
  IDP_UNREACHABLE: 'environment',
  IDP_TIMEOUT: 'transient',
  IDP_BAD_RESPONSE: 'environment',
  TLS_UNTRUSTED: 'environment',
  TLS_CERT_EXPIRED: 'environment',
  TLS_NAME_MISMATCH: 'environment',
  TLS_FAILED: 'environment',
  PROXY_AUTH_REQUIRED: 'environment',
  PROXY_UNREACHABLE: 'environment',
  PROXY_REFUSED: 'environment',
  PROXY_URL_INVALID: 'setup',
  // SMTP before and around the conversation
  SMTP_NO_MAILBOX: 'setup',
  SMTP_DELEGATE_SEND_AS: 'setup',
  SMTP_FROM_DIFFERS: 'setup',
  SMTP_CANCELLED: 'cancelled',
  SMTP_HOST_NOT_FOUND: 'setup',
  SMTP_CONNECTION_REFUSED: 'environment',
  SMTP_PORT_BLOCKED: 'environment',
  SMTP_TLS_UNTRUSTED: 'environment',
  SMTP_TLS_EXPIRED: 'environment',
  SMTP_TLS_NAME_MISMATCH: 'setup',
  SMTP_TLS_VERSION: 'environment',
  SMTP_STARTTLS_FAILED: 'setup',
  SMTP_CONNECTION_DROPPED: 'transient',
  SMTP_TIMEOUT: 'transient',
  SMTP_NETWORK_ERROR: 'environment',
  // SMTP replies whose code names more than the reply (the table in src/core/diagnose/smtp-rules.ts;
  // its rows that use the reply's own code, `SMTP_<code>_<enhanced>`, state their category there)
  'SMTP_535_5.7.139_TENANT_DISABLED': 'setup',
  'SMTP_535_5.7.139_MAILBOX_DISABLED': 'setup',
  'SMTP_535_5.7.139_SECURITY_DEFAULTS': 'setup',
  'SMTP_535_5.7.139_CONDITIONAL_ACCESS': 'setup',
  'SMTP_535_5.7.139_BASIC_AUTH': 'setup',
  'SMTP_535_5.7.139': 'setup',
  'SMTP_535_5.7.3': 'setup',
  'SMTP_535_5.7.3_TOKEN_EXPIRED': 'transient',
  'SMTP_535_5.7.3_WRONG_AUDIENCE': 'setup',
  'SMTP_535_5.7.3_OTHER_CLOUD': 'setup',
  'SMTP_535_5.7.3_MISSING_SCOPE': 'setup',
  'SMTP_535_5.7.3_USER_NOT_MAILBOX': 'setup',
  'SMTP_535_5.7.3_MISSING_APP_ROLE': 'setup',
  'SMTP_535_5.7.3_APP_NOT_ALLOWED': 'setup',
  SMTP_AUTH_REFUSED_NOT_EXCHANGE: 'setup',
  SMTP_TOKEN_EXPIRED: 'transient',
  SMTP_TOKEN_WRONG_AUDIENCE: 'setup',
  SMTP_TOKEN_OTHER_CLOUD: 'setup',
  SMTP_TOKEN_MISSING_SCOPE: 'setup',
  SMTP_TOKEN_MISSING_APP_ROLE: 'setup',
  'SMTP_554_5.2.0_QUOTA': 'transient',
  // Bulk and exports
  BULK_NEEDS_APP_ONLY: 'setup',
  INVALID_MAILBOX: 'setup',
  // A mailbox list (src/core/bulk/mailbox-entries.ts): the named column is missing, nothing to check,
  // and the codes of its invalid rows
  NO_MAILBOX_COLUMN: 'setup',
  EMPTY_LIST: 'setup',
  CSV_MALFORMED_ROW: 'setup',
  MISSING_MAILBOX: 'setup',
  BULK_LIST_TOO_LARGE: 'setup',
  AEM_VARIABLE_TOO_LONG: 'setup',
  // Exchange's admin REST (issue 15): every one carries the PowerShell to run by hand
  EXCHANGE_ADMIN_NOT_ADMIN: 'setup',
  EXCHANGE_ADMIN_TOKEN_REFUSED: 'setup',
  EXCHANGE_ADMIN_NOT_FOUND: 'setup',
  EXCHANGE_ADMIN_CMDLET_FAILED: 'setup',
  EXCHANGE_SP_WRONG_OBJECT_ID: 'setup',
  EXCHANGE_PLAN_INCOMPLETE: 'setup',
  EXCHANGE_ADMIN_THROTTLED: 'transient',
  EXCHANGE_ADMIN_UNAVAILABLE: 'transient',
  EXCHANGE_PROPAGATION_TIMEOUT: 'transient',
  // "Create it for me" (issue 13): Microsoft Graph, the registration's steps, the admin's sign-in
  GRAPH_ROLE_MISSING: 'setup',
  GRAPH_SECRETS_BLOCKED: 'setup',
  GRAPH_SECRET_LIFETIME_POLICY: 'setup',
  GRAPH_REPLICATION_SLOW: 'transient',
  GRAPH_THROTTLED: 'transient',
  GRAPH_REQUEST_FAILED: 'setup',
  REGISTRATION_APP_GONE: 'setup',
  REGISTRATION_NOT_READY: 'transient',
  REGISTRATION_WRONG_TENANT: 'setup',
  REGISTRATION_EXCHANGE_MISSING: 'setup',
  REGISTRATION_NEEDS_SIGN_IN_APP: 'setup',
  REGISTRATION_NEEDS_GRAPH_HOST: 'setup',
  REGISTRATION_PERMISSION_UNKNOWN: 'setup',
  REGISTRATION_NOT_STARTED: 'setup',
  REGISTRATION_NOT_OURS: 'setup',
  REGISTRATION_REMOVE_FAILED: 'transient',
  REGISTRATION_CANCELLED: 'cancelled',
  ADMIN_CLIENT_BLOCKED: 'setup',
  ADMIN_CLIENT_NEEDS_CONSENT: 'setup',
  ADMIN_CLIENT_NOT_FOUND: 'setup',
  ADMIN_CLIENT_NOT_PUBLIC: 'setup',
  ADMIN_CLIENT_REDIRECT_MISSING: 'setup',
} as const satisfies Readonly<Record<string, ProblemCategory>>;

/** A code listed above: its category comes from the registry. */
export type RegisteredCode = keyof typeof problemCodes;

/**
 * Codes numbered by the other side: Entra's AADSTS numbers and OAuth `error` names, MSAL's
 * error codes, SMTP reply codes the rules do not know, an export's file-system code. The
 * rule that builds one states its category.
 */
export type FamilyCode =
  | `AADSTS${number}`
  | `OAUTH_${string}`
  | `MSAL_${string}`
  | `SMTP_${number}`
  | `SMTP_${number}_${number}.${number}.${number}`
  | `EXPORT_SAVE_${string}`;

export type ProblemCode = RegisteredCode | FamilyCode;

export const isRegisteredCode = (code: string): code is RegisteredCode => Object.hasOwn(problemCodes, code);

/** The category of a registered code; undefined for family codes (their rule decides). */
export const categoryOf = (code: string): ProblemCategory | undefined =>
  isRegisteredCode(code) ? problemCodes[code] : undefined;
