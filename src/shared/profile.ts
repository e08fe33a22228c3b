import { z } from 'zod';
import { BOUNDS, extraCaProblem, timeoutProblem, tooLong } from './field-bounds';
import { proxyAddressIssue } from './proxy-address';
import { registrationRecordSchema } from './registration';

/**
 * A profile is one "mail system -> mailbox" set-up (a consultant keeps one per client
 * tenant). Only non-secret fields live here; the client secret, certificate key and
 * tokens live in the SecretStore under the profile's id (see src/core/secrets/secret-keys.ts).
 */

export const targetIds = ['aem', 'onit', 'emailengine', 'akumina', 'app-only', 'generic'] as const;
export const targetIdSchema = z.enum(targetIds);
export type TargetId = z.infer<typeof targetIdSchema>;

export const cloudIds = ['global', 'gcc-high', 'dod', 'china', 'custom'] as const;
export const cloudIdSchema = z.enum(cloudIds);
export type CloudId = z.infer<typeof cloudIdSchema>;

export const flowSchema = z.enum(['delegated', 'app-only']);
export type Flow = z.infer<typeof flowSchema>;

/** A string of at most `max` characters whose message names the field. */
const text = (label: string, max: number = BOUNDS.shortText) => z.string().max(max, tooLong(label, max));
/** A field whose own check (field-bounds.ts) says what is wrong. */
const checked = <T>(schema: z.ZodType<T>, problem: (v: T) => string | undefined) =>
  schema.superRefine((v, ctx) => {
    const message = problem(v);
    if (message) ctx.addIssue({ code: 'custom', message });
  });

/** Non-secret facts about the credential; the secret value or key itself is in the keychain. */
export const credentialInfoSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({
    kind: z.literal('secret'),
    /** The secret's ID as shown in the portal (not secret; helps spot "ID pasted as value"). */
    secretId: text('Secret ID').optional(),
    /** ISO date the user entered from the portal's "Expires" column. */
    expiresOn: text('Secret expiry date', 64).optional(),
  }),
  z.object({
    kind: z.literal('certificate'),
    source: z.enum(['pem', 'pfx']),
    thumbprintSha1: text('Certificate thumbprint', 128),
    thumbprintSha256: text('Certificate thumbprint', 128),
    subject: text('Certificate subject', BOUNDS.longText),
    notAfter: text('Certificate expiry date', 64),
  }),
]);
export type CredentialInfo = z.infer<typeof credentialInfoSchema>;

export const networkSettingsSchema = z.object({
  /** `http://proxy:8080`; empty means use HTTPS_PROXY from the environment, if set. */
  proxyUrl: checked(z.string(), proxyAddressIssue).default(''),
  /** Extra trusted CA in PEM (TLS inspection appliances, the emulator in tests). */
  extraCaPem: checked(z.string(), extraCaProblem).default(''),
  /** Bounded below Node's timer overflow (2^31-1 ms), past which a timer fires at once. */
  timeoutMs: checked(z.number().int(), timeoutProblem).default(30_000),
});
export type NetworkSettings = z.infer<typeof networkSettingsSchema>;

export const verifyRecordSchema = z.object({
  at: text('Verify date', 64),
  ok: z.boolean(),
  /** Problem code when it failed. */
  code: text('Verify code').optional(),
  title: text('Verify title', BOUNDS.longText).optional(),
});
export type VerifyRecord = z.infer<typeof verifyRecordSchema>;

/** What the app knows about the tokens without holding them in this file. */
export const tokenStateSchema = z.object({
  /** When a refresh token was last stored (acquired or rotated). */
  refreshTokenStoredAt: text('Token date', 64).optional(),
  /** When the refresh token was last redeemed; Entra's 90-day inactivity window starts here. */
  refreshTokenLastUsedAt: text('Token date', 64).optional(),
  /** When the last access token was obtained (app-only has no refresh token). */
  accessTokenAcquiredAt: text('Token date', 64).optional(),
  /** The signed-in account, from the id token (`preferred_username`). */
  account: text('Signed-in account', BOUNDS.address).optional(),
  lastVerify: verifyRecordSchema.optional(),
});
export type TokenState = z.infer<typeof tokenStateSchema>;

export const profileSchema = z.object({
  id: text('Profile id', 100).min(1),
  name: text('Profile name', BOUNDS.name).min(1, 'Profile name: give it a name you will recognize.'),
  targetId: targetIdSchema,
  flow: flowSchema,
  cloud: cloudIdSchema,
  /** Only for cloud `custom`: an https authority host such as `https://login.example.test`. */
  customAuthorityHost: text('Authority host', BOUNDS.url).default(''),
  /** Tenant GUID, verified domain, `organizations`, `common` or `consumers`. */
  tenant: text('Tenant', BOUNDS.tenant),
  clientId: text('Client ID', BOUNDS.clientId),
  credential: credentialInfoSchema,
  redirectUri: text('Redirect URI', BOUNDS.url),
  scopes: z
    .array(text('Scopes', BOUNDS.scope))
    .max(BOUNDS.scopes, `Scopes: at most ${BOUNDS.scopes}; a token for SMTP needs one or two.`),
  /** The mailbox that logs in (XOAUTH2 `user=`). */
  mailbox: text('Mailbox', BOUNDS.address),
  /** The From address; differs from `mailbox` for shared mailboxes and Send As. */
  fromAddress: text('From address', BOUNDS.address),
  smtpHost: text('SMTP host', BOUNDS.host),
  smtpPort: z.number().int().min(1, 'SMTP port: enter 587 or 25.').max(65535, 'SMTP port: enter 587 or 25.'),
  network: networkSettingsSchema.default({ proxyUrl: '', extraCaPem: '', timeoutMs: 30_000 }),
  /**
   * App-only: the object id of the Enterprise application (service principal) in the tenant,
   * which Exchange's New-ServicePrincipal -ObjectId and Add-MailboxPermission -User take.
   * Typed in Details, written by "Create it for me", or taken from the app-only token's `oid`.
   */
  servicePrincipalObjectId: z.string().max(100).optional(),
  tokenState: tokenStateSchema.default({}),
  /** Present when the app created the registration ("Create it for me"): ids and steps done. */
  registration: registrationRecordSchema.optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Profile = z.infer<typeof profileSchema>;

/** What the wizard sends when creating or editing: the store fills id and dates. */
export const profileDraftSchema = profileSchema.omit({ id: true, createdAt: true, updatedAt: true, tokenState: true });
export type ProfileDraft = z.infer<typeof profileDraftSchema>;

/** Secrets typed into the wizard; they go to the keychain and never into the profile file. */
export const profileSecretsInputSchema = z.object({
  clientSecret: text('Client secret', BOUNDS.clientSecret).optional(),
  /** PEM text holding the private key (and usually the certificate). */
  certificatePem: text('Certificate', BOUNDS.certificateFile).optional(),
  /** PFX as base64 plus its password. */
  pfxBase64: text('Certificate', BOUNDS.certificateFile).optional(),
  pfxPassword: text('PFX password', BOUNDS.longText).optional(),
});
export type ProfileSecretsInput = z.infer<typeof profileSecretsInputSchema>;
