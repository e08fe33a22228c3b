import { categoryOf, type FamilyCode, type ProblemCategory, type RegisteredCode } from './problem-codes';

export type { ProblemCategory, ProblemCode } from './problem-codes';

/**
 * One Exchange Online cmdlet a fix needs, as data: the same values give the PowerShell line
 * an admin copies and the Exchange admin REST call (`InvokeCommand`) a "Fix it" button runs.
 */
export interface ExchangeCmdlet {
  readonly name: string;
  readonly parameters: Readonly<Record<string, string | boolean | readonly string[]>>;
  /** Parameters whose value this app could not know (shown as a placeholder): look them up first. */
  readonly unknown?: readonly string[];
}

/**
 * What the app itself can offer to do about a problem, beyond the written steps:
 * - `system-browser`: sign in again in the system browser (the embedded window cannot pass this policy);
 * - `sign-in-again`: a new interactive sign-in replaces the token that no longer works;
 * - `fresh-token`: nothing is wrong but the token's age: get a new access token and retry;
 * - `support-report`: the app does not know this failure; the support report carries what helps;
 * - `exchange`: run these Exchange cmdlets (needs an Exchange administrator).
 */
export type Remedy =
  | { readonly kind: 'system-browser' }
  | { readonly kind: 'sign-in-again' }
  | { readonly kind: 'fresh-token' }
  | { readonly kind: 'support-report' }
  | { readonly kind: 'exchange'; readonly cmdlets: readonly ExchangeCmdlet[] };

/**
 * A diagnosis: what went wrong in plain words and how to fix it. Every failure that
 * reaches a person (IPC, CLI, export) is one of these, never a stack trace.
 */
export interface Problem {
  /** Stable code, e.g. `AADSTS7000215`, `SMTP_535_5.7.3`, `KEYCHAIN_LOCKED` (see problem-codes.ts). */
  readonly code: string;
  /** Whose move it is: fix the set-up, fix this computer, try later, or nothing (cancelled). */
  readonly category: ProblemCategory;
  readonly title: string;
  readonly explanation: string;
  /** Ordered steps; exact portal paths where they help. */
  readonly fixSteps: readonly string[];
  /** Commands to copy (PowerShell, shell), already filled in with the user's values. */
  readonly commands: readonly string[];
  /** What the app can do about it itself (a button), when it can. */
  readonly remedy?: Remedy;
  /** Which input field the problem is about, when it is about one. */
  readonly field?: string;
  /** Can the same action simply be tried again later (throttling, outage)? */
  readonly retryable: boolean;
  /** Redacted technical detail (server text) for the support report. */
  readonly detail?: string;
}

type Optional = 'category' | 'commands' | 'retryable';
type Body = Omit<Problem, 'code' | Optional> & Partial<Pick<Problem, Optional>>;

/**
 * Builds a problem with the optional lists filled in and the category from the registry.
 * A registered code may override its category (a rule that knows better); a server-numbered
 * family code must state one; any other code does not compile.
 */
export function problem(p: Body & { readonly code: RegisteredCode }): Problem;
export function problem(p: Body & { readonly code: FamilyCode; readonly category: ProblemCategory }): Problem;
export function problem(p: Body & { readonly code: string; readonly category?: ProblemCategory }): Problem {
  const category = p.category ?? categoryOf(p.code) ?? 'setup';
  return { commands: [], retryable: category === 'transient', ...p, category };
}
