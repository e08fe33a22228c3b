import { z } from 'zod';

/**
 * A diagnosis: what went wrong in plain words and how to fix it. Every failure that
 * reaches a person (IPC, CLI, export) is one of these, never a stack trace.
 */
export const problemSchema = z.object({
  /** Stable code, e.g. `AADSTS7000215`, `SMTP_535_5.7.3`, `KEYCHAIN_LOCKED`. */
  code: z.string(),
  title: z.string(),
  explanation: z.string(),
  /** Ordered steps; exact portal paths where they help. */
  fixSteps: z.array(z.string()),
  /** Commands to copy (PowerShell, shell), already filled in with the user's values. */
  commands: z.array(z.string()).default([]),
  /** Which input field the problem is about, when it is about one. */
  field: z.string().optional(),
  /** Can the same action simply be tried again later (throttling, outage)? */
  retryable: z.boolean().default(false),
  /** Redacted technical detail (server text) for the support report. */
  detail: z.string().optional(),
});

export type Problem = z.infer<typeof problemSchema>;

/** Builds a problem with the optional lists filled in. */
export function problem(
  p: Omit<Problem, 'commands' | 'retryable'> & Partial<Pick<Problem, 'commands' | 'retryable'>>,
): Problem {
  return { commands: [], retryable: false, ...p };
}
