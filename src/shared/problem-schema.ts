import { z } from 'zod';
import { PROBLEM_CATEGORIES } from './problem-codes';
import type { ExchangeCmdlet, Problem, Remedy } from './problem';

/** The wire form of a Problem (src/shared/problem.ts), for values that cross IPC or come from files. */
const cmdletSchema: z.ZodType<ExchangeCmdlet> = z.object({
  name: z.string(),
  parameters: z.record(z.string(), z.union([z.string(), z.boolean(), z.array(z.string()).readonly()])),
  unknown: z.array(z.string()).readonly().optional(),
});

const remedySchema: z.ZodType<Remedy> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('system-browser') }),
  z.object({ kind: z.literal('sign-in-again') }),
  z.object({ kind: z.literal('fresh-token') }),
  z.object({ kind: z.literal('support-report') }),
  z.object({ kind: z.literal('exchange'), cmdlets: z.array(cmdletSchema).readonly() }),
]);

export const problemSchema: z.ZodType<Problem> = z.object({
  code: z.string(),
  category: z.enum(PROBLEM_CATEGORIES),
  title: z.string(),
  explanation: z.string(),
  fixSteps: z.array(z.string()).readonly(),
  commands: z.array(z.string()).readonly(),
  remedy: remedySchema.optional(),
  field: z.string().optional(),
  retryable: z.boolean(),
  detail: z.string().optional(),
});
