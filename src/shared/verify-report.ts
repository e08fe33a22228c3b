import { z } from 'zod';
import { problemSchema } from './problem-schema';

/**
 * The answer to "does this mailbox work?": what logged in, what sent, what the server
 * said (redacted), and the diagnosis when it failed. Crosses IPC, so it is plain data.
 */
export const verifyReportSchema = z.object({
  ok: z.boolean(),
  /** The XOAUTH2 `user=`: the mailbox whose rights are used (the shared mailbox for delegates). */
  authUser: z.string(),
  /** Who the token belongs to: the signed-in person, or the app for client credentials. */
  signedInAs: z.string().optional(),
  /** The From address of the test message (or the one the target will use). */
  fromAddress: z.string(),
  /** Set when a test message was sent and accepted. */
  sentTo: z.string().optional(),
  messageId: z.string().optional(),
  /** The SMTP conversation, one line per entry, with every token and XOAUTH2 payload redacted. */
  transcript: z.array(z.string()).readonly(),
  problem: problemSchema.optional(),
  /** Things that did not fail this check but will bite the target system (e.g. Send As). */
  warnings: z.array(problemSchema).readonly().default([]),
  /** How many connections were made (more than one after 4xx back-off). */
  attempts: z.number().int().nonnegative().default(1),
  durationMs: z.number().nonnegative(),
});

export type VerifyReport = z.infer<typeof verifyReportSchema>;
