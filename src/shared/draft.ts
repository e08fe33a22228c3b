import { z } from 'zod';
import { cloudIdSchema, targetIdSchema } from './profile';

/**
 * An unfinished new set-up: what the wizard's form held when the user last typed, so a
 * Close, a crash or a power cut loses nothing. The non-secret fields go to a file beside
 * the profiles; the client secret, a picked certificate (its key), the PFX password and a
 * proxy password go to the keychain (src/core/profiles/draft-store.ts).
 */

const text = (max: number) => z.string().max(max);

/** The form's non-secret fields, as typed (strings), exactly as the wizard keeps them. */
export const draftFormSchema = z.object({
  name: text(500),
  targetId: targetIdSchema.optional(),
  cloud: cloudIdSchema,
  customAuthorityHost: text(2_000),
  tenant: text(500),
  clientId: text(500),
  credentialKind: z.enum(['secret', 'certificate', 'none']),
  secretId: text(500),
  secretExpiresOn: text(100),
  redirectUri: text(2_000),
  scopes: text(20_000),
  mailbox: text(500),
  fromAddress: text(500),
  smtpHost: text(500),
  smtpPort: text(20),
  /** May carry `user:password@`; the store moves the password to the keychain. */
  proxyUrl: text(2_000),
  extraCaPem: text(200_000),
  timeoutSeconds: text(20),
  servicePrincipalObjectId: text(100).default(''),
});
export type DraftForm = z.infer<typeof draftFormSchema>;

export const draftSecretsSchema = z.object({
  clientSecret: text(10_000).optional(),
  /** The picked certificate file: PEM text or PFX base64 (a private key: keychain only). */
  certificate: z.object({ fileName: text(500), source: z.enum(['pem', 'pfx']), content: text(100_000) }).optional(),
  pfxPassword: text(10_000).optional(),
});
export type DraftSecrets = z.infer<typeof draftSecretsSchema>;

export const draftStepSchema = z.enum(['target', 'checklist', 'details']);

export const draftSaveRequestSchema = z.object({
  /** Absent: a new draft. */
  id: z.string().min(1).max(100).optional(),
  step: draftStepSchema,
  form: draftFormSchema,
  secrets: draftSecretsSchema,
});
export type DraftSaveRequest = z.input<typeof draftSaveRequestSchema>;

/** What the start screen lists: enough to recognise the set-up, nothing secret. */
export interface DraftSummary {
  readonly id: string;
  readonly updatedAt: string;
  readonly step: z.infer<typeof draftStepSchema>;
  readonly name: string;
  readonly targetId?: z.infer<typeof targetIdSchema>;
  readonly tenant: string;
  readonly mailbox: string;
}

/** A draft to resume: the form and the secrets typed into it (they go back only to the window that typed them). */
export interface DraftView extends DraftSummary {
  readonly form: DraftForm;
  readonly secrets: DraftSecrets;
  /** False when the keychain could not keep the secrets: the user types them again. */
  readonly secretsKept: boolean;
}

export interface DraftSaved {
  readonly id: string;
  readonly updatedAt: string;
  /** False when the keychain refused the secrets: the rest is kept, the user is told. */
  readonly secretsKept: boolean;
}
