import { z } from 'zod';
import { cloudIdSchema } from './profile';

/**
 * App-wide settings (not per profile): where a new "Create it for me" set-up points by default,
 * and the sign-in app administrators use when their tenant restricts Microsoft Graph Command Line
 * Tools (reference §13.6.2). No secrets: the extra CA is public.
 */
export const newSetupDefaultsSchema = z.object({
  cloud: cloudIdSchema.default('global'),
  /** Custom cloud only: the authority and Graph hosts next to each other. */
  customAuthorityHost: z.string().max(256).default(''),
  customGraphHost: z.string().max(256).default(''),
  /** Empty: the cloud's SMTP host. */
  smtpHost: z.string().max(256).default(''),
  smtpPort: z.number().int().min(1).max(65535).optional(),
  extraCaPem: z.string().max(100_000).default(''),
  /** Empty: Microsoft Graph Command Line Tools. */
  adminClientId: z.string().max(100).default(''),
});
export type NewSetupDefaults = z.infer<typeof newSetupDefaultsSchema>;

export const settingsSchema = z.object({ newSetup: newSetupDefaultsSchema.default(newSetupDefaultsSchema.parse({})) });
export type Settings = z.infer<typeof settingsSchema>;
