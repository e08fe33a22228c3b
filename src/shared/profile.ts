import { z } from 'zod';
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

/** Non-secret facts about the credential; the secret value or key itself is in the keychain. */
export const credentialInfoSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({
    kind: z.literal('secret'),
    /** The secret's ID as shown in the portal (not secret; helps spot "ID pasted as value"). */
    secretId: z.string().optional(),
    /** ISO date the user entered from the portal's "Expires" column. */
    expiresOn: z.string().optional(),
  }),
  z.object({
    kind: z.literal('certificate'),
    source: z.enum(['pem', 'pfx']),
    thumbprintSha1: z.string(),
    thumbprintSha256: z.string(),
    subject: z.string(),
    notAfter: z.string(),
  }),
]);
export type CredentialInfo = z.infer<typeof credentialInfoSchema>;

export const networkSettingsSchema = z.object({
  /** `http://proxy:8080`; empty means use HTTPS_PROXY from the environment, if set. */
  proxyUrl: z.string().default(''),
  /** Extra trusted CA in PEM (TLS inspection appliances, the emulator in tests). */
  extraCaPem: z.string().default(''),
  timeoutMs: z.number().int().positive().default(30_000),
});
export type NetworkSettings = z.infer<typeof networkSettingsSchema>;

export const verifyRecordSchema = z.object({
  at: z.string(),
  ok: z.boolean(),
  /** Problem code when it failed. */
  code: z.string().optional(),
  title: z.string().optional(),
});
export type VerifyRecord = z.infer<typeof verifyRecordSchema>;

/** What the app knows about the tokens without holding them in this file. */
export const tokenStateSchema = z.object({
  /** When a refresh token was last stored (acquired or rotated). */
  refreshTokenStoredAt: z.string().optional(),
  /** When the refresh token was last redeemed; Entra's 90-day inactivity window starts here. */
  refreshTokenLastUsedAt: z.string().optional(),
  /** When the last access token was obtained (app-only has no refresh token). */
  accessTokenAcquiredAt: z.string().optional(),
  /** The signed-in account, from the id token (`preferred_username`). */
  account: z.string().optional(),
  lastVerify: verifyRecordSchema.optional(),
});
export type TokenState = z.infer<typeof tokenStateSchema>;

export const profileSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  targetId: targetIdSchema,
  flow: flowSchema,
  cloud: cloudIdSchema,
  /** Only for cloud `custom`: an https authority host such as `https://login.example.test`. */
  customAuthorityHost: z.string().default(''),
  /** Tenant GUID, verified domain, `organizations`, `common` or `consumers`. */
  tenant: z.string(),
  clientId: z.string(),
  credential: credentialInfoSchema,
  redirectUri: z.string(),
  scopes: z.array(z.string()),
  /** The mailbox that logs in (XOAUTH2 `user=`). */
  mailbox: z.string(),
  /** The From address; differs from `mailbox` for shared mailboxes and Send As. */
  fromAddress: z.string(),
  smtpHost: z.string(),
  smtpPort: z.number().int().min(1).max(65535),
  network: networkSettingsSchema.default({ proxyUrl: '', extraCaPem: '', timeoutMs: 30_000 }),
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
  clientSecret: z.string().optional(),
  /** PEM text holding the private key (and usually the certificate). */
  certificatePem: z.string().optional(),
  /** PFX as base64 plus its password. */
  pfxBase64: z.string().optional(),
  pfxPassword: z.string().optional(),
});
export type ProfileSecretsInput = z.infer<typeof profileSecretsInputSchema>;
