import { z } from 'zod';
import { profileDraftSchema, tokenStateSchema } from './profile';

/**
 * The file a consultant moves profiles with (to a new laptop, to a colleague). Profiles are
 * plain JSON, as the profile file holds them (nothing in them is secret). Secrets travel only
 * when the user asks, and then only sealed: scrypt-derived key, AES-256-GCM, the profiles as
 * additional authenticated data, so neither can be changed without the import noticing.
 */
export const BUNDLE_FORMAT = 'smtp-oauth-wizard/profiles';
export const BUNDLE_VERSION = 1;

/** One profile as exported: the saved fields, its id (to spot a re-import), token dates only with its token. */
export const bundleProfileSchema = profileDraftSchema.extend({
  id: z.string().min(1).max(100),
  tokenState: tokenStateSchema
    .pick({ refreshTokenStoredAt: true, refreshTokenLastUsedAt: true, account: true })
    .default({}),
});
export type BundleProfile = z.infer<typeof bundleProfileSchema>;

const base64 = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64');

/** How the secrets were sealed; every parameter is in the file, so a later version can raise them. */
export const sealedSecretsSchema = z.object({
  kdf: z.object({
    name: z.literal('scrypt'),
    /** CPU/memory cost, a power of two. */
    N: z.number().int(),
    r: z.number().int(),
    p: z.number().int(),
    salt: base64(100),
  }),
  cipher: z.literal('aes-256-gcm'),
  iv: base64(100),
  tag: base64(100),
  /** Proves the passphrase before decrypting, so "wrong passphrase" and "damaged" are told apart. */
  check: base64(100),
  /** SHA-256 over everything above and the data: accidental damage is named as such. */
  digest: base64(100),
  data: base64(200_000_000),
});
export type SealedSecrets = z.infer<typeof sealedSecretsSchema>;

/** The outer shape; each profile is checked on its own so one bad entry does not hide the rest. */
export const bundleFileSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.number().int().positive(),
  exportedAt: z.string().max(64),
  /** Which app wrote it, for the person reading the file. */
  exportedBy: z.string().max(200),
  profiles: z.array(z.unknown()).max(100_000),
  secrets: sealedSecretsSchema.optional(),
});
export type BundleFile = z.infer<typeof bundleFileSchema>;

/** What the sealed part holds per profile id: the keychain entries that profile had. */
export const bundleSecretsSchema = z.record(
  z.string(),
  z.object({
    clientSecret: z.string().optional(),
    certificateKeyPem: z.string().optional(),
    certificatePem: z.string().optional(),
    proxyPassword: z.string().optional(),
    refreshToken: z.string().optional(),
  }),
);
export type BundleSecrets = z.infer<typeof bundleSecretsSchema>;
export type BundleProfileSecrets = BundleSecrets[string];

/** The shortest passphrase a bundle with secrets accepts. */
export const MIN_PASSPHRASE_CHARS = 12;

/** What the seal authenticates besides the secrets: the format, its version and the profiles exactly as written. */
export const bundleAad = (version: number, profiles: readonly unknown[]): string =>
  `${BUNDLE_FORMAT}\n${version}\n${JSON.stringify(profiles)}`;
