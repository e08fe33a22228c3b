import { z } from 'zod';

/**
 * "Create it for me": what the app created in Entra for a profile, step by step, kept on the
 * profile so that a failure or a closed app can continue where it stopped and a second run
 * reuses the application instead of making another. Only ids and dates: the secret or key it
 * made is in the keychain, the admin's token only ever in memory.
 */

import { registrationStepIds, type RegistrationStepId } from './registration-plan';

export { registrationStepIds, type RegistrationStepId };

/** A step that is done: when, and a short non-secret note (the secret's id, the thumbprint). */
export const stepRecordSchema = z.object({ at: z.string(), note: z.string().max(500).optional() });
export type StepRecord = z.infer<typeof stepRecordSchema>;

export const registrationCredentialSchema = z.enum(['secret', 'certificate']);
export type RegistrationCredential = z.infer<typeof registrationCredentialSchema>;

export const registrationRecordSchema = z.object({
  /** The app registration's display name in Entra. */
  appName: z.string().min(1).max(120),
  /** `https://host` of Microsoft Graph it was created through (removal and Continue call it again). */
  graphHost: z.string(),
  /** The public client the admin signed in with (Microsoft Graph Command Line Tools unless overridden). */
  adminClientId: z.string(),
  credentialKind: registrationCredentialSchema,
  secretLifetimeMonths: z.number().int().min(1).max(24).default(12),
  /**
   * App-only with Exchange App RBAC (a management scope over a group): the app gets no SMTP.SendAsApp
   * application permission, since with it Exchange checks mailbox permissions and ignores the scope.
   */
  appRbac: z.boolean().optional(),
  /** From GET /organization: the tenant's GUID, name and its initial .onmicrosoft.com domain. */
  tenantId: z.string().optional(),
  tenantName: z.string().optional(),
  initialDomain: z.string().optional(),
  /** App registrations → Object ID (Graph /applications/{id}). */
  applicationObjectId: z.string().optional(),
  /** Enterprise applications → Object ID: what Exchange's New-ServicePrincipal -ObjectId needs. */
  servicePrincipalObjectId: z.string().optional(),
  /** Each step that is done; a missing one still has to run. */
  steps: z.partialRecord(z.enum(registrationStepIds), stepRecordSchema).default({}),
  startedAt: z.string(),
  /** The admin who last ran it (UPN), for "created by" in the support report. */
  admin: z.string().optional(),
});
export type RegistrationRecord = z.infer<typeof registrationRecordSchema>;

/** The marker put on the application so a run that was cut off after creating it finds it again. */
export const registrationTag = (profileId: string): string => `smtp-oauth-wizard:${profileId}`;

/** What the user chooses before anything is created (the preview). */
export const registrationOptionsSchema = z.object({
  appName: z.string().trim().min(1).max(120),
  credential: registrationCredentialSchema,
  secretLifetimeMonths: z.number().int().min(1).max(24).default(12),
  /** The public client the admin signs in with; empty: Microsoft Graph Command Line Tools. */
  adminClientId: z.string().trim().max(100).default(''),
  /** Tenant to sign the admin in to (GUID or domain); empty: the mailbox's domain. */
  tenant: z.string().trim().max(256).default(''),
  /** Custom cloud only: Microsoft Graph's host next to the custom authority. */
  customGraphHost: z.string().trim().max(256).default(''),
  /** App-only: the app will be given access through App RBAC (see the record's appRbac). */
  appRbac: z.boolean().default(false),
});
export type RegistrationOptions = z.infer<typeof registrationOptionsSchema>;
