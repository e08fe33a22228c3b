import type { ExchangeCmdlet, Problem } from './problem';

export type { ExchangeCmdlet } from './problem';

/**
 * What the app will do in Exchange Online for the admin, shown before it runs: each cmdlet with the
 * exact PowerShell line, the same steps as a script to run by hand, and the cautions. Plain data so
 * the window and the CLI render the same plan, and the run reports per step what happened.
 */

export interface PlanStep {
  readonly id: string;
  /** What the step does, in plain words. */
  readonly purpose: string;
  /** The exact command, as an admin would paste it into Exchange Online PowerShell. */
  readonly powershell: string;
  readonly cmdlet: ExchangeCmdlet;
  /**
   * A parameter filled at run time with the Identity Exchange gave the app's service principal
   * (Microsoft's examples pass `$EXOServicePrincipal.Identity` to -User).
   */
  readonly bindServicePrincipal?: string;
  /** Exchange saying it "already exists" (or warning "already present") means this step is done. */
  readonly alreadyIsDone: boolean;
}

export interface ExchangePlan {
  readonly kind: 'give-access' | 'enable-smtp-auth' | 'fix';
  readonly title: string;
  /** What was found before planning, e.g. "Exchange already knows the app". */
  readonly found: readonly string[];
  readonly steps: readonly PlanStep[];
  /** The same steps for Exchange Online PowerShell, starting with Connect-ExchangeOnline. */
  readonly powershell: readonly string[];
  /** Cautions shown beside the button. */
  readonly notes: readonly string[];
  /** Why the app cannot run it (a value it does not know); the PowerShell still can be. */
  readonly blocked?: string;
}

export type StepStatus = 'done' | 'already' | 'failed' | 'not-run';

export interface StepOutcome {
  readonly id: string;
  readonly status: StepStatus;
  /** Exchange's warning or error text (redacted). */
  readonly message?: string;
}

export interface PlanRun {
  readonly ok: boolean;
  readonly steps: readonly StepOutcome[];
  /** On failure: what was applied, what was not, and the PowerShell for the rest. */
  readonly problem?: Problem;
}

/** How the app labels the one-click path everywhere it offers it. */
export const UNDOCUMENTED_ENDPOINT_NOTE =
  'Runs these cmdlets through the REST endpoint Exchange Online PowerShell itself uses. Microsoft does not document that endpoint as a public API and may change it; the PowerShell below does the same by hand.';

export const PROPAGATION_NOTE =
  'Exchange can take up to an hour (occasionally longer) before a change reaches mail sending; the app checks again on its own until then.';
